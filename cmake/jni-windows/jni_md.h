/* jni_md.h for cross-building the Windows DLL (the JDK on this machine ships only its own platform's copy).
 * It declares what the Windows jni_md.h of JDK 17 and 21, the JDKs the Windows jobs build with, declares:
 * jint is a `long` and jlong an `__int64` there, so a pointer to int32_t or int64_t is not a jint* or jlong* to
 * MSVC (error C2664). Declaring the same here makes the mingw build reject what MSVC would reject.
 * (JDK 22 and later say `int` and `long long`; code that uses jint and jlong throughout compiles with both.) */
#ifndef VSS4J_JNI_MD_H
#define VSS4J_JNI_MD_H

#ifndef JNIEXPORT
#define JNIEXPORT __declspec(dllexport)
#endif
#define JNIIMPORT __declspec(dllimport)
/* No effect on x64 and ARM64 (one calling convention each); kept identical to the JDK's all the same. */
#define JNICALL __stdcall

typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;

#endif
