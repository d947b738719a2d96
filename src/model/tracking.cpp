#include "model/tracking.hpp"

#include <chrono>

namespace carnet::model {

namespace {

std::optional<base::Date> field_date(const Fields& fields, std::string_view key) {
  const FieldValue* f = fields.find(key);
  return f ? f->date : std::nullopt;
}

// Sums weight × progress of what counts in a level (actions and sub-levels).
void accumulate(const PlanSection& s, const TrackingSettings& settings, double& sum,
                double& weights) {
  for (const auto& a : s.actions)
    if (auto p = action_progress(a, settings)) {
      const double w = weight_of(a.fields);
      sum += w * *p;
      weights += w;
    }
  for (const auto& c : s.sections)
    if (auto p = section_progress(c, settings)) {
      const double w = weight_of(c.fields);
      sum += w * *p;
      weights += w;
    }
}

void collect_late(const Plan& plan, const PlanSection& s, std::vector<const Action*>& out) {
  for (const auto& a : s.actions)
    if (is_late(a, as_of(plan, a))) out.push_back(&a);
  for (const auto& c : s.sections) collect_late(plan, c, out);
}

void index_actions(const PlanSection& s, std::map<std::string, const Action*>& out,
                   std::vector<const Action*>& order) {
  for (const auto& a : s.actions) {
    out.emplace(a.id, &a);
    order.push_back(&a);
  }
  for (const auto& c : s.sections) index_actions(c, out, order);
}

bool same_due(const std::optional<Due>& a, const std::optional<Due>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (a->kind != b->kind) return false;
  if (a->kind == Due::Kind::date) return a->date == b->date;
  if (a->kind == Due::Kind::text) return a->text.text == b->text.text;
  return true;
}

bool same_note(const Note& a, const Note& b) {
  return a.date == b.date && a.text.text == b.text.text;
}

}  // namespace

std::optional<base::Date> as_of(const Plan& plan) {
  if (plan.updated) return plan.updated;
  if (plan.history && plan.history->last_change) return plan.history->last_change;
  return std::nullopt;
}

std::optional<base::Date> as_of(const Plan& plan, const Action& action) {
  if (auto own = field_date(action.fields, "updated")) return own;
  return as_of(plan);
}

base::Date last_day(const base::Date& d) {
  if (d.month == 0) return {d.year, 12, 31};
  if (d.day != 0) return d;
  using namespace std::chrono;
  const year_month_day_last last{year{d.year} / month{static_cast<unsigned>(d.month)} /
                                 ::std::chrono::last};
  return {d.year, d.month, static_cast<int>(static_cast<unsigned>(last.day()))};
}

bool is_late(const Action& action, const std::optional<base::Date>& as_of) {
  if (!as_of) return false;
  if (action.status != Status::planned && action.status != Status::in_progress) return false;
  const auto& due = action.due();
  if (!due || due->kind != Due::Kind::date) return false;
  // The as-of date is compared at its first day: a plan updated "2013-09"
  // has not yet seen September's end.
  base::Date when = *as_of;
  if (when.month == 0) when.month = 1;
  if (when.day == 0) when.day = 1;
  return last_day(due->date) < when;
}

double weight_of(const Fields& fields) {
  const FieldValue* f = fields.find("weight");
  return f && f->number ? *f->number : 1.0;
}

std::optional<double> action_progress(const Action& action, const TrackingSettings& settings) {
  if (action.status == Status::cancelled) return std::nullopt;
  if (auto p = action.progress()) return *p;
  auto it = settings.progress.find(action.status);
  return it == settings.progress.end() ? 0.0 : it->second;
}

std::optional<double> section_progress(const PlanSection& section,
                                       const TrackingSettings& settings) {
  double sum = 0, weights = 0;
  accumulate(section, settings, sum, weights);
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

std::optional<double> plan_progress(const Plan& plan, const TrackingSettings& settings) {
  double sum = 0, weights = 0;
  for (const auto& s : plan.sections)
    if (auto p = section_progress(s, settings)) {
      const double w = weight_of(s.fields);
      sum += w * *p;
      weights += w;
    }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

std::vector<const Action*> late_actions(const Plan& plan) {
  std::vector<const Action*> out;
  for (const auto& s : plan.sections) collect_late(plan, s, out);
  return out;
}

PlanChanges compare_plans(const Plan& before, const Plan& after) {
  std::map<std::string, const Action*> old_by_id, new_by_id;
  std::vector<const Action*> old_order, new_order;
  for (const auto& s : before.sections) index_actions(s, old_by_id, old_order);
  for (const auto& s : after.sections) index_actions(s, new_by_id, new_order);
  PlanChanges c;
  for (const Action* a : new_order) {
    auto old = old_by_id.find(a->id);
    if (old == old_by_id.end()) {
      c.added.push_back({a->id, nullptr, a});
      continue;
    }
    const Action* b = old->second;
    if (b->status != a->status) c.status.push_back({a->id, b, a});
    if (b->progress() != a->progress()) c.progress.push_back({a->id, b, a});
    if (!same_due(b->due(), a->due())) c.due.push_back({a->id, b, a});
    PlanChanges::Notes fresh{a->id, a, {}};
    for (const auto& n : a->fields.notes()) {
      bool known = false;
      for (const auto& m : b->fields.notes()) known = known || same_note(n, m);
      if (!known) fresh.notes.push_back(&n);
    }
    if (!fresh.notes.empty()) c.new_notes.push_back(std::move(fresh));
  }
  for (const Action* b : old_order)
    if (!new_by_id.count(b->id)) c.removed.push_back({b->id, b, nullptr});
  return c;
}

}  // namespace carnet::model
