// The one test binary's entry point: unit tests beside each module
// (src/**/*_test.cpp) and end-to-end tests (tests/*_test.cpp) link into it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
