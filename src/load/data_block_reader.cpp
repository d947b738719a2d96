#include "load/data_block_reader.hpp"

#include <charconv>

#include "base/text.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

namespace {

class Reader {
 public:
  Reader(std::string_view yaml, int fence_line, const DataBlockContext& ctx,
         base::Diagnostics& diags)
      : ctx_(ctx), diags_(diags), src_{ctx.path, fence_line, ctx.languages, yaml} {}

  std::optional<model::DataBlock> read(model::DataBlock::Kind kind) {
    model::DataBlock b;
    b.kind = kind;
    b.line = src_.line_offset;
    const size_t errors_before = diags_.error_count();
    auto root = parse_yaml(src_.text, src_, diags_);
    if (!root) return std::nullopt;
    const char* name = kind == model::DataBlock::Kind::figures ? "figures"
                       : kind == model::DataBlock::Kind::chart ? "chart"
                                                               : "plan";
    if (!root->is_defined() || root->is_null()) {
      diags_.error({ctx_.path, src_.line_offset, 1},
                   std::string("this ```") + name + " block is empty: " + example(kind));
      return std::nullopt;
    }
    switch (kind) {
      case model::DataBlock::Kind::figures:
        figures(*root, b.figures);
        break;
      case model::DataBlock::Kind::chart:
        chart(*root, b.chart);
        break;
      case model::DataBlock::Kind::plan:
        plan(*root, b.plan);
        break;
    }
    if (diags_.error_count() != errors_before) return std::nullopt;
    return b;
  }

 private:
  static std::string example(model::DataBlock::Kind kind) {
    switch (kind) {
      case model::DataBlock::Kind::figures:
        return "write a list of figures such as `- {value: 42, label: \"organisations\"}`";
      case model::DataBlock::Kind::chart:
        return "write `kind: bar`, `labels: [...]` and `series: [{name: ..., values: [...]}]`";
      case model::DataBlock::Kind::plan:
        return "write `plan: NAME` (a plan file's name without .plan.yaml)";
    }
    return "";
  }

  // A text: a plain string is in the page's language, a map gives languages.
  model::LocalizedText text(const yaml::Node& key, const yaml::Node& value,
                            std::string_view field) {
    if (value.is_scalar()) {
      model::LocalizedText t = model::make_text(ctx_.lang, value.scalar());
      t.pos = src_.pos(key);
      t.lang_pos[ctx_.lang] = src_.pos(value);
      return t;
    }
    return read_text(key, value, field, src_, diags_);
  }

  bool expect_map(const yaml::Node& n, std::string_view what) {
    if (n.is_map()) return true;
    diags_.error(src_.pos(n),
                 std::string(what) + ": expected fields such as `key: value`, not " + kind_of(n));
    return false;
  }
  bool expect_list(const yaml::Node& n, std::string_view what) {
    if (n.is_sequence()) return true;
    diags_.error(src_.pos(n), std::string(what) +
                                  ": expected a list (`- ...` or `[..., ...]`), not " + kind_of(n));
    return false;
  }
  static std::string kind_of(const yaml::Node& n) {
    if (n.is_scalar()) return "the text " + quote(n.scalar());
    if (n.is_sequence()) return "a list";
    if (n.is_map()) return "fields";
    return "nothing";
  }

  void figures(const yaml::Node& root, std::vector<model::KeyFigure>& out) {
    if (!expect_list(root, "figures")) return;
    for (const auto& item : root) {
      if (!expect_map(item, "a figure")) continue;
      check_keys(item, {"value", "label", "note"}, "figure", src_, diags_);
      model::KeyFigure f;
      bool has_value = false, has_label = false;
      for (const auto& kv : item) {
        const auto key = kv.first.as_string("");
        if (key == "value") {
          has_value = true;
          f.value = read_scalar(kv.second, "value", src_, diags_).value_or("");
        } else if (key == "label") {
          has_label = true;
          f.label = text(kv.first, kv.second, "label");
        } else if (key == "note") {
          f.note = text(kv.first, kv.second, "note");
        }
      }
      if (!has_value) diags_.error(src_.pos(item), "a figure needs a `value` (the number shown)");
      if (!has_label)
        diags_.error(src_.pos(item), "a figure needs a `label` (what the number counts)");
      out.push_back(std::move(f));
    }
  }

