// `carnet import PLAN.csv -o content/plans/NAME.plan.yaml [--lang fr]
// [--title TEXT] [--levels N] [--force]`: a plan spreadsheet saved as CSV
// becomes a plan file (see csv_plan_import.hpp for the table's shape).
#pragma once

#include <CLI/CLI.hpp>

namespace carnet::cli {

void add_import_command(CLI::App& app, int& exit_code);

}  // namespace carnet::cli
