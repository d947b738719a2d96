// A plan: a tree of sections whose levels the plan names itself (Orientation →
// Objectif, Axe → Objectif → Objectif spécifique, ...), with actions at any
// level. Plain values; the whole plan copies cleanly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "model/localized_text.hpp"

namespace carnet::model {

enum class Status { planned, in_progress, done, postponed, cancelled };
inline constexpr Status all_statuses[] = {Status::planned, Status::in_progress, Status::done,
                                          Status::postponed, Status::cancelled};
// "planned", "in_progress", ... (as in YAML).
const char* status_name(Status s);
std::optional<Status> parse_status(std::string_view s);

// When an action is due: a date (day, month or year precision), ongoing,
// to be determined, or a free text.
struct Due {
  enum class Kind { date, ongoing, tbd, text };
  Kind kind = Kind::tbd;
  base::Date date;     // when kind == date (month/day may be 0)
  LocalizedText text;  // when kind == text
};

struct Note {
  std::optional<base::Date> date;
  LocalizedText text;  // Markdown
};

// The fields every level and action may carry besides its children.
struct Action {
  std::string id;
  std::string code;  // as written, or numbered by position ("1.2.3")
  LocalizedText title;
  LocalizedText details;  // Markdown
  std::optional<Due> due;
  std::vector<std::string> years;  // entries of the plan's `years`
  std::vector<LocalizedText> leads, partners, results, indicators, follow_up;
  LocalizedText strategy;  // Markdown
  Status status = Status::planned;
  std::optional<int> progress;  // percent
  std::vector<Note> notes;
  base::SourcePos pos;
};

struct PlanSection {
  std::string id;
  std::string code;  // as written, or numbered by position ("2", "2.1")
  int depth = 0;     // 0 = outermost level; names itself via Plan::levels[depth]
  LocalizedText title;
  LocalizedText description;  // Markdown
  LocalizedText strategy;     // Markdown
  std::vector<LocalizedText> results, indicators, follow_up;
  std::vector<Note> notes;
  std::vector<PlanSection> sections;
  std::vector<Action> actions;
  base::SourcePos pos;
};

struct Plan {
  std::string source;  // relative to the site: "content/plans/x.plan.yaml"
  std::string dir;     // folder under content/: "plans"
  std::string name;    // "x"

  LocalizedText title;
  std::map<std::string, std::string> slug;  // language → slug (absent: name)
  std::optional<int> period_start, period_end;
  std::optional<base::Date> adopted;
  LocalizedText summary, intro;       // Markdown
  std::vector<LocalizedText> levels;  // outermost first
  std::vector<std::string> years;     // the year grid's columns ("2021-2022")
  // Fields shown besides title and status, in order: due, years, leads,
  // partners, results, indicators, follow_up, progress, notes, details, strategy.
  std::vector<std::string> columns;
  std::map<std::string, LocalizedText> labels;  // field → renamed label
  std::vector<PlanSection> sections;

  std::map<std::string, std::string> url;  // language → output path "plans/x/"
};

// Every field name a column may show.
const std::vector<std::string>& column_fields();

// Counts over a plan, for overviews and progress pages.
struct PlanCounts {
  std::vector<int> per_level;  // sections at each depth
  int actions = 0;
  std::map<Status, int> per_status;
};
PlanCounts count_plan(const Plan& plan);
// The same counts restricted to one section (and its descendants).
PlanCounts count_section(const PlanSection& section, size_t levels);

}  // namespace carnet::model
