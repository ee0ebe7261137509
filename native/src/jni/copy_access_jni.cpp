// NativeBridge's entries for reading a copy on Windows (WindowsCopyAccess): the directory link to a copy's device
// object, and files opened with backup semantics, held by id as every native object Java uses. Each returns the
// Win32 error for Java to map to the JDK's exceptions. Built for every OS; off Windows each entry throws
// UnsupportedOperationException, as systemBackend does.
#include <jni.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "io_github_vss4j_internal_NativeBridge.h"
#include "jni/jni_util.h"
#include "jni/marshal.h"
#ifdef _WIN32
#include "core/handle_registry.h"
#include "windows/backup_open.h"
#include "windows/convert.h"
#include "windows/copy_link.h"
#endif

namespace jni = vss4j::jni;

namespace {

#ifdef _WIN32

// Never destroyed: at JVM exit no static destructor may run CloseHandle behind a read still in flight.
vss4j::HandleRegistry<vss4j::win::BackupFile>& files() {
  static auto* registry = new vss4j::HandleRegistry<vss4j::win::BackupFile>();
  return *registry;
}

// A read in flight holds the file through this shared_ptr: a close meanwhile only drops the id, and CloseHandle
// runs when the read returns.
std::shared_ptr<vss4j::win::BackupFile> fileOrThrow(JNIEnv* env, jlong file) {
  std::shared_ptr<vss4j::win::BackupFile> found = files().find(file);
  if (!found) {
    jni::throwIllegalState(env, "vss4j: backup file handle " + std::to_string(file) + " is closed or was never valid");
  }
  return found;
}

std::optional<std::wstring> wideArgument(JNIEnv* env, jstring text, const char* what) {
  std::optional<vss4j::WString> utf16 = jni::toWString(env, text, what);
  if (!utf16) return std::nullopt;
  // Win32 reads up to the first NUL: a path with one inside would name another file than Java asked for.
  if (utf16->find(u'\0') != vss4j::WString::npos) {
    jni::throwIllegalArgument(env, std::string("vss4j: ") + what + " holds a NUL character, which no Windows path "
                                   "may hold");
    return std::nullopt;
  }
  return vss4j::win::toWide(*utf16);
}

#else

jint notOnThisOs(JNIEnv* env) {
  jni::throwUnsupported(env,
                        "vss4j: reading a shadow copy through a link to its device object needs Windows; this native "
                        "library was built for another OS (the simulator reads its copies through its own backend)");
  return 0;
}

#endif

}  // namespace

VSS4J_JNI(jint, copyLinkCreate)(JNIEnv* env, jclass, jstring deviceObject, jstring link) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    std::optional<std::wstring> device = wideArgument(env, deviceObject, "deviceObject");
    if (!device) return 0;
    std::optional<std::wstring> at = wideArgument(env, link, "link");
    if (!at) return 0;
    const std::string problem = vss4j::win::deviceObjectProblem(*device);
    if (!problem.empty()) {
      jni::throwIllegalArgument(env, "vss4j: device object '" + vss4j::win::toUtf8(*device) + "' " + problem);
      return 0;
    }
    return static_cast<jint>(vss4j::win::makeCopyLink(*at, *device));
#else
    (void)deviceObject;
    (void)link;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(jint, copyLinkRemove)(JNIEnv* env, jclass, jstring link) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    std::optional<std::wstring> at = wideArgument(env, link, "link");
    if (!at) return 0;
    return static_cast<jint>(vss4j::win::removeCopyLink(*at));
