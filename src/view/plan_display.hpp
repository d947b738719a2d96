// A plan as a reader of one language sees it, computed once and laid out by
// every output (the web page, PDF, EPUB, ODT): texts in the reader's
// language with their fallback marked, dates and due dates worded, status
// words and colours, labels, codes in the plan's numbering, and each action's
// fields split into the plan's columns and the rest, which is shown with the
// action. The writers only decide how it looks; what is shown is decided here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "view/palette.hpp"

namespace carnet::view {

// A text as the reader gets it.
struct Text {
  std::string value;      // plain text, or Markdown source when `markdown`
  std::string lang;       // the language it is written in
  bool fallback = false;  // not the reader's language (shown in the default one)
  bool markdown = false;
  bool empty() const { return value.empty(); }
};

struct NoteView {
  std::string date;      // "mars 2022", or ""
  std::string date_iso;  // "2022-03", or ""
  Text text;             // Markdown
};

// One field of one item, ready to show.
struct FieldView {
  std::string key;  // "leads"; "year" for one column of the year grid
  model::FieldKind kind = model::FieldKind::texts;
  std::string label;        // the plan's label, else the theme's word
  std::string label_lang;   // set when the plan's label is in a fallback language
  std::vector<Text> items;  // markdown: one; texts, organisations: one per entry;
                            // due, date, percent, years: one plain text
  // organisations: each entry as written in the site's default language,
  // to find its organisation (OrganisationIndex::find); parallel to items.
  std::vector<std::string> written;
  std::string iso;  // due or date: "2022-12-31", "2023-03", "2021"; else ""
  std::vector<NoteView> notes;
  bool mark = false;      // a year-grid cell: the action runs that year
  std::string mark_word;  // "oui" / "non", for readers who cannot see the mark

  bool empty() const { return items.empty() && notes.empty() && key != "year"; }
  // Several entries, or a list kind that reads as one: shown as a list.
  bool as_list() const {
    return kind == model::FieldKind::texts           ? !items.empty()
           : kind == model::FieldKind::organisations ? items.size() > 1
                                                     : false;
  }
};

struct StatusView {
  model::Status status = model::Status::planned;
  std::string key;   // "in_progress"
  std::string word;  // "En cours"
  StatusColors colors;
};

struct ColumnView {
  std::string key;    // a field, or "year"
  std::string label;  // as FieldView::label
  std::string label_lang;
  std::string year;  // for "year": "2021-2022"
};

struct StatusChangeView {
  std::string date;      // "14 juin 2012"
  std::string date_iso;  // "2012-06-14"
  std::string from;      // the earlier status's word, or "" when the action appeared
  std::string to;
  model::Status to_status = model::Status::planned;
};

struct ActionView {
  std::string id;
  std::string code;  // "1.2.3", "I.B.3"
  Text title;
  StatusView status;
  bool late = false;
  std::string late_word;                  // "En retard", when late
  std::vector<StatusChangeView> history;  // from Git, oldest first
  std::vector<FieldView> cells;           // one per PlanDisplay::columns (maybe empty)
  std::vector<FieldView> more;            // every other field it has, shown with it
  // What the plan page's filters select by (PRODUCT.md §8), wherever the
  // fields are shown: the years it runs, as written in the plan's grid, and
  // every organisation it names (lead or partner) as the reader sees it, once,
  // and each as written in the site's default language (parallel), to find
  // its organisation (OrganisationIndex::find) and so its slug.
  std::vector<std::string> years;
  std::vector<std::string> organisations;
  std::vector<std::string> organisations_written;
};

struct LevelView {
  std::string id;
  int depth = 0;
  std::string code;   // "2.1", "I.B"
  Text level_name;    // "Objectif"
  std::string label;  // "Objectif I.B": the level's word and code, once
  Text title;
  Text description;               // Markdown
  std::vector<FieldView> fields;  // strategy, results, ..., notes
  std::vector<ActionView> actions;
  std::vector<LevelView> children;
  model::PlanCounts counts;
  std::optional<double> progress;  // rolled up (model/tracking.hpp)
  std::string progress_text;       // "45 %", or ""
};

// One action in the changes since a reference: its code, title and what changed.
struct ChangeItem {
  std::string id;  // the action's id (an anchor on the page, unless removed)
  std::string code;
  Text title;
  std::string detail;  // "En cours → Réalisée", "40 % → 60 %", "31 déc. 2022 → mars 2023", ""
  std::vector<NoteView> notes;  // new notes
  bool removed = false;
};

struct ChangeGroup {
  std::string key;    // "added", "removed", "status", "progress", "due", "notes"
  std::string title;  // "Changements d'état"
  std::vector<ChangeItem> items;
};

struct ChangesView {
  std::string heading;  // "Changements depuis ag-2012 (14 juin 2012)"
  std::string since;    // the reference as written
  std::string date;     // its commit's date, worded, or ""
  std::string date_iso;
  std::vector<ChangeGroup> groups;  // only groups with items
  std::string none;                 // "Aucun changement." when there is nothing
};

struct BookletLink {
  std::string format;  // "pdf"
  std::string path;    // output path: "booklets/x.fr.pdf"
  std::string label;   // "PDF (impression)"
  std::string mime;
};

struct PlanDisplay {
  std::string lang;      // the reader's
  std::string fallback;  // the site's default language
  Text title, summary, intro;
  std::string period;       // "2021–2023", or ""
  std::string adopted;      // "28 juin 2021", or ""
  std::string adopted_iso;  // "2021-06-28", or ""
  std::vector<Text> level_names;
  std::vector<ColumnView> columns;  // besides the title and the status, in order
  std::vector<std::string> years;   // the year grid, when the plan has one
  std::vector<LevelView> levels;
  model::PlanCounts counts;
  std::vector<StatusView> statuses;   // every status, in model::all_statuses order
  std::vector<BookletLink> booklets;  // this language's files, then the bilingual one

  // Tracking (PRODUCT.md §6).
  std::string as_of;  // "30 septembre 2013", or "" when the plan has no as-of date
  std::string as_of_iso;
  std::string as_of_line;          // "État au 30 septembre 2013", or the words for no date
  std::optional<double> progress;  // the whole plan, rolled up
  std::string progress_text;
  std::string progress_rule;           // one sentence: how progress is computed
  std::optional<ChangesView> changes;  // when a reference is set and Git knows it

  const StatusView& status(model::Status s) const { return statuses[static_cast<int>(s)]; }
};

PlanDisplay display_plan(const model::Site& site, const model::Plan& plan, const std::string& lang);

// "2021–2023", "2021", or "" when the plan has no period.
std::string plan_period(const model::Plan& plan);

// A plain heading: "Objectif I.B — Title" (the title alone without a label).
std::string heading_text(const std::string& label, const std::string& title);
std::string heading_text(const LevelView& level);

}  // namespace carnet::view
