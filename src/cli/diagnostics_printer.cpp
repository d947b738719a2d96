#include "cli/diagnostics_printer.hpp"

#include <cstdio>

namespace carnet::cli {

void print_diagnostic_lines(const base::Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::fprintf(stderr, "%s\n", d.format().c_str());
}

void print_diagnostics(const base::Diagnostics& diags) {
  print_diagnostic_lines(diags);
  if (size_t n = diags.error_count())
    std::fprintf(stderr, "%zu error%s; nothing was written\n", n, n == 1 ? "" : "s");
}

}  // namespace carnet::cli
