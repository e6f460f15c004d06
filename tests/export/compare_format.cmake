# Runs `chronicle extract INPUT --format FORMAT` and compares the output with EXPECTED.
execute_process(COMMAND ${CHRONICLE} extract ${INPUT} --format ${FORMAT} -o ${OUTPUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "chronicle exited with ${rc}: ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUTPUT} ${EXPECTED} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  execute_process(COMMAND diff -u ${EXPECTED} ${OUTPUT})
  message(FATAL_ERROR "${FORMAT} output differs from ${EXPECTED} (diff above); if the change "
                      "is intended, copy ${OUTPUT} over it")
endif()
