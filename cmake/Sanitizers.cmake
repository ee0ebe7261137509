# VSS4J_SANITIZE=address,undefined builds everything with those sanitizers (gcc or clang).
set(VSS4J_SANITIZE "" CACHE STRING "Comma-separated sanitizers (e.g. address,undefined); empty for none")
if(VSS4J_SANITIZE AND NOT MSVC)
  add_compile_options(-fsanitize=${VSS4J_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${VSS4J_SANITIZE})
endif()
