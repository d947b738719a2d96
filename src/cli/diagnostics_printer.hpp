// Prints a run's diagnostics on stderr, sorted, one line each, then a count
// a person can read ("2 errors").
#pragma once

#include "base/diagnostics.hpp"

namespace carnet::cli {

void print_diagnostics(const base::Diagnostics& diags);

// The lines only, for commands that go on after warnings or say themselves
// what they did.
void print_diagnostic_lines(const base::Diagnostics& diags);

}  // namespace carnet::cli
