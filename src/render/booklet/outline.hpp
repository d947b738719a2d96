// The printable outline of one plan in one language: everything a booklet
// shows, already worded (labels, statuses, dates) and with Markdown read
// into blocks, so that the PDF, EPUB and ODT writers only decide how it
// looks. Built once per (plan, language) from the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "render/booklet/brand.hpp"
#include "render/booklet/labels.hpp"
#include "render/booklet/rich_text.hpp"
#include "view/plan_display.hpp"

namespace carnet::render::booklet {

using view::heading_text;

// A titled text or list: a level's results, indicators, notes..., or one
// of an action's fields that is not a column.
struct FieldEntry {
  std::string field;       // "results"
  std::string label;       // "Résultats attendus"
  std::string label_lang;  // set when the plan's label is in a fallback language
  Blocks blocks;           // notes: one per note, led by its date in bold
};

// The field with its label in bold leading its first paragraph ("Pilotes :
// Ville"), or on a line of its own above a list: how an action's `more`
// fields read in every format.
Blocks labelled_blocks(const FieldEntry& field, const std::string& colon);

// One cell of an action's row.
struct CellEntry {
  Blocks blocks;          // the field's value; empty in a year cell
  bool year = false;      // a cell of the year grid
  bool mark = false;      // a year cell: the action runs that year
  std::string mark_word;  // "oui" / "non", for readers who cannot see the mark
};

// What a year cell shows when the action runs that year. Noto Sans, the
// PDF's table face, has neither U+2713 (check mark) nor U+25CF (black
// circle); its bullet, set larger, reads as a dot.
inline constexpr const char* year_mark = "\u2022";

struct ActionEntry {
  std::string anchor;  // unique in the booklet: "action-ID"
  std::string code;    // "1.1.2", "I.B.3"
  std::string title;
  std::string title_lang;  // set when the title is shown in a fallback language
  model::Status status = model::Status::planned;
  std::string status_label;
  bool late = false;
  std::string late_word;         // "En retard" when late: printed beside the status
  std::vector<CellEntry> cells;  // one per Booklet::columns entry
  // Every other field it has (notes too), then its status history as the
  // field "history" ("14 juin 2012 : Prévue → En cours", one item a change):
  // shown with it.
  std::vector<FieldEntry> more;
};

struct SectionEntry {
  std::string anchor;  // "section-ID"
  int depth = 0;
  std::string level_name;  // "Orientation"
  std::string code;        // "2.1"
  std::string title;
  std::string title_lang;
  Blocks description;
  std::vector<FieldEntry> fields;  // strategy, results, ..., notes
  std::vector<ActionEntry> actions;
  std::vector<SectionEntry> children;
  model::PlanCounts counts;
  std::optional<double> progress;  // rolled up, 0 to 100; none when nothing counts
  std::string progress_text;       // "45 %", or ""
  std::string progress_line;       // "Avancement : 45 %", or "": under the heading

  // "Orientation 2" (the level and code), used in headings and contexts.
  std::string label() const;
  // "Orientation 2 — Title", or the title alone.
  std::string heading() const { return heading_text(label(), title); }
};

// One action in the changes since the reference.
struct ChangeEntry {
  std::string code;
  std::string title;
  std::string title_lang;
  std::string detail;  // "En cours → Réalisée", or ""
  Blocks notes;        // the new notes, each led by its date in bold
  bool removed = false;
};

struct ChangeGroupEntry {
  std::string key;    // "added", "removed", "status", "progress", "due", "notes"
  std::string title;  // "Changements d'état"
  std::vector<ChangeEntry> items;
};

// The changes chapter: what changed since the reference (a tag, a date).
struct ChangesEntry {
  std::string heading;  // "Changements depuis ag-2012 (14 juin 2012)"
  std::string none;     // "Aucun changement." when there is nothing, else ""
  std::vector<ChangeGroupEntry> groups;
};

// A group's items as blocks, the same in every format: one list item per
// action ("1.2 Title : En cours → Réalisée", the code and title in bold; a
// removed action's in italics and struck through), its new notes after it.
Blocks change_blocks(const ChangeGroupEntry& group, const std::string& colon);

struct Column {
  std::string field;  // "due"; "year" for a column of the year grid
  std::string label;  // "Échéance"; the year for the year grid
  std::string label_lang;
  bool year = false;
};

// A footnote of a page's booklet: "#note-N" links lead to it.
struct NoteEntry {
  int number = 0;
  std::string anchor;  // "note-N"
  Blocks blocks;
};

struct Booklet {
  // A page's booklet (`booklet: true`, page_outline.hpp): its headings are
  // the sections, which hold no actions; no progress page, no changes
  // chapter; its footnotes (`notes`) go at the foot of the page of their
  // reference in the PDF and at the end in the EPUB and ODT.
  bool page = false;
  std::vector<NoteEntry> notes;
  std::string lang;
  std::string title;
  std::string organization;
  std::vector<std::string> organization_lines;  // address, email, phone, website
  std::string period;                           // "2021–2023", or ""
  std::string adopted;                          // "Adopté le 28 juin 2021", or ""
  // The content's date for metadata: the as-of date, else the adoption, else
  // 2000-01-01; never the clock, so that the same input gives the same bytes.
  std::string date_iso;
  std::string as_of_line;  // "État au 30 septembre 2013", or the words for no date
  std::string as_of_iso;   // "2013-09-30", or ""
  std::string url;         // the plan's page on the site (absolute), or ""
  std::string identifier;  // stable: "urn:uuid:..." from the plan and language
  Blocks summary, intro;
  std::vector<std::string> level_names;
  std::vector<Column> columns;  // besides the action column, in the plan's order
  std::string years_label;      // the year grid as one field: "Années" (cards)
  std::vector<SectionEntry> sections;
  model::PlanCounts counts;                // counts.late: the late actions
  std::optional<double> progress;          // the whole plan's, rolled up, 0 to 100
  std::string progress_text;               // the whole plan's, rolled up: "45 %", or ""
  std::string progress_rule;               // one sentence: how progress is computed
  std::optional<ChangesEntry> changes;     // when the plan has a reference to compare with
  std::vector<std::string> status_labels;  // by model::all_statuses order
  Words words;
  BrandEntry brand;  // logo on the cover, partners on the back cover
};

// What every booklet of the site in `lang` shares, plan's or page's: its
// words, the brand, and the organisation on the cover.
Booklet booklet_for(const model::Site& site, const std::string& lang);

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
