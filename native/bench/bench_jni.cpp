// Bench only (linked into the JNI library when VSS4J_BENCH=ON): what io.github.vss4j.internal.BenchBridge
// needs to time a completion natively. Not part of the shipped library.
#include <jni.h>
#include <malloc.h>
#include <time.h>

#include <memory>

#include "jni/handles.h"
#include "jni/jni_util.h"
#include "timing_backend.h"

namespace jni = vss4j::jni;

#define VSS4J_BENCH_JNI(ret, name) extern "C" JNIEXPORT ret JNICALL Java_io_github_vss4j_internal_BenchBridge_##name

VSS4J_BENCH_JNI(jlong, monotonicNanos)(JNIEnv*, jclass) { return vss4j::bench::monotonicNanos(); }

VSS4J_BENCH_JNI(jlong, lastWaitReturnNanos)(JNIEnv*, jclass) { return vss4j::bench::lastWaitReturnNanos(); }

// The JVM's own process CPU time (OperatingSystemMXBean) counts in 10 ms clock ticks: too coarse for 1% of 5 s.
VSS4J_BENCH_JNI(jlong, processCpuNanos)(JNIEnv*, jclass) {
  timespec now{};
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) != 0) return -1;
  return static_cast<jlong>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

VSS4J_BENCH_JNI(jlong, wrapTimed)(JNIEnv* env, jclass, jlong backend) {
  return jni::guarded(env, jlong{0}, [&]() -> jlong {
    std::shared_ptr<vss4j::Backend> inner = jni::backendOrThrow(env, backend);
    if (!inner) return 0;
    return jni::backends().add(vss4j::bench::timingBackend(std::move(inner)));
  });
}

VSS4J_BENCH_JNI(void, release)(JNIEnv* env, jclass, jlong handle) {
  jni::guardedVoid(env, [&] { jni::backends().remove(handle); });
}

VSS4J_BENCH_JNI(void, mallocTrim)(JNIEnv*, jclass) { malloc_trim(0); }

// uordblks: in use from the arenas; hblkhd: the large blocks malloc() mapped on their own.
VSS4J_BENCH_JNI(jlong, mallocInUse)(JNIEnv*, jclass) {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<jlong>(info.uordblks + info.hblkhd);
}
