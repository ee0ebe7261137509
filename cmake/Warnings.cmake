# Warnings are errors on every compiler we build with.
#
# The Windows DLL's real compiler is MSVC at /W4 /WX, which only the GitHub runners have. gcc (the host build and
# the mingw-w64 cross build alike) gets, besides -Wall -Wextra, the flags that catch the same mistakes, so that
# this machine rejects what the first MSVC build would:
#   -Wconversion          C4244 (conversion, possible loss of data), C4267 (size_t to a smaller type)
#   -Wsign-conversion     C4245 (signed/unsigned conversion)
#   -Wsign-compare        C4018, C4389 (signed/unsigned comparison; in -Wall for C++, named for the record)
#   -Wshadow              C4456, C4457, C4458, C4459 (a declaration hides a local, parameter, member or global)
#   -Wunused-parameter    C4100 (unreferenced formal parameter; in -Wextra)
#   -Wunused              C4189 (local variable unused), C4505 (unreferenced local function; in -Wall)
#   -Wmaybe-uninitialized C4701, C4703 (possibly uninitialized local; in -Wall)
#   -Wparentheses         C4706 (assignment within a condition) for the `if (a = b)` form only; gcc has nothing for
#                         `if (!(a = b))`, so the house rule (no assignment inside a condition) is kept by review
#   -Wmismatched-tags     C4099 (declared `struct`, defined `class`, or the reverse)
#   -Wdeprecated-declarations  C4996 for [[deprecated]] (on by default); mingw does not mark the CRT functions
#                         MSVC calls unsafe (getenv, strcpy, sprintf, ...), which the shim does not use
# C4127 (constant condition) has no gcc counterpart: use `if constexpr` for a compile-time choice.
# One set for both gcc builds: the host build was already clean under it, and a second set would let code that
# only the Linux build compiles drift from the rule.
function(vss4j_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX /permissive- /utf-8)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Woverloaded-virtual -Wcast-align -Wconversion -Wsign-conversion
                                             -Wsign-compare -Wunused-parameter -Wparentheses -Wmismatched-tags
                                             -Werror)
  endif()
endfunction()
