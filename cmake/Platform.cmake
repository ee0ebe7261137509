# native-lib-loader's folder names (NativeLibraryUtil.getPlatformLibraryPath): natives/<VSS4J_PLATFORM>/.
# linux_64, linux_arm64, osx_64, osx_arm64, windows_64, windows_arm64 (NativeLoaderTest holds the loader's answer for
# each). On macOS one build is one architecture: native-lib-loader has a folder per architecture, not a universal one.
set(_vss4j_processor "${CMAKE_SYSTEM_PROCESSOR}")
if(APPLE AND CMAKE_OSX_ARCHITECTURES)
  list(LENGTH CMAKE_OSX_ARCHITECTURES _vss4j_osx_count)
  if(NOT _vss4j_osx_count EQUAL 1)
    message(FATAL_ERROR "CMAKE_OSX_ARCHITECTURES='${CMAKE_OSX_ARCHITECTURES}': build one architecture at a time "
                        "(x86_64 for natives/osx_64, arm64 for natives/osx_arm64), as native-lib-loader looks for each "
                        "in a folder of its own.")
  endif()
  set(_vss4j_processor "${CMAKE_OSX_ARCHITECTURES}")
endif()
if(_vss4j_processor MATCHES "^(ARM64|arm64|aarch64)$")
  set(_vss4j_arch arm64)
elseif(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(_vss4j_arch 64)
else()
  set(_vss4j_arch 32)
endif()
if(WIN32)
  set(_vss4j_os windows)
elseif(APPLE)
  set(_vss4j_os osx)
else()
  set(_vss4j_os linux)
endif()
set(VSS4J_PLATFORM ${_vss4j_os}_${_vss4j_arch})
message(STATUS "vss4j native platform folder: ${VSS4J_PLATFORM}")
