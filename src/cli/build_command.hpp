// `carnet build [SITE] [-o DIR] [--base-url URL] [--drafts]`
#pragma once

#include <CLI/CLI.hpp>

namespace carnet::cli {

void add_build_command(CLI::App& app, int& exit_code);

}  // namespace carnet::cli
