#!/usr/bin/env bash
# Lists the symbol versions a Linux native needs from glibc and libstdc++, and fails if any is newer than the oldest
# system the release supports, or if the library exports more than its JNI entry points.
#
#   check-linux-native.sh <libvss4j.so> [max GLIBC_ version] [max GLIBCXX_ version] [max CXXABI_ version]
#
# The defaults are those of manylinux_2_28 (AlmaLinux 8: glibc 2.28, the system libstdc++ of GCC 8), where the
# release builds linux_64 and linux_arm64 (docs/building.md, "Which Linux loads the native").
set -euo pipefail

library="${1:?usage: check-linux-native.sh <libvss4j.so> [max GLIBC_] [max GLIBCXX_] [max CXXABI_]}"
declare -A maximum=([GLIBC]="${2:-2.28}" [GLIBCXX]="${3:-3.4.25}" [CXXABI]="${4:-1.3.11}")
objdump="${OBJDUMP:-objdump}"

test -f "$library" || { echo "check-linux-native: $library does not exist" >&2; exit 1; }

needed="$("$objdump" -T "$library" | grep -oE '\((GLIBC|GLIBCXX|CXXABI)_[0-9.]+\)' | tr -d '()' | sort -u -V || true)"
echo "$library needs these symbol versions:"
echo "${needed:-  (none)}" | sed 's/^/  /'

status=0
for family in GLIBC GLIBCXX CXXABI; do
  newest="$(echo "$needed" | grep -E "^${family}_[0-9]" | sed "s/^${family}_//" | sort -V | tail -n 1 || true)"
  [ -n "$newest" ] || continue
  allowed="${maximum[$family]}"
  if [ "$(printf '%s\n%s\n' "$newest" "$allowed" | sort -V | tail -n 1)" != "$allowed" ]; then
    echo "FAIL: $library needs ${family}_$newest; the oldest supported system has ${family}_$allowed" >&2
    echo "$("$objdump" -T "$library" | grep -F "(${family}_$newest)")" >&2
    status=1
  else
    echo "ok: newest ${family}_ is $newest (at most $allowed)"
  fi
done

# Defined dynamic symbols other than the JNI entry points (cmake/linux-exports.map keeps them out).
extra="$("$objdump" -T "$library" | awk '$2 == "g" && $0 !~ /\*UND\*/ {print $NF}' \
  | grep -vE '^(Java_[A-Za-z0-9_]+|JNI_OnLoad|JNI_OnUnload)$' || true)"
if [ -n "$extra" ]; then
  echo "FAIL: $library exports more than its JNI entry points:" >&2
  echo "$extra" | sed 's/^/  /' >&2
  status=1
else
  echo "ok: only JNI entry points are exported"
fi
exit "$status"
