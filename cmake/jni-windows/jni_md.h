/* jni_md.h for cross-building the Windows DLL: the JDK on this machine ships only its own platform's copy. */
#ifndef VSS4J_JNI_MD_H
#define VSS4J_JNI_MD_H

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL

typedef int jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
