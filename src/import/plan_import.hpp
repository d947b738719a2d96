// A plan spreadsheet (CSV, one row per action) → the text of a plan file
// (PRODUCT.md §3). Plans live in Excel today: the level columns come first
// ("ORIENTATION", "OBJECTIF"), a level cell left empty continues the level of
// the row above (what a merged cell becomes in CSV), then the action's
// fields under French or English headers. Dates written the way people write
// them ("31 décembre 2022", "En continu", "À déterminer") become plan dates;
// anything else stays a text. Unknown headers are errors, never dropped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace carnet::import {

struct CsvPlanOptions {
  std::vector<std::string> languages = {"fr", "en"};  // the site's; the first is the default
  std::string lang;   // the language of the spreadsheet's texts; "" guesses from the headers
  std::string title;  // the plan's title; "" takes a title row above the header, else the file name
  int level_columns = 0;  // > 0: the first N columns are levels, even when named like a field
};

// The plan file's text, or nullopt when the spreadsheet has errors (all of
// them reported to `diags`, at `path:line:column` of their cell).
std::optional<std::string> csv_to_plan_yaml(std::string_view csv, const std::string& path,
                                            const CsvPlanOptions& options,
                                            base::Diagnostics& diags);

// A cell's date as a plan `due` scalar ("2022-12-31", "2023-03", "ongoing",
// "tbd"), or nullopt when it is a free text or, with `why` set, when it is
// written as a date that does not exist ("2022-13-01", "31 février 2023").
std::optional<std::string> parse_due_cell(std::string_view cell, std::string* why = nullptr);

// A status written in French or English ("En cours", "réalisé", "Done") as
// its YAML name, or nullopt.
std::optional<std::string> parse_status_cell(std::string_view cell);

}  // namespace carnet::import
