# cmake -DAPP=hopfield-lab -DCHECK=app_smoke_check -DPNG=out.png -P smoke_test.cmake
file(REMOVE ${PNG})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_VIDEODRIVER=offscreen
    ${APP} --size 16 --set letters --demo 0.2 --smoke-frames 30 --screenshot ${PNG}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "hopfield-lab exited with ${rc}")
endif()
execute_process(COMMAND ${CHECK} ${PNG} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the screenshot ${PNG} looks blank")
endif()
