// A page's data blocks (model/data_blocks.hpp) as a reader of one language
// sees them, computed once for every output: texts picked in the page's
// language, numbers written the way that language writes them, a chart's
// scale and ticks, and a plan excerpt's actions as the plan page shows them
// (ActionView from display_plan, so the page and the plan never disagree).
// The web page, PDF, EPUB and ODT only lay these out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/data_blocks.hpp"
#include "model/site.hpp"
#include "view/palette.hpp"
#include "view/plan_display.hpp"

namespace carnet::view {

struct FigureView {
  std::string value;
  Text label, note;
};

struct ChartSeriesView {
  Text name;
  std::vector<double> values;
  std::vector<std::string> value_texts;  // "1 200", "12,5"
};

struct ChartView {
  model::ChartKind kind = model::ChartKind::bar;
  Text title;
  std::vector<Text> labels;
  std::vector<ChartSeriesView> series;
  // The value axis: from `low` to `high`, a tick at each of `ticks`.
  double low = 0, high = 1;
  std::vector<double> ticks;
  std::vector<std::string> tick_texts;
  bool legend = false;        // more than one series
  std::string table_caption;  // "Données du graphique" for the table of numbers
  // The chart in one sentence, for an image's alternative text: its title,
  // then each series' "label : value" pairs.
  std::string alt;
};

struct ExcerptRowView {
  ActionView action;
  std::string date;  // the date its status became done (done_between), else its due, worded
  std::string date_iso;
  std::string href;  // the action on its plan page: "plans/x/#a-1-2" (a site path)
};

struct ExcerptView {
  Text plan_title;
  std::string plan_url;              // the plan page, a site path ("plans/x/")
  std::string level;                 // "Orientation 2 — Title", when a level is chosen
  std::vector<std::string> headers;  // code, action, status, date
  std::vector<ExcerptRowView> rows;
  std::string none;  // "Aucune action ne correspond." when no row
};

struct DataBlockView {
  model::DataBlock::Kind kind = model::DataBlock::Kind::figures;
  std::vector<FigureView> figures;
  ChartView chart;
  ExcerptView excerpt;
};

// The colour of a chart's `index`-th series (cycling through six, each at
// least 4.5:1 against white), the same on the web and in the booklets.
Rgb series_color(size_t index);

// `block` for a reader of `lang`.
DataBlockView data_block_view(const model::Site& site, const model::DataBlock& block,
                              const std::string& lang);

// A number as `lang` writes it: "1 234,5" (fr, narrow no-break spaces),
// "1,234.5" (en); at most two decimals, none when whole.
std::string format_number(double value, const std::string& lang);

// Nice ticks (1, 2 or 5 times a power of ten) over low..high, which they
// widen to start and end on a tick; low is at most 0.
struct Scale {
  double low = 0, high = 1;
  std::vector<double> ticks;
};
Scale nice_scale(double min_value, double max_value);

}  // namespace carnet::view
