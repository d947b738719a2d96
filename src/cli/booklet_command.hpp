// `carnet booklet PLAN.plan.yaml --lang fr --format pdf -o FILE [--site DIR]`:
// one booklet of one plan, written to FILE and nothing else.
#pragma once

#include <CLI/CLI.hpp>

namespace carnet::cli {

void add_booklet_command(CLI::App& app, int& exit_code);

}  // namespace carnet::cli
