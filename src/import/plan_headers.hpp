// The header row of a plan spreadsheet: which column holds which plan field.
// Round tables name their columns in French or English, in capitals, with
// accents or without ("ÉCHÉANCIER", "Echeancier", "Timeline", "INDICATEURS DE
// RÉUSSITES"); every such name maps to one field of an action (PRODUCT.md §3).
// The columns before the first recognised one are the plan's levels, named by
// their headers ("ORIENTATION", "OBJECTIF"); a header such as "2021-2022" is a
// column of the year grid. A header may end with a language, "(en)" or
// "[anglais]", for a column that holds the texts of another language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::import {

struct CsvColumn {
  enum class Kind { level, field, year, ignored };
  Kind kind = Kind::ignored;
  std::string header;  // as written, trimmed
  std::string field;   // Kind::field: "title", "due", "leads", ... (plan YAML names)
  std::string lang;    // the texts' language when the header names one, else ""
  int level = -1;      // Kind::level: 0 for the outermost level
  std::string year;    // Kind::year: "2021-2022"
  std::string label;   // Kind::field: a renaming worth keeping as the plan's label ("Ressources")
};

// What a header names, as far as the header alone can tell: a field (with
// its language hint: "fr", "en" or "" when the word is the same in both) or
// nothing.
struct HeaderMatch {
  std::string field;
  std::string word_lang;  // which language the header word is in
  bool keep_label = false;
};
std::optional<HeaderMatch> match_header(std::string_view header);

// Splits "Titre (en)" into ("Titre", "en"); lang is "" when none is named.
std::pair<std::string, std::string> split_header_language(std::string_view header);

// A year-grid header ("2021-2022", "2021 – 2022", "2021/2022", "2023")
// normalized to "2021-2022"; nullopt otherwise.
std::optional<std::string> year_header(std::string_view header);

// Every header word Carnet knows, for "did you mean" suggestions.
const std::vector<std::string>& known_header_names();

// The field names a section (a row with no action title) may carry.
bool is_section_field(std::string_view field);
// Fields that hold a list of texts, one per line of the cell.
bool is_list_field(std::string_view field);

}  // namespace carnet::import