#else
    (void)link;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(jint, backupOpen)(JNIEnv* env, jclass, jstring path, jstring deviceObject, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    if (!jni::checkLength(env, out, 2, "backup open holder")) return 0;
    std::optional<std::wstring> file = wideArgument(env, path, "path");
    if (!file) return 0;
    std::optional<std::wstring> device = wideArgument(env, deviceObject, "deviceObject");
    if (!device) return 0;
    const std::wstring ntDevice = vss4j::win::ntDeviceOf(*device);
    if (ntDevice.empty()) {
      jni::throwIllegalArgument(env, "vss4j: device object '" + vss4j::win::toUtf8(*device) + "' " +
                                         vss4j::win::deviceObjectProblem(*device));
      return 0;
    }
    const vss4j::win::BackupOpenResult opened = vss4j::win::openForBackup(*file, ntDevice);
    jlong answer[2] = {0, opened.privilegeEnabled ? 1 : 0};
    if (opened.handle != INVALID_HANDLE_VALUE) {
      // Owned from here: a failure to register (no memory) closes it in BackupFile's destructor.
      auto owned = std::make_shared<vss4j::win::BackupFile>(opened.handle);
      answer[0] = files().add(std::move(owned));
    }
    env->SetLongArrayRegion(out, 0, 2, answer);
    return static_cast<jint>(opened.error);
#else
    (void)path;
    (void)deviceObject;
    (void)out;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(jint, backupRead)(JNIEnv* env, jclass, jlong file, jobject buffer, jint offset, jint length, jintArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    if (!jni::checkLength(env, out, 1, "read count holder")) return 0;
    if (buffer == nullptr) {
      jni::throwNullPointer(env, "buffer is null");
      return 0;
    }
    auto* base = static_cast<unsigned char*>(env->GetDirectBufferAddress(buffer));
    const jlong capacity = env->GetDirectBufferCapacity(buffer);
    if (base == nullptr || capacity < 0) {
      jni::throwIllegalArgument(env, "vss4j: the read buffer is not a direct buffer");
      return 0;
    }
    if (offset < 0 || length < 0 || static_cast<jlong>(offset) + length > capacity) {
      jni::throwIllegalArgument(env, "vss4j: read range [" + std::to_string(offset) + ", +" + std::to_string(length) +
                                         ") is outside the buffer's " + std::to_string(capacity) + " bytes");
      return 0;
    }
    std::shared_ptr<vss4j::win::BackupFile> open = fileOrThrow(env, file);
    if (!open) return 0;
    DWORD read = 0;
    const DWORD error = open->read(base + offset, static_cast<DWORD>(length), read);
    const jint count = static_cast<jint>(read);
    env->SetIntArrayRegion(out, 0, 1, &count);
    return static_cast<jint>(error);
#else
    (void)file;
    (void)buffer;
    (void)offset;
    (void)length;
    (void)out;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(jint, backupSeek)(JNIEnv* env, jclass, jlong file, jlong position) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    if (position < 0) {
      jni::throwIllegalArgument(env, "vss4j: position " + std::to_string(position) + " is negative");
      return 0;
    }
    std::shared_ptr<vss4j::win::BackupFile> open = fileOrThrow(env, file);
    if (!open) return 0;
    return static_cast<jint>(open->seek(position));
#else
    (void)file;
    (void)position;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(jint, backupSize)(JNIEnv* env, jclass, jlong file, jlongArray out) {
  return jni::guarded(env, jint{0}, [&]() -> jint {
#ifdef _WIN32
    if (!jni::checkLength(env, out, 1, "size holder")) return 0;
    std::shared_ptr<vss4j::win::BackupFile> open = fileOrThrow(env, file);
    if (!open) return 0;
    std::int64_t size = 0;
    const DWORD error = open->size(size);
    const jlong answer = size;
    env->SetLongArrayRegion(out, 0, 1, &answer);
    return static_cast<jint>(error);
#else
    (void)file;
    (void)out;
    return notOnThisOs(env);
#endif
  });
}

VSS4J_JNI(void, backupClose)(JNIEnv* env, jclass, jlong file) {
  jni::guardedVoid(env, [&] {
#ifdef _WIN32
    // A second close finds nothing: the handle was closed (or will be, when its last read returns) exactly once.
    files().remove(file);
#else
    (void)file;
    notOnThisOs(env);
#endif
  });
}
