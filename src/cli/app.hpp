// The command line: parses arguments with CLI11 and runs one command.
// Exit status: 0 success, 1 content errors (or a system failure), 2 wrong usage.
#pragma once

namespace carnet::cli {

int run(int argc, char** argv);

}  // namespace carnet::cli
