# The commit `carnet --version` names, found once at configure time: the
# version itself is project(VERSION) in CMakeLists.txt, the one place it
# lives. Carnet never runs git; a source tree without .git (an archive)
# builds with "unknown", and a release build may pass -DCARNET_COMMIT=...
# Only app.cpp gets the definition, so a new commit recompiles one file; it
# is read when CMake configures, so a build tree configured before a commit
# still names the earlier one until CMake runs again.
set(CARNET_COMMIT "" CACHE STRING "The commit --version names (default: git describe at configure time)")
set(carnet_commit "${CARNET_COMMIT}")
if(carnet_commit STREQUAL "")
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(
      COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_SOURCE_DIR} describe --tags --always --abbrev=12
      OUTPUT_VARIABLE carnet_commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
      RESULT_VARIABLE git_rc)
    if(NOT git_rc EQUAL 0)
      set(carnet_commit "")
    endif()
  endif()
endif()
if(carnet_commit STREQUAL "")
  set(carnet_commit "unknown")
endif()
set_source_files_properties(${CMAKE_SOURCE_DIR}/src/cli/app.cpp PROPERTIES COMPILE_DEFINITIONS
                            "CARNET_COMMIT=\"${carnet_commit}\"")
message(STATUS "Carnet ${PROJECT_VERSION} (${carnet_commit})")
