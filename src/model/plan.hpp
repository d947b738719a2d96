// A plan: a tree of sections whose levels the plan names itself (Orientation →
// Objectif, Axe → Objectif → Objectif spécifique, ...), with actions at any
// level. Plain values; the whole plan copies cleanly.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "model/localized_text.hpp"
#include "model/plan_fields.hpp"

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

// A field's value, whatever its kind (model/plan_fields.hpp): only the
// members of its kind are set.
struct FieldValue {
  std::vector<LocalizedText> texts;  // markdown: one text; texts, organisations: one per entry
  std::optional<Due> due;
  std::optional<base::Date> date;
  std::vector<std::string> years;  // entries of the plan's `years`
  std::optional<int> percent;
  std::optional<double> number;
  std::vector<Note> notes;
  base::SourcePos pos;  // its key
};

// The fields an item carries besides its structure, by key ("due", "leads").
struct Fields {
  std::map<std::string, FieldValue, std::less<>> by_key;

  const FieldValue* find(std::string_view key) const;
  // The field `key`, made empty when absent (for code that builds a plan).
  FieldValue& set(std::string_view key) { return by_key[std::string(key)]; }
  // Shortcuts for the kinds code reasons about; empty when absent.
  const LocalizedText& markdown(std::string_view key) const;
  const std::vector<LocalizedText>& texts(std::string_view key) const;
  const std::vector<Note>& notes() const;
};

struct Action {
  std::string id;
  std::string code;  // as written, or numbered by the plan's numbering ("1.2.3", "I.B.3")
  LocalizedText title;
  Status status = Status::planned;
  Fields fields;
  base::SourcePos pos;

  const std::optional<Due>& due() const;
  std::optional<int> progress() const;
  const std::vector<std::string>& years() const;
};

struct PlanSection {
  std::string id;
  std::string code;  // as written, or numbered by position ("2", "2.1", "II.A")
  int depth = 0;     // 0 = outermost level; names itself via Plan::levels[depth]
  LocalizedText title;
  Fields fields;
  std::vector<PlanSection> sections;
  std::vector<Action> actions;
  base::SourcePos pos;
};

// How a level numbers its items (`numbering:`): 1 2 3, I II III, i ii iii, A B C, a b c.
enum class Numbering { decimal, upper_roman, lower_roman, upper_alpha, lower_alpha };
std::optional<Numbering> parse_numbering(std::string_view s);
const char* numbering_name(Numbering n);
// The n-th (1-based) number in that style: "3", "III", "c".
std::string format_number(Numbering n, int value);

struct PlanHistory;  // model/tracking.hpp

struct Plan {
  std::string source;  // relative to the site: "content/plans/x.plan.yaml"
  std::string dir;     // folder under content/: "plans"
  std::string name;    // "x"

  LocalizedText title;
  std::map<std::string, std::string> slug;  // language → slug (absent: name)
  std::optional<int> period_start, period_end;
  std::optional<base::Date> adopted;
  std::optional<base::Date> updated;  // statuses are true as of this date
  std::string since;                  // overrides tracking.since for this plan
  base::SourcePos since_pos;
  // What Git knows of the file (load/ fills it when the site is a repository).
  std::shared_ptr<const PlanHistory> history;
  LocalizedText summary, intro;       // Markdown
  std::vector<LocalizedText> levels;  // outermost first
  std::vector<std::string> years;     // the year grid's columns ("2021-2022")
  std::vector<Numbering> numbering;   // per level; absent levels count in decimal
  // Fields shown as columns besides title and status, in order (keys of
  // model::plan_fields()); an item's other fields are shown with it.
  std::vector<std::string> columns;
  std::map<std::string, LocalizedText> labels;  // field → renamed label
  std::vector<PlanSection> sections;

  std::map<std::string, std::string> url;  // language → output path "plans/x/"
};

// Counts over a plan, for overviews and progress pages.
struct PlanCounts {
  std::vector<int> per_level;  // sections at each depth
  int actions = 0;
  std::map<Status, int> per_status;
  int late = 0;  // late as of the plan's as-of date (model/tracking.hpp)
};
PlanCounts count_plan(const Plan& plan);
// The same counts restricted to one section (and its descendants).
// `as_of` is the plan's as-of date, for counting late actions.
PlanCounts count_section(const PlanSection& section, size_t levels,
                         const std::optional<base::Date>& as_of = std::nullopt);

}  // namespace carnet::model