  std::optional<double> number(const yaml::Node& n, std::string_view field) {
    if (n.is_scalar()) {
      const std::string& s = n.scalar();
      double v = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return v;
    }
    diags_.error(src_.pos(n),
                 std::string(field) + ": expected a number such as 12 or 3.5, not " + kind_of(n));
    return std::nullopt;
  }

  void chart(const yaml::Node& root, model::Chart& c) {
    if (!expect_map(root, "chart")) return;
    check_keys(root, {"kind", "title", "labels", "series"}, "chart", src_, diags_);
    yaml::Node labels_node;
    for (const auto& kv : root) {
      const auto key = kv.first.as_string("");
      if (key == "kind") {
        auto k = read_scalar(kv.second, "kind", src_, diags_);
        if (k == "bar")
          c.kind = model::ChartKind::bar;
        else if (k == "line")
          c.kind = model::ChartKind::line;
        else if (k) {
          std::string msg = "kind: " + quote(*k) + " is not a kind of chart (bar, line)";
          auto guess = base::closest_match(*k, {"bar", "line"});
          if (!guess.empty()) msg += "; did you mean " + quote(guess) + "?";
          diags_.error(src_.pos(kv.second), msg);
        }
      } else if (key == "title") {
        c.title = text(kv.first, kv.second, "title");
      } else if (key == "labels") {
        labels_node.reset(kv.second);
        if (expect_list(kv.second, "labels"))
          for (const auto& l : kv.second) c.labels.push_back(text(l, l, "labels"));
      } else if (key == "series") {
        series(kv.second, c);
      }
    }
    if (!labels_node.is_defined())
      diags_.error({ctx_.path, src_.line_offset + 1, 1},
                   "chart: `labels` is missing: name each value, `labels: [2019, 2020, 2021]`");
    if (c.series.empty() && !root["series"])
      diags_.error({ctx_.path, src_.line_offset + 1, 1},
                   "chart: `series` is missing: `series: [{name: ..., values: [1, 2, 3]}]`");
    if (labels_node.is_defined() && labels_node.is_sequence())
      for (size_t i = 0; i < c.series.size(); ++i)
        if (series_complete_[i] && c.series[i].values.size() != c.labels.size())
          diags_.error(series_pos_[i], "series " + std::to_string(i + 1) + " has " +
                                           std::to_string(c.series[i].values.size()) +
                                           " values but the chart has " +
                                           std::to_string(c.labels.size()) +
                                           " labels: give one value per label");
  }

  void series(const yaml::Node& list, model::Chart& c) {
    if (!expect_list(list, "series")) return;
    if (list.size() == 0) diags_.error(src_.pos(list), "series: the list is empty");
    for (const auto& item : list) {
      if (!expect_map(item, "a series")) continue;
      check_keys(item, {"name", "values"}, "series", src_, diags_);
      model::ChartSeries s;
      bool has_values = false, complete = true;
      for (const auto& kv : item) {
        const auto key = kv.first.as_string("");
        if (key == "name") {
          s.name = text(kv.first, kv.second, "name");
        } else if (key == "values") {
          has_values = true;
          if (expect_list(kv.second, "values"))
            for (const auto& v : kv.second) {
              auto x = number(v, "values");
              if (x) s.values.push_back(*x);
              complete = complete && x;
            }
        }
      }
      if (!has_values) diags_.error(src_.pos(item), "a series needs its `values: [...]`");
      series_pos_.push_back(src_.pos(item));
      series_complete_.push_back(complete);
      c.series.push_back(std::move(s));
    }
  }

  std::optional<base::Date> date(const yaml::Node& n) {
    auto s = read_scalar(n, "done_between", src_, diags_);
    if (!s) return std::nullopt;
    std::string why;
    auto d = base::parse_date(*s, &why);
    if (!d) diags_.error(src_.pos(n), "done_between: " + quote(*s) + " is not a date: " + why);
    return d;
  }

