# Deterministic natives: the same commit built twice, in any folder and at any time, gives the same bytes, so that
# anyone can rebuild a release and compare it with ours (.ci/check-reproducible checks it for every build here).
#
# What would otherwise differ between two builds:
# - the folder it was built in: in the debug info (DW_AT_name, DW_AT_comp_dir), in __FILE__, and through the debug
#   file's CRC in the stripped library's .gnu_debuglink section. Every path under the repository (sources, build
#   trees in target/, generated and javac -h headers) is rewritten to start with `.`;
# - the time: mingw's ld writes the link time into the PE header (TimeDateStamp) unless told not to, and objcopy
#   (which strips the DLL, see CMakeLists.txt) writes its own time there unless SOURCE_DATE_EPOCH is set
#   (VSS4J_OBJCOPY); MSVC writes it into the objects, the PE header and the PDB's signature unless /Brepro makes
#   each a hash of the content;
# - mingw's gcc links a DLL with --enable-auto-image-base, whose preferred base is a hash of the output file's
#   path. A fixed base costs nothing: the DLL is DYNAMIC_BASE (ASLR), so Windows places it anywhere anyway.
# No source uses __DATE__, __TIME__ or __TIMESTAMP__ (-Werror=date-time below refuses one).
get_filename_component(VSS4J_REPOSITORY_ROOT "${CMAKE_CURRENT_SOURCE_DIR}/.." ABSOLUTE)

if(MSVC)
  add_compile_options(/Brepro)
  # /PDBALTPATH: the DLL names its PDB by file name only, not by the build folder's absolute path.
  add_link_options(/Brepro "/PDBALTPATH:%_PDB%")
else()
  add_compile_options(-ffile-prefix-map=${VSS4J_REPOSITORY_ROOT}=. -Werror=date-time)
  # A build folder outside the repository (cmake -B elsewhere) leaks its path too.
  string(FIND "${CMAKE_BINARY_DIR}/" "${VSS4J_REPOSITORY_ROOT}/" _vss4j_binary_in_repository)
  if(NOT _vss4j_binary_in_repository EQUAL 0)
    add_compile_options(-ffile-prefix-map=${CMAKE_BINARY_DIR}=./build)
  endif()
  if(MINGW)
    add_link_options(-Wl,--no-insert-timestamp -Wl,--disable-auto-image-base)
  endif()
endif()
# 0: the time stamp a link with --no-insert-timestamp writes, which objcopy then keeps.
set(VSS4J_OBJCOPY ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=0 ${CMAKE_OBJCOPY})
