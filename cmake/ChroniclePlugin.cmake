# chronicle_add_plugin(<name> <sources>...)
# Builds an extractor plugin as a MODULE library named libchronicle_<name>.so (target
# chronicle_plugin_<name>), against chronicle::sdk only, with hidden visibility. On ELF
# platforms a linker version script keeps the two Chronicle symbols and nothing else in the
# dynamic symbol table. The file is made not writable by group and others: the host refuses
# a plugin that other users could replace.
#
# Used by Chronicle's own plugins and, through find_package(chronicle), by plugins built
# out of tree. In Chronicle's build the library goes to the build tree's plugin folder
# (CHRONICLE_PLUGIN_OUTPUT_DIR) and is installed with Chronicle (CHRONICLE_PLUGIN_SUBDIR).
set(_chronicle_plugin_cmake_dir "${CMAKE_CURRENT_LIST_DIR}")

function(chronicle_add_plugin name)
  if(NOT ARGN)
    message(FATAL_ERROR "chronicle_add_plugin(${name}): give the plugin's source files")
  endif()
  if(NOT name MATCHES "^[A-Za-z0-9_-]+$")
    message(FATAL_ERROR "chronicle_add_plugin(${name}): a plugin name is letters, digits, _ and -")
  endif()
  set(target chronicle_plugin_${name})
  add_library(${target} MODULE ${ARGN})
  target_link_libraries(${target} PRIVATE chronicle::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    SUFFIX ".so"
    OUTPUT_NAME "chronicle_${name}"
    CXX_STANDARD 17
    CXX_STANDARD_REQUIRED ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(CMAKE_SYSTEM_NAME MATCHES "Linux|BSD" AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "MSVC")
    # std:: template instances and the SDK's type_info are not part of the plugin ABI
    set(map "${CMAKE_CURRENT_BINARY_DIR}/chronicle_plugin_exports.map")
    if(NOT EXISTS "${map}")
      file(WRITE "${map}"
           "{\n  global: chronicle_plugin_info; chronicle_plugin_register;\n  local: *;\n};\n")
    endif()
    target_link_options(${target} PRIVATE "LINKER:--version-script=${map}")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${map}")
  endif()
  if(DEFINED CHRONICLE_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${CHRONICLE_PLUGIN_OUTPUT_DIR}")
  endif()
  if(UNIX)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND chmod go-w "$<TARGET_FILE:${target}>" "$<TARGET_FILE_DIR:${target}>"
      VERBATIM)
  endif()
  if(DEFINED CHRONICLE_PLUGIN_SUBDIR)
    install(TARGETS ${target} LIBRARY DESTINATION ${CHRONICLE_PLUGIN_SUBDIR})
  endif()
endfunction()
