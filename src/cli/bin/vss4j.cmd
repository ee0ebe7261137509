@echo off
rem The vss4j command line: runs io.github.vss4j.cli.Main on the jars in this distribution's lib\.
rem   JAVA_HOME  the Java to run (17 or later); without it, java.exe on the PATH
rem   JAVA_OPTS  more options for the JVM, e.g. -Xmx256m
rem --enable-native-access=ALL-UNNAMED: vss4j loads its native library from the class path; JDK 24 and later warn
rem about that without this option (and a later JDK will refuse it). JDK 17 to 23 accept the option as well.
rem No parenthesised blocks below: a JAVA_HOME such as "C:\Program Files (x86)\..." would end one early.
setlocal
set "VSS4J_HOME=%~dp0.."

if not defined JAVA_HOME goto javaOnPath
set "VSS4J_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%VSS4J_JAVA%" goto run
echo vss4j: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe: set JAVA_HOME to a Java 17 or later. 1>&2
exit /b 1

:javaOnPath
set "VSS4J_JAVA=java.exe"
where /q java.exe
if not errorlevel 1 goto run
echo vss4j: no java.exe on the PATH and JAVA_HOME is not set: install Java 17 or later, or set JAVA_HOME. 1>&2
exit /b 1

:run
"%VSS4J_JAVA%" %JAVA_OPTS% --enable-native-access=ALL-UNNAMED -cp "%VSS4J_HOME%\lib\*" io.github.vss4j.cli.Main %*
exit /b %ERRORLEVEL%
