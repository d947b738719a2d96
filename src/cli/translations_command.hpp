// `carnet translations export --lang en [--format xliff|csv] -o FILE [SITE]`:
//     every text lacking its English version, or whose source changed since
//     it was translated, as XLIFF 2.0 or CSV, with file, field and line.
// `carnet translations import FILE [SITE]`: writes the translations back
//     into the YAML and Markdown sources, changing only the translated values
//     (a missing page becomes NAME.en.md); importing twice changes nothing; a
//     text whose source changed since the export is reported as a conflict,
//     not overwritten. Updates .carnet/translations.yaml.
// `carnet translations accept --lang en [SITE]`: records every current
//     translation as up to date (after translating by hand).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace carnet::cli {

void add_translations_command(CLI::App& app, int& exit_code);

struct ExportOptions {
  std::string site = ".";
  std::string lang;
  std::string format;  // "xliff" | "csv" | "" (from the file name)
  std::string output;
  bool force = false;  // replace an existing file that is not an earlier export
};
int run_translations_export(const ExportOptions& options);

struct ImportOptions {
  std::string site = ".";
  std::string file;
};
int run_translations_import(const ImportOptions& options);

int run_translations_accept(const std::string& site, const std::string& lang);

// What `accept` does for every language but the first, silently: `carnet
// new` starts a site whose translations are all up to date, so that `check`
// reports a French text edited afterwards as out of date.
bool record_all_translations(const std::string& site);

}  // namespace carnet::cli
