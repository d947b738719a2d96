// The one test binary's entry point: unit tests beside each module
// (src/**/*_test.cpp) and end-to-end tests (tests/*_test.cpp) link into it.
//
// Fixture sites live inside Carnet's own Git repository: built in place,
// their plans would take dates and status histories from Carnet's commits
// (load/plan_history). Git's GIT_CEILING_DIRECTORIES, which Carnet honours,
// stops the search for a repository at tests/, for this process and the
// `carnet` processes it starts. Tests that need a repository make their own.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char* argv[]) {
  setenv("GIT_CEILING_DIRECTORIES", CARNET_SOURCE_DIR "/tests", 1);
  return Catch::Session().run(argc, argv);
}
