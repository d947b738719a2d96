// `carnet changes [SITE] [--since REF] [--lang LANG]`: for the person
// preparing a general assembly, what changed in every plan since its
// reference (tracking.since, a plan's `since`, or --since for all), read from
// the site's Git repository, as plain text in one language (view/changes_text).
// Exit 0; 1 on content errors; 2 on usage (an unknown language, no
// reference, a --since that names nothing).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace carnet::cli {

void add_changes_command(CLI::App& app, int& exit_code);

struct ChangesOptions {
  std::string site = ".";
  std::string since;  // overrides every reference when not empty
  std::string lang;   // the site's default language when empty
};

struct ChangesResult {
  int exit_code = 0;
  std::string out;  // the changes
  std::string err;  // diagnostics and usage errors, one per line
};

ChangesResult changes(const ChangesOptions& options);

}  // namespace carnet::cli
