# cmake -DNM=nm -DPLUGINS=a.so;b.so -P check_exports.cmake
# Each plugin's dynamic symbol table (nm -D --defined-only) must hold exactly
# chronicle_plugin_info and chronicle_plugin_register.
foreach(plugin IN LISTS PLUGINS)
  execute_process(COMMAND ${NM} -D --defined-only ${plugin}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${NM} -D --defined-only ${plugin} failed (${rc}): ${err}")
  endif()
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE "\n" ";" lines "${out}")
  set(names "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^.* " "" name "${line}")
    list(APPEND names "${name}")
  endforeach()
  list(SORT names)
  if(NOT names STREQUAL "chronicle_plugin_info;chronicle_plugin_register")
    message(STATUS "extra-or-missing-symbols: ${plugin}")  # one line, for ctest to match
    message(FATAL_ERROR "${plugin} exports more or less than the two Chronicle symbols:\n"
                        "${out}\n(expected chronicle_plugin_info and chronicle_plugin_register; "
                        "build it with chronicle_add_plugin(), which hides the rest)")
  endif()
  message(STATUS "${plugin}: ${names}")
endforeach()
