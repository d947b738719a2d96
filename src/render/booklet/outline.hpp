// The printable outline of one plan in one language: everything a booklet
// shows, already worded (labels, statuses, dates) and with Markdown read
// into blocks, so that the PDF, EPUB and ODT writers only decide how it
// looks. Built once per (plan, language) from the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "render/booklet/labels.hpp"
#include "render/booklet/rich_text.hpp"

namespace carnet::render::booklet {

struct NoteEntry {
  std::string date;  // "mars 2022", or ""
  Blocks text;
};

// A titled list or text that a section carries (results, indicators, ...).
struct FieldEntry {
  std::string field;  // "results"
  std::string label;  // "Résultats attendus"
  Blocks blocks;
};

struct ActionEntry {
  std::string anchor;  // unique in the booklet: "action-ID"
  std::string code;    // "1.1.2"
  std::string title;
  std::string title_lang;  // set when the title is shown in a fallback language
  model::Status status = model::Status::planned;
  std::string status_label;
  std::optional<int> progress;
  std::string progress_text;     // "60 %", or ""
  Blocks details;                // shown with the title unless `details` is a column
  std::vector<Blocks> cells;     // one per Booklet::columns entry
  std::vector<NoteEntry> notes;  // listed after the table unless `notes` is a column
};

struct SectionEntry {
  std::string anchor;  // "section-ID"
  int depth = 0;
  std::string level_name;  // "Orientation"
  std::string code;        // "2.1"
  std::string title;
  std::string title_lang;
  Blocks description;
  std::vector<FieldEntry> fields;
  std::vector<NoteEntry> notes;
  std::vector<ActionEntry> actions;
  std::vector<SectionEntry> children;
  model::PlanCounts counts;

  // "Orientation 2" (the level and code), used in headings and contexts.
  std::string label() const;
};

struct Column {
  std::string field;  // "due"
  std::string label;  // "Échéance"
};

struct Booklet {
  std::string lang;
  std::string title;
  std::string organization;
  std::vector<std::string> organization_lines;  // address, email, phone, website
  std::string period;                           // "2021–2023", or ""
  std::string adopted;                          // "Adopté le 28 juin 2021", or ""
  std::string date_iso;    // the content's date for metadata: adoption, else 2000-01-01
  std::string url;         // the plan's page on the site (absolute), or ""
  std::string identifier;  // stable: "urn:uuid:..." from the plan and language
  Blocks summary, intro;
  std::vector<std::string> level_names;
  std::vector<Column> columns;     // besides the action column, in the plan's order
  bool notes_after_table = true;   // `notes` is not a column
  bool details_with_title = true;  // `details` is not a column
  std::vector<SectionEntry> sections;
  model::PlanCounts counts;
  std::vector<std::string> status_labels;  // by model::all_statuses order
  Words words;
};

Booklet build_outline(const model::Site& site, const model::Plan& plan, const std::string& lang);

// Visits every section, depth first, in reading order.
template <class F>
void for_each_section(const std::vector<SectionEntry>& sections, F&& f) {
  for (const auto& s : sections) {
    f(s);
    for_each_section(s.children, f);
  }
}

}  // namespace carnet::render::booklet
