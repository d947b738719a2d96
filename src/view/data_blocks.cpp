#include "view/data_blocks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace carnet::view {

std::string format_number(double value, const std::string& lang) {
  const bool fr = lang == "fr";
  const bool negative = value < 0;
  const long long hundredths = std::llround(std::fabs(value) * 100);
  std::string whole = std::to_string(hundredths / 100);
  const int cents = static_cast<int>(hundredths % 100);
  // Thousands: a narrow no-break space in French (Office québécois de la
  // langue française), a comma in English.
  const std::string group = fr ? "\u202f" : ",";
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
    out += whole[i];
  }
  if (cents != 0) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", cents);
    std::string decimals = buf;
    if (decimals.back() == '0') decimals.pop_back();
    out += (fr ? "," : ".") + decimals;
  }
  return negative && out != "0" ? "-" + out : out;
}

Rgb series_color(size_t index) {
  static const Rgb colors[] = {{0x0a, 0x4f, 0x8c}, {0xb3, 0x47, 0x00}, {0x15, 0x6b, 0x3a},
                               {0x6d, 0x28, 0xd9}, {0x9d, 0x17, 0x4d}, {0x4a, 0x4a, 0x4a}};
  return colors[index % std::size(colors)];
}

Scale nice_scale(double min_value, double max_value) {
  Scale s;
  double low = std::min(0.0, min_value), high = std::max(0.0, max_value);
  if (high - low <= 0) high = low + 1;
  // About five intervals, each 1, 2 or 5 times a power of ten.
  const double raw = (high - low) / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) {
      step = m * magnitude;
      break;
    }
  s.low = std::floor(low / step) * step;
  s.high = std::ceil(high / step) * step;
  for (double t = s.low; t <= s.high + step / 2; t += step)
    s.ticks.push_back(std::round(t / step) * step);
  return s;
}

namespace {

class Builder {
 public:
  Builder(const model::Site& site, const std::string& lang)
      : site_(site), lang_(lang), def_(site.config.default_language()) {}

  Text text(const model::LocalizedText& t) const {
    Text out;
    out.value = t.get(lang_, def_, &out.lang);
    out.fallback = !out.value.empty() && out.lang != lang_;
    return out;
  }
  std::string word(const std::string& key) const { return site_.words.get(lang_, key); }

  std::vector<FigureView> figures(const std::vector<model::KeyFigure>& in) const {
    std::vector<FigureView> out;
    for (const auto& f : in) out.push_back({f.value, text(f.label), text(f.note)});
    return out;
  }

  ChartView chart(const model::Chart& c) const {
    ChartView v;
    v.kind = c.kind;
    v.title = text(c.title);
    for (const auto& l : c.labels) v.labels.push_back(text(l));
    double lo = 0, hi = 0;
    for (const auto& s : c.series) {
      ChartSeriesView sv;
      sv.name = text(s.name);
      sv.values = s.values;
      for (double x : s.values) {
        sv.value_texts.push_back(format_number(x, lang_));
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
      v.series.push_back(std::move(sv));
    }
    auto scale = nice_scale(lo, hi);
    v.low = scale.low;
    v.high = scale.high;
    v.ticks = scale.ticks;
    for (double t : v.ticks) v.tick_texts.push_back(format_number(t, lang_));
    v.legend = v.series.size() > 1;
    v.table_caption = word("block_chart_data");
    const std::string colon = word("colon");
    v.alt = v.title.value;
    for (const auto& s : v.series) {
      v.alt += v.alt.empty() ? "" : (s.name.empty() ? ". " : ". " + s.name.value + colon);
      for (size_t i = 0; i < s.value_texts.size() && i < v.labels.size(); ++i)
        v.alt += (i ? "; " : "") + v.labels[i].value + colon + s.value_texts[i];
    }
    return v;
  }

  ExcerptView excerpt(const model::PlanExcerpt& e) const {
    ExcerptView v;
    const auto& plan = site_.plans.at(e.plan_index);
    const PlanDisplay d = display_plan(site_, plan, lang_);
    v.plan_title = d.title;
    if (auto u = plan.url.find(lang_); u != plan.url.end()) v.plan_url = u->second;
    v.headers = {word("block_plan_code"), word("field_title"), word("field_status"),
                 e.done_from ? word("block_plan_done") : word("field_due")};
    // Every action the plan page shows, by id, and the level chosen.
    std::map<std::string, const ActionView*> by_id;
    std::function<void(const LevelView&)> walk = [&](const LevelView& l) {
      if (!e.level.empty() && l.id == e.level) v.level = heading_text(l);
      for (const auto& a : l.actions) by_id[a.id] = &a;
      for (const auto& c : l.children) walk(c);
    };
    for (const auto& l : d.levels) walk(l);
    for (const auto& picked : model::select_actions(plan, e)) {
      auto found = by_id.find(picked.action->id);
      if (found == by_id.end()) continue;
      ExcerptRowView row;
      row.action = *found->second;
      if (picked.done) {
        row.date = picked.done->format_long(lang_);
        row.date_iso = picked.done->iso();
      } else {
        row.date = due_of(row.action, row.date_iso);
      }
      row.href = v.plan_url + "#" + row.action.id;
      v.rows.push_back(std::move(row));
    }
    if (v.rows.empty()) v.none = word("block_plan_none");
    return v;
  }

 private:
  // The due date as the plan page words it, from its column or its "more".
  static std::string due_of(const ActionView& a, std::string& iso) {
    for (const auto* fields : {&a.cells, &a.more})
      for (const auto& f : *fields)
        if (f.key == "due" && !f.items.empty()) {
          iso = f.iso;
          return f.items.front().value;
        }
    return "—";
  }

  const model::Site& site_;
  std::string lang_, def_;
};

}  // namespace

DataBlockView data_block_view(const model::Site& site, const model::DataBlock& block,
                              const std::string& lang) {
  Builder b(site, lang);
  DataBlockView v;
  v.kind = block.kind;
  switch (block.kind) {
    case model::DataBlock::Kind::figures:
      v.figures = b.figures(block.figures);
      break;
    case model::DataBlock::Kind::chart:
      v.chart = b.chart(block.chart);
      break;
    case model::DataBlock::Kind::plan:
      v.excerpt = b.excerpt(block.plan);
      break;
  }
  return v;
}

}  // namespace carnet::view