  void plan(const yaml::Node& root, model::PlanExcerpt& e) {
    if (!expect_map(root, "plan")) return;
    check_keys(root, {"plan", "level", "status", "done_between"}, "plan block", src_, diags_);
    const model::Plan* plan = nullptr;
    yaml::Node level_node;
    for (const auto& kv : root) {
      const auto key = kv.first.as_string("");
      if (key == "plan") {
        auto name = read_scalar(kv.second, "plan", src_, diags_);
        if (!name) continue;
        e.plan = *name;
        std::vector<std::string> names;
        for (size_t i = 0; i < ctx_.plans->size(); ++i) {
          names.push_back((*ctx_.plans)[i].name);
          if ((*ctx_.plans)[i].name == *name) {
            plan = &(*ctx_.plans)[i];
            e.plan_index = i;
          }
        }
        if (!plan) {
          std::string msg = "plan: no plan is named " + quote(*name);
          auto guess = base::closest_match(*name, names);
          if (!guess.empty())
            msg += " (did you mean " + quote(guess) + "?)";
          else if (!names.empty())
            msg += " (plans: " + base::join(names, ", ") + ")";
          diags_.error(src_.pos(kv.second), msg);
        }
      } else if (key == "level") {
        level_node.reset(kv.second);
        e.level = read_scalar(kv.second, "level", src_, diags_).value_or("");
      } else if (key == "status") {
        statuses(kv.second, e.statuses);
      } else if (key == "done_between") {
        if (!kv.second.is_sequence() || kv.second.size() != 2) {
          diags_.error(src_.pos(kv.second),
                       "done_between: expected two dates, `[2023-07-01, 2024-06-30]`");
          continue;
        }
        e.done_from = date(kv.second[0]);
        e.done_to = date(kv.second[1]);
        if (e.done_from && e.done_to && *e.done_to < *e.done_from)
          diags_.error(src_.pos(kv.second[1]), "done_between: " + quote(e.done_to->iso()) +
                                                   " is before " + quote(e.done_from->iso()));
      }
    }
    if (!root["plan"])
      diags_.error({ctx_.path, src_.line_offset + 1, 1},
                   "the plan block needs `plan: NAME` (a plan file's name without .plan.yaml)");
    if (plan && !e.level.empty() && !model::find_section(*plan, e.level)) {
      std::vector<std::string> ids;
      collect_ids(plan->sections, ids);
      std::string msg = "level: " + plan->source + " has no level with id " + quote(e.level);
      auto guess = base::closest_match(e.level, ids);
      if (!guess.empty()) msg += " (did you mean " + quote(guess) + "?)";
      diags_.error(src_.pos(level_node), msg);
    }
  }

  static void collect_ids(const std::vector<model::PlanSection>& sections,
                          std::vector<std::string>& ids) {
    for (const auto& s : sections) {
      ids.push_back(s.id);
      collect_ids(s.sections, ids);
    }
  }

  void statuses(const yaml::Node& n, std::vector<model::Status>& out) {
    std::vector<yaml::Node> items;
    if (n.is_sequence())
      for (const auto& i : n) items.push_back(i);
    else
      items.push_back(n);
    std::vector<std::string> names;
    for (auto s : model::all_statuses) names.push_back(model::status_name(s));
    for (const auto& i : items) {
      auto s = read_scalar(i, "status", src_, diags_);
      if (!s) continue;
      if (auto st = model::parse_status(*s)) {
        out.push_back(*st);
        continue;
      }
      std::string msg =
          "status: " + quote(*s) + " is not a status (" + base::join(names, ", ") + ")";
      auto guess = base::closest_match(*s, names);
      if (!guess.empty()) msg += "; did you mean " + quote(guess) + "?";
      diags_.error(src_.pos(i), msg);
    }
  }

  const DataBlockContext& ctx_;
  base::Diagnostics& diags_;
  YamlSource src_;
  std::vector<base::SourcePos> series_pos_;
  std::vector<bool> series_complete_;  // no value was refused (else its count says nothing)
};

}  // namespace

std::optional<model::DataBlock> read_data_block(model::DataBlock::Kind kind, std::string_view yaml,
                                                int fence_line, const DataBlockContext& ctx,
                                                base::Diagnostics& diags) {
  return Reader(yaml, fence_line, ctx, diags).read(kind);
}

}  // namespace carnet::load
