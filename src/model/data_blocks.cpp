#include "model/data_blocks.hpp"

#include <algorithm>

#include "model/tracking.hpp"

namespace carnet::model {

std::optional<DataBlock::Kind> data_block_kind(std::string_view info) {
  // The info string may carry more words ("chart {.wide}"); the first names it.
  info = info.substr(0, info.find_first_of(" \t"));
  if (info == "figures") return DataBlock::Kind::figures;
  if (info == "chart") return DataBlock::Kind::chart;
  if (info == "plan") return DataBlock::Kind::plan;
  return std::nullopt;
}

std::string data_block_marker(size_t index) {
  return std::string(data_block_marker_start) + std::to_string(index) + "-->\n";
}

namespace {

const PlanSection* find_in(const std::vector<PlanSection>& sections, std::string_view id) {
  for (const auto& s : sections) {
    if (s.id == id) return &s;
    if (const auto* found = find_in(s.sections, id)) return found;
  }
  return nullptr;
}

struct Selector {
  const Plan& plan;
  const PlanExcerpt& excerpt;
  std::vector<ExcerptAction> out;

  void section(const PlanSection& s) {
    for (const auto& a : s.actions) action(a);
    for (const auto& child : s.sections) section(child);
  }

  void action(const Action& a) {
    if (!excerpt.statuses.empty() && std::find(excerpt.statuses.begin(), excerpt.statuses.end(),
                                               a.status) == excerpt.statuses.end())
      return;
    ExcerptAction e{&a, std::nullopt};
    if (excerpt.done_from && excerpt.done_to) {
      if (!plan.history) return;
      auto h = plan.history->status_history.find(a.id);
      if (h == plan.history->status_history.end()) return;
      // The last time it became done in the window: an action done, reopened
      // and done again is reported once, at its latest completion.
      for (const auto& change : h->second)
        if (change.to == Status::done && change.date >= *excerpt.done_from &&
            change.date <= last_day(*excerpt.done_to))
          e.done = change.date;
      if (!e.done) return;
    }
    out.push_back(e);
  }
};

}  // namespace

const PlanSection* find_section(const Plan& plan, std::string_view id) {
  return find_in(plan.sections, id);
}

std::vector<ExcerptAction> select_actions(const Plan& plan, const PlanExcerpt& excerpt) {
  Selector sel{plan, excerpt, {}};
  if (!excerpt.level.empty()) {
    if (const auto* s = find_section(plan, excerpt.level)) sel.section(*s);
  } else {
    for (const auto& s : plan.sections) sel.section(s);
  }
  return std::move(sel.out);
}

}  // namespace carnet::model
