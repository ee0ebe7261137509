# cmake -DOBJDUMP=... -DBINARY=... -P CheckNoVssapiImport.cmake
# Fails if the binary imports vssapi.dll: it is loaded at run time from System32 only, so that the library loads
# on every Windows and a missing VSS is an error the caller can report, not a failed System.load.
execute_process(COMMAND ${OBJDUMP} -p ${BINARY} OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objdump -p ${BINARY} failed (${rc})")
endif()
string(TOLOWER "${dump}" dump)
if(dump MATCHES "dll name: vssapi\\.dll")
  message(FATAL_ERROR "${BINARY} imports vssapi.dll")
endif()
message(STATUS "${BINARY}: no import of vssapi.dll")
