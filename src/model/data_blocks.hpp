// Data blocks: the fenced blocks of a page's Markdown that hold YAML instead
// of code (PRODUCT.md §9): ```figures (key figures, a row of big numbers),
// ```chart (a bar or line chart) and ```plan (a plan's actions, chosen by
// level, status and the dates their status became done). load/ reads and
// checks them; the renderers draw them where the fence was, in the page's
// language, so a page keeps them beside its text without knowing how they
// look.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostics.hpp"
#include "model/localized_text.hpp"
#include "model/plan.hpp"

namespace carnet::model {

struct KeyFigure {
  std::string value;  // as written: "1 200", "87 %", 42
  LocalizedText label;
  LocalizedText note;  // may be empty
};

struct ChartSeries {
  LocalizedText name;  // may be empty when the chart has one series
  std::vector<double> values;
};

enum class ChartKind { bar, line };

struct Chart {
  ChartKind kind = ChartKind::bar;
  LocalizedText title;
  std::vector<LocalizedText> labels;  // one per value of each series
  std::vector<ChartSeries> series;
};

// Which actions of a plan a page shows.
struct PlanExcerpt {
  std::string plan;                              // the plan's name ("plan-action-2021-2023")
  size_t plan_index = 0;                         // into Site::plans
  std::string level;                             // a section id, or "" for the whole plan
  std::vector<Status> statuses;                  // empty: every status
  std::optional<base::Date> done_from, done_to;  // both or neither
};

struct DataBlock {
  enum class Kind { figures, chart, plan };
  Kind kind = Kind::figures;
  int line = 0;  // the fence's line in the page's file
  std::vector<KeyFigure> figures;
  Chart chart;
  PlanExcerpt plan;
};

// "figures", "chart", "plan": the fence info strings that open a data block.
std::optional<DataBlock::Kind> data_block_kind(std::string_view info);

// What load/ writes into a page's HTML where its block `index` goes, on a
// line of its own; the site renderer replaces it. An HTML comment, so that
// a page rendered without the renderer (a feed) loses nothing visible.
inline constexpr std::string_view data_block_marker_start = "<!--carnet-data-block:";
std::string data_block_marker(size_t index);

// The actions of `plan` an excerpt selects, in reading order, each with the
// date its status last became done within `done_from`..`done_to` (nullopt
// without that filter). The dates come from the plan's Git history
// (Plan::history, PRODUCT.md §6); without it no action matches a
// `done_between`.
struct ExcerptAction {
  const Action* action = nullptr;
  std::optional<base::Date> done;
};
std::vector<ExcerptAction> select_actions(const Plan& plan, const PlanExcerpt& excerpt);

// The section of `plan` with id `id`, or nullptr.
const PlanSection* find_section(const Plan& plan, std::string_view id);

}  // namespace carnet::model
