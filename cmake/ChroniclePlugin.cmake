# chronicle_add_plugin(<name> <sources>...)
# Builds an extractor plugin as a MODULE library named libchronicle_<name>.so, against
# chronicle::sdk only, with hidden visibility, into the plugin directory of the build tree.
function(chronicle_add_plugin name)
  add_library(chronicle_plugin_${name} MODULE ${ARGN})
  target_link_libraries(chronicle_plugin_${name} PRIVATE chronicle::sdk)
  set_target_properties(chronicle_plugin_${name} PROPERTIES
    PREFIX "lib"
    OUTPUT_NAME "chronicle_${name}"
    CXX_STANDARD 17
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(DEFINED CHRONICLE_PLUGIN_OUTPUT_DIR)
    set_target_properties(chronicle_plugin_${name} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${CHRONICLE_PLUGIN_OUTPUT_DIR}")
  endif()
  if(DEFINED CHRONICLE_PLUGIN_SUBDIR)
    install(TARGETS chronicle_plugin_${name} LIBRARY DESTINATION ${CHRONICLE_PLUGIN_SUBDIR})
  endif()
endfunction()
