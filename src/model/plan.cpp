#include "model/plan.hpp"

namespace carnet::model {

const char* status_name(Status s) {
  switch (s) {
    case Status::planned:
      return "planned";
    case Status::in_progress:
      return "in_progress";
    case Status::done:
      return "done";
    case Status::postponed:
      return "postponed";
    case Status::cancelled:
      return "cancelled";
  }
  return "planned";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : all_statuses)
    if (s == status_name(st)) return st;
  return std::nullopt;
}

const std::vector<std::string>& column_fields() {
  static const std::vector<std::string> fields = {"due",     "years",      "leads",     "partners",
                                                  "results", "indicators", "follow_up", "progress",
                                                  "notes",   "details",    "strategy"};
  return fields;
}

namespace {
void add(PlanCounts& c, const PlanSection& s) {
  if (c.per_level.size() <= static_cast<size_t>(s.depth)) c.per_level.resize(s.depth + 1);
  c.per_level[s.depth]++;
  for (const auto& a : s.actions) {
    c.actions++;
    c.per_status[a.status]++;
  }
  for (const auto& child : s.sections) add(c, child);
}
}  // namespace

PlanCounts count_plan(const Plan& plan) {
  PlanCounts c;
  c.per_level.assign(plan.levels.size(), 0);
  for (Status st : all_statuses) c.per_status[st] = 0;
  for (const auto& s : plan.sections) add(c, s);
  return c;
}

PlanCounts count_section(const PlanSection& section, size_t levels) {
  PlanCounts c;
  c.per_level.assign(levels, 0);
  for (Status st : all_statuses) c.per_status[st] = 0;
  add(c, section);
  return c;
}

}  // namespace carnet::model
