#include "cli/app.hpp"

int main(int argc, char** argv) { return carnet::cli::run(argc, argv); }
