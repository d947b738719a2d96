// Writes an imported plan as the YAML an author would write by hand: block
// maps, one language per line (`fr: "..."`, so that a translator can add the
// `en:` line beside it), Markdown texts as literal blocks, and the fields in
// the order PRODUCT.md §3 lists them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace carnet::import::csvplan {

using Text = std::map<std::string, std::string>;  // language → text

struct Note {
  std::string date;  // "2013-03" or ""
  Text text;
};

// A section or an action of the imported plan.
struct Item {
  base::SourcePos pos;
  std::string code, id;
  Text title;
  // By field key and kind (model/plan_fields.hpp):
  std::map<std::string, Text> long_texts;          // markdown
  std::map<std::string, std::vector<Text>> lists;  // texts, organisations
  std::map<std::string, std::string> scalars;      // percent, date: as written
  std::string due_scalar;                          // "2022-12-31", "ongoing", ... or ""
  Text due_text;                                   // a due date that is a free text
  std::vector<std::string> years;
  std::string status;
  std::vector<Note> notes;
  std::vector<Item> sections, actions;
};

struct PlanText {
  std::string source_name;             // the CSV file's name, for the header comment
  std::vector<std::string> languages;  // the site's; orders each text's languages
  Text title;
  std::vector<Text> levels;
  std::vector<std::string> years, columns;
  std::map<std::string, Text> labels;
  Item root;  // its sections are the plan's
};

std::string write_plan_yaml(const PlanText& plan);

}  // namespace carnet::import::csvplan
