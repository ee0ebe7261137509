// When the log upcall attaches a thread to the JVM and when it detaches it (jni/native_log.h), against a fake JavaVM
// and JNIEnv: a thread of ours stays attached between lines and is detached by itself before it ends (never from
// a thread_local destructor, which Windows runs under the loader lock); any other thread is attached for one line;
// a thread the JVM knows is left alone.
#include <gtest/gtest.h>
#include <jni.h>

#include <chrono>
#include <cstdarg>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "core/log.h"
#include "core/object_thread.h"
#include "core/own_thread.h"
#include "core/thread_pool.h"
#include "jni/jni_util.h"
#include "jni/native_log.h"

namespace {

struct Detach {
  std::thread::id thread;
  std::size_t poolThreads;  // the test pool's count at the time
};

std::mutex g_mutex;
int g_attaches = 0;
int g_lines = 0;
std::vector<Detach> g_detaches;
vss4j::ThreadPool* g_pool = nullptr;
thread_local bool t_attached = false;   // the fake JVM's view of this thread
thread_local bool t_jvmThread = false;  // a thread the JVM started (a Java thread)

JNINativeInterface_ g_envFunctions{};
JNIEnv g_env{&g_envFunctions};

jint JNICALL getEnv(JavaVM*, void** env, jint) {
  if (!t_attached && !t_jvmThread) return JNI_EDETACHED;
  *env = &g_env;
  return JNI_OK;
}
jint JNICALL attachAsDaemon(JavaVM*, void** env, void*) {
  std::lock_guard<std::mutex> lock(g_mutex);
  ++g_attaches;
  t_attached = true;
  *env = &g_env;
  return JNI_OK;
}
jint JNICALL detach(JavaVM*) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_detaches.push_back({std::this_thread::get_id(), g_pool == nullptr ? 0 : g_pool->threadCount()});
  t_attached = false;
  return JNI_OK;
}
jstring JNICALL newStringUtf(JNIEnv*, const char*) {
  static char text;
  return reinterpret_cast<jstring>(&text);
}
void JNICALL callStaticVoidV(JNIEnv*, jclass, jmethodID, va_list) {
  std::lock_guard<std::mutex> lock(g_mutex);
  ++g_lines;
}
jboolean JNICALL exceptionCheck(JNIEnv*) { return JNI_FALSE; }
void JNICALL deleteLocalRef(JNIEnv*, jobject) {}

JNIInvokeInterface_ g_vmFunctions{};
JavaVM g_vm{&g_vmFunctions};

class NativeLog : public ::testing::Test {
 protected:
  void SetUp() override {
    g_vmFunctions.GetEnv = &getEnv;
    g_vmFunctions.AttachCurrentThreadAsDaemon = &attachAsDaemon;
    g_vmFunctions.DetachCurrentThread = &detach;
    g_envFunctions.NewStringUTF = &newStringUtf;
    g_envFunctions.CallStaticVoidMethodV = &callStaticVoidV;
    g_envFunctions.ExceptionCheck = &exceptionCheck;
    g_envFunctions.DeleteLocalRef = &deleteLocalRef;
    std::lock_guard<std::mutex> lock(g_mutex);
    g_attaches = 0;
    g_lines = 0;
    g_detaches.clear();
    vss4j::jni::installJavaLogSink();
  }
  void TearDown() override {
    vss4j::setLogSink(nullptr);
    vss4j::setThreadEndHook(nullptr);
    g_pool = nullptr;
  }
};

TEST_F(NativeLog, OurThreadStaysAttachedBetweenLinesAndDetachesItselfBeforeItEnds) {
  vss4j::ThreadPool::Limits noIdle;
  noIdle.maxIdle = 0;  // a thread given back ends at once
  vss4j::ThreadPool pool(noIdle);
  g_pool = &pool;
  std::thread::id worker;
  {
    vss4j::ObjectThread thread(nullptr, nullptr, pool);
    worker = thread.call([] {
      vss4j::log(vss4j::LogLevel::Info, "one");
      vss4j::log(vss4j::LogLevel::Info, "two");
      return std::this_thread::get_id();
    });
  }
  ASSERT_TRUE(pool.awaitThreadCount(0, std::chrono::seconds(10)));
  std::lock_guard<std::mutex> lock(g_mutex);
  EXPECT_EQ(g_lines, 2);
  EXPECT_EQ(g_attaches, 1);
  ASSERT_EQ(g_detaches.size(), 1u);
  EXPECT_EQ(g_detaches[0].thread, worker);
  EXPECT_EQ(g_detaches[0].poolThreads, 1u) << "detached while the thread still ran the pool's code";
}

TEST_F(NativeLog, AnotherThreadIsAttachedForOneLineAtATime) {
  bool attachedBetween = true;
  std::thread foreign([&] {
    vss4j::log(vss4j::LogLevel::Info, "one");
    attachedBetween = t_attached;
    vss4j::log(vss4j::LogLevel::Info, "two");
  });
  foreign.join();
  EXPECT_FALSE(attachedBetween);
  std::lock_guard<std::mutex> lock(g_mutex);
  EXPECT_EQ(g_lines, 2);
  EXPECT_EQ(g_attaches, 2);
  EXPECT_EQ(g_detaches.size(), 2u);
}

TEST_F(NativeLog, AThreadTheJvmKnowsIsNeitherAttachedNorDetached) {
  std::thread java([] {
    t_jvmThread = true;
    vss4j::log(vss4j::LogLevel::Info, "from Java");
    vss4j::OwnThread own;  // even one that calls itself ours: the JVM attached it, not the upcall
    vss4j::log(vss4j::LogLevel::Info, "again");
  });
  java.join();
  std::lock_guard<std::mutex> lock(g_mutex);
  EXPECT_EQ(g_lines, 2);
  EXPECT_EQ(g_attaches, 0);
  EXPECT_TRUE(g_detaches.empty());
}

}  // namespace

// The two lookups native_log.cpp makes, normally filled in by JNI_OnLoad: here the fake VM and no real classes.
namespace vss4j::jni {
const Classes& classes() {
  static const Classes none;
  return none;
}
JavaVM* vm() { return &g_vm; }
}  // namespace vss4j::jni
