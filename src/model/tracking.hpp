// Tracking a plan over time (PRODUCT.md §6): the date its statuses are true
// as of, late actions, progress rolled up through its levels, and what changed
// since a reference (a general assembly). Pure functions over the model; the
// Git history they need is read by load/ into Plan::history.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostics.hpp"
#include "model/plan.hpp"

namespace carnet::model {

// `tracking:` in carnet.yaml.
struct TrackingSettings {
  std::string since;  // a Git tag, branch or commit, or a date YYYY-MM-DD; "" when none
  base::SourcePos since_pos;
  // The progress of an action that gives none, by status (cancelled: left out).
  std::map<Status, int> progress = {
      {Status::planned, 0}, {Status::in_progress, 50}, {Status::done, 100}, {Status::postponed, 0}};
};

struct StatusChange {
  base::Date date;             // the commit's date
  std::string commit;          // its id, abbreviated
  std::optional<Status> from;  // nullopt: the action appeared with `to`
  Status to = Status::planned;
};

// What the site's Git repository knows of a plan file.
struct PlanHistory {
  std::optional<base::Date> last_change;  // the last commit that changed the file
  std::string since;                      // the reference as written ("ag-2024"), or ""
  std::optional<base::Date> since_date;   // the date of the reference's commit
  std::string since_commit;               // its id, abbreviated
  bool existed_then =
      false;  // the plan file (or the file it was renamed from) existed at the reference
  std::shared_ptr<const Plan> before;  // the plan as it was then, when it existed and read
  std::map<std::string, std::vector<StatusChange>> status_history;  // action id → oldest first
};

// The plan's as-of date: its `updated`, else the last commit that changed it.
std::optional<base::Date> as_of(const Plan& plan);
// An action's: its own `updated`, else the plan's.
std::optional<base::Date> as_of(const Plan& plan, const Action& action);

// The last day a date stands for: 2023-03 → 2023-03-31, 2021 → 2021-12-31.
base::Date last_day(const base::Date& d);

// Due (its last day) before the as-of date, and planned or in progress.
bool is_late(const Action& action, const std::optional<base::Date>& as_of);

// An item's `weight` (default 1).
double weight_of(const Fields& fields);
// An action's progress: its `progress`, else its status's default; nullopt
// when cancelled.
std::optional<double> action_progress(const Action& action, const TrackingSettings& settings);
// The weighted mean of a level's actions and sub-levels; nullopt when none counts.
std::optional<double> section_progress(const PlanSection& section,
                                       const TrackingSettings& settings);
// The weighted mean of the plan's top levels.
std::optional<double> plan_progress(const Plan& plan, const TrackingSettings& settings);

// Late actions of a plan, in reading order.
std::vector<const Action*> late_actions(const Plan& plan);

// What changed in a plan between two versions (actions matched by id).
struct PlanChanges {
  struct Change {
    std::string id;                  // the action's id
    const Action* before = nullptr;  // into the earlier plan (removed, changed)
    const Action* after = nullptr;   // into the later plan (added, changed)
  };
  std::vector<Change> added, removed;
  std::vector<Change> status, progress, due;  // changed in that field
  struct Notes {
    std::string id;
    const Action* after = nullptr;
    std::vector<const Note*> notes;  // notes not in the earlier version
  };
  std::vector<Notes> new_notes;
  bool empty() const {
    return added.empty() && removed.empty() && status.empty() && progress.empty() && due.empty() &&
           new_notes.empty();
  }
};
PlanChanges compare_plans(const Plan& before, const Plan& after);

}  // namespace carnet::model
