#include "jni/jni_util.h"

namespace vss4j::jni {
namespace {

void throwNew(JNIEnv* env, jclass type, const std::string& message) {
  if (env->ExceptionCheck()) return;  // the first exception is the one that explains
  if (type == nullptr) type = classes().runtime;
  env->ThrowNew(type, message.c_str());
}

}  // namespace

void throwIllegalState(JNIEnv* env, const std::string& message) { throwNew(env, classes().illegalState, message); }
void throwIllegalArgument(JNIEnv* env, const std::string& message) {
  throwNew(env, classes().illegalArgument, message);
}
void throwNullPointer(JNIEnv* env, const std::string& message) { throwNew(env, classes().nullPointer, message); }
void throwUnsupported(JNIEnv* env, const std::string& message) { throwNew(env, classes().unsupported, message); }
void throwOutOfMemory(JNIEnv* env, const std::string& message) { throwNew(env, classes().outOfMemory, message); }
void throwRuntime(JNIEnv* env, const std::string& message) { throwNew(env, classes().runtime, message); }

void throwCurrentException(JNIEnv* env) noexcept {
  try {
    try {
      throw;
    } catch (const ClosedError& e) {
      throwIllegalState(env, std::string("vss4j: ") + e.what());
    } catch (const std::bad_alloc&) {
      throwOutOfMemory(env, "vss4j: native memory exhausted");
    } catch (const std::exception& e) {
      throwRuntime(env, std::string("vss4j: internal error in the native shim: ") + e.what());
    } catch (...) {
      throwRuntime(env, "vss4j: internal error in the native shim");
    }
  } catch (...) {
    // No memory even for the message: the error without our words, rather than an exception left in flight.
    if (!env->ExceptionCheck()) env->ThrowNew(classes().outOfMemory, "vss4j: native memory exhausted");
  }
}

std::optional<WString> toWString(JNIEnv* env, jstring text, const char* what) {
  if (text == nullptr) {
    throwNullPointer(env, std::string(what) + " is null");
    return std::nullopt;
  }
  const jsize length = env->GetStringLength(text);
  WString result(static_cast<std::size_t>(length), u'\0');
  // GetStringRegion copies without pinning and cannot leave anything to release.
  env->GetStringRegion(text, 0, length, reinterpret_cast<jchar*>(result.data()));
  if (env->ExceptionCheck()) return std::nullopt;
  return result;
}

jstring toJString(JNIEnv* env, const WString& text) {
  return env->NewString(reinterpret_cast<const jchar*>(text.data()), static_cast<jsize>(text.size()));
}

}  // namespace vss4j::jni
