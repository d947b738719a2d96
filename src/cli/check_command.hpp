// `carnet check [SITE] [--strict]`: everything a build validates, writing
// nothing, then what a build lets pass: texts missing in a language (per
// file and field, with its line), translations whose source changed since
// (see translation_record.hpp), pages with no translation, images without
// alternative text, and the list of links to other sites (not fetched).
// Ends with a summary per language. --strict makes missing and out-of-date
// translations errors, for CI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "base/diagnostics.hpp"
#include "model/site.hpp"

namespace carnet::cli {

void add_check_command(CLI::App& app, int& exit_code);

struct CheckReport {
  base::Diagnostics diags;                  // content errors, and the warnings of the check
  std::vector<std::string> external_links;  // "path:line:column  URL", sorted
  std::vector<std::string> summary;         // "en: 412 of 430 texts translated (96%)"
};

struct CheckOptions {
  std::string site = ".";
  bool strict = false;
};

CheckReport check_site(const CheckOptions& options);

// Tracking warnings (PRODUCT.md §6): a plan with no as-of date (no
// `updated`, no Git history), and every late action at its position.
void report_tracking(const model::Site& site, base::Diagnostics& diags);
// Warns about organisation names that look like one written two ways
// (view::look_alike_organisations), at the second spelling, naming the first.
void report_organisations(const model::Site& site, base::Diagnostics& diags);

// The report's standard output: the links, then the summary per language.
std::string check_report_text(const CheckReport& report);

}  // namespace carnet::cli
