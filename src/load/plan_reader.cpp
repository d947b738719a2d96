#include "load/plan_reader.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/numbers.hpp"
#include "base/slug.hpp"
#include "base/text.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

namespace {

const std::vector<std::string> plan_keys = {
    "title",  "slug",  "period",    "adopted", "updated", "since",    "summary", "intro",
    "levels", "years", "numbering", "columns", "labels",  "sections", "actions"};

// The keys an item may hold: the fields of model::plan_fields() that may
// appear there, and its children.
std::vector<std::string> item_keys(unsigned where) {
  std::vector<std::string> keys;
  for (const auto& f : model::plan_fields())
    if (f.where & where) keys.emplace_back(f.key);
  if (where == model::on_level) {
    keys.emplace_back("sections");
    keys.emplace_back("actions");
  }
  return keys;
}
const std::vector<std::string> section_keys = item_keys(model::on_level);
const std::vector<std::string> action_keys = item_keys(model::on_action);

struct PlanReader {
  YamlSource src;
  base::Diagnostics& diags;
  model::Plan plan;
  std::map<std::string, base::SourcePos> ids;  // every id given, to find duplicates
  std::optional<base::SourcePos> numbering_pos;

  const std::string& default_lang() const { return src.languages->front(); }

  model::LocalizedText text(const yaml::Node& map, const char* field) {
    // By iterating, for the key's mark too.
    for (const auto& kv : map)
      if (kv.first.scalar() == field) return read_text(kv.first, kv.second, field, src, diags);
    return {};
  }

  std::vector<model::LocalizedText> texts(const yaml::Node& map, const char* field) {
    for (const auto& kv : map)
      if (kv.first.scalar() == field) return read_text_list(kv.first, kv.second, field, src, diags);
    return {};
  }

  base::SourcePos key_pos(const yaml::Node& map, const char* field) {
    for (const auto& kv : map)
      if (kv.first.scalar() == field) return src.pos(kv.first);
    return src.pos(map);
  }

  // The ids the default plan page gives its own parts (themes/default/layouts/
  // plan.mustache): a section or action with one of them would break its links.
  static bool is_page_id(std::string_view id) {
    return id == "main" || id == "overview" || id == "toc";
  }

  // An id as written (checked) or made from the title; unique in the plan.
  std::string make_id(const yaml::Node& node, const model::LocalizedText& title,
                      std::string_view what) {
    if (yaml::Node id = node["id"]; id.is_defined()) {
      auto s = read_scalar(id, "id", src, diags).value_or("");
      if (!base::is_clean_segment(s) || s.find('.') != std::string::npos) {
        diags.error(src.pos(id),
                    "id " + quote(s) +
                        " may only hold lowercase letters, digits, hyphens and underscores (try " +
                        quote(base::slugify(s)) + ")");
        return base::slugify(s);
      }
      if (is_page_id(s)) {
        diags.error(src.pos(id), "id " + quote(s) + " is taken by the plan's own page (its " +
                                     std::string(s == "toc"        ? "table of contents"
                                                 : s == "overview" ? "overview"
                                                                   : "main content") +
                                     "); choose another");
        return s;
      }
      if (auto [it, fresh] = ids.emplace(s, src.pos(id)); !fresh) {
        diags.error(src.pos(id), "duplicate id " + quote(s) + ": already used at line " +
                                     std::to_string(it->second.line) +
                                     "; ids must be unique in a plan");
      }
      return s;
    }
    // Made from the title, so it stays the same from build to build as long
    // as the title does; a numeric suffix separates equal titles.
    std::string base_id = base::slugify(title.get(default_lang(), default_lang()));
    if (base_id.empty()) base_id = std::string(what);
    std::string id = base_id;
    for (int k = 2; ids.count(id) || is_page_id(id); ++k) id = base_id + "-" + std::to_string(k);
    ids.emplace(id, src.pos(node));
    return id;
  }

  // As written, else numbered by position in the level's own numbering
  // (`numbering: [upper-roman, upper-alpha, decimal]`: "I", "I.B", "I.B.3").
  std::string make_code(const yaml::Node& node, const std::string& parent_code, int depth,
                        size_t index) {
    if (yaml::Node code = node["code"]; code.is_defined())
      return read_scalar(code, "code", src, diags).value_or("");
    auto style = static_cast<size_t>(depth) < plan.numbering.size() ? plan.numbering[depth]
                                                                    : model::Numbering::decimal;
    std::string n = model::format_number(style, static_cast<int>(index) + 1);
    return parent_code.empty() ? n : parent_code + "." + n;
  }

  std::optional<base::Date> date(const yaml::Node& n, std::string_view field) {
    auto s = read_scalar(n, field, src, diags);
    if (!s) return std::nullopt;
    std::string why;
    auto d = base::parse_date(*s, &why);
    if (!d)
      diags.error(src.pos(n), std::string(field) + ": malformed date " + quote(*s) + ": " + why);
    return d;
  }

  std::vector<model::Note> notes(const yaml::Node& map) {
    std::vector<model::Note> out;
    yaml::Node list = map["notes"];
    if (!list.is_defined() || list.is_null()) return out;
    if (!list.is_sequence()) {
      diags.error(src.pos(list), "notes: expected a list of {date: ..., text: ...}");
      return out;
    }
    for (const auto& item : list) {
      model::Note note;
      if (item.is_map()) {
        check_keys(item, {"date", "text"}, "note", src, diags);
        if (item["date"].is_defined()) note.date = date(item["date"], "date");
        note.text = text(item, "text");
      } else {
        note.text = read_text(item, item, "note", src, diags);
      }
      out.push_back(std::move(note));
    }
    return out;
  }

  std::optional<model::Due> due(const yaml::Node& n) {
    model::Due d;
    if (n.is_map()) {
      d.kind = model::Due::Kind::text;
      d.text = read_text(n, n, "due", src, diags);
      return d;
    }
    auto s = read_scalar(n, "due", src, diags);
    if (!s) return std::nullopt;
    if (*s == "ongoing") {
      d.kind = model::Due::Kind::ongoing;
      return d;
    }
    if (*s == "tbd") {
      d.kind = model::Due::Kind::tbd;
      return d;
    }
    std::string why;
    auto parsed = base::parse_date(*s, &why);
    if (!parsed) {
      diags.error(src.pos(n), "due: malformed date " + quote(*s) + ": " + why +
                                  "; write YYYY-MM-DD, YYYY-MM, YYYY, ongoing, tbd, or a text {" +
                                  base::join(*src.languages, ": ..., ") + ": ...}");
      return std::nullopt;
    }
    d.kind = model::Due::Kind::date;
    d.date = *parsed;
    return d;
  }

  void years_of(const yaml::Node& n, std::vector<std::string>& out) {
    if (!n.is_sequence()) {
      diags.error(src.pos(n),
                  "years: expected a list such as [" +
                      (plan.years.empty() ? std::string("2021-2022") : plan.years.front()) + "]");
      return;
    }
    for (const auto& y : n) {
      auto s = read_scalar(y, "years", src, diags).value_or("");
      if (std::find(plan.years.begin(), plan.years.end(), s) == plan.years.end()) {
        diags.error(src.pos(y), "years: " + quote(s) + " is not one of the plan's years (" +
                                    (plan.years.empty() ? "the plan has no `years:`"
                                                        : base::join(plan.years, ", ")) +
                                    ")");
        continue;
      }
      out.push_back(s);
    }
  }

  model::Action action(const yaml::Node& n, const std::string& parent_code, int depth,
                       size_t index) {
    model::Action a;
    a.pos = src.pos(n);
    if (!n.is_map()) {
      diags.error(src.pos(n), "an action must be a map of fields (id, title, due, ...)");
      return a;
    }
    check_keys(n, action_keys, "action", src, diags);
    a.title = text(n, "title");
    if (a.title.empty()) diags.error(src.pos(n), "action has no title");
    a.id = make_id(n, a.title, "action");
    a.code = make_code(n, parent_code, depth, index);
    if (yaml::Node st = n["status"]; st.is_defined()) a.status = status(st);
    a.fields = fields(n, model::on_action);
    return a;
  }

  model::Status status(const yaml::Node& st) {
    auto s = read_scalar(st, "status", src, diags).value_or("");
    if (auto parsed = model::parse_status(s)) return *parsed;
    std::vector<std::string> names;
    for (auto x : model::all_statuses) names.push_back(model::status_name(x));
    std::string msg = "unknown status " + quote(s);
    auto guess = base::closest_match(s, names);
    if (!guess.empty()) msg += " (did you mean " + quote(guess) + "?)";
    msg += "; a status is one of " + base::join(names, ", ");
    diags.error(src.pos(st), msg);
    return model::Status::planned;
  }

  std::optional<double> positive_number(const yaml::Node& n, std::string_view field) {
    auto s = read_scalar(n, field, src, diags);
    if (!s) return std::nullopt;
    auto v = base::parse_positive_number(*s);
    if (!v)
      diags.error(
          src.pos(n),
          std::string(field) + ": expected a positive number such as 2 or 0.5, not " + quote(*s));
    return v;
  }

  // Every non-structural field of model::plan_fields() that `n` holds, read
  // by its kind.
  model::Fields fields(const yaml::Node& n, unsigned where) {
    model::Fields out;
    for (const auto& spec : model::plan_fields()) {
      if (!(spec.where & where) || spec.structural()) continue;
      const std::string key(spec.key);
      yaml::Node v = n[key];
      if (!v.is_defined() || v.is_null()) continue;
      model::FieldValue f;
      f.pos = key_pos(n, key.c_str());
      switch (spec.kind) {
        case model::FieldKind::markdown:
          f.texts.push_back(text(n, key.c_str()));
          break;
        case model::FieldKind::texts:
        case model::FieldKind::organisations:
          f.texts = texts(n, key.c_str());
          break;
        case model::FieldKind::due:
          f.due = due(v);
          break;
        case model::FieldKind::date:
          f.date = date(v, spec.key);
          break;
        case model::FieldKind::years:
          years_of(v, f.years);
          break;
        case model::FieldKind::percent:
          f.percent = read_percent(v, spec.key, src, diags);
          break;
        case model::FieldKind::number:
          f.number = positive_number(v, spec.key);
          break;
        case model::FieldKind::notes:
          f.notes = notes(n);
          break;
        case model::FieldKind::identifier:
        case model::FieldKind::title:
        case model::FieldKind::status:
          break;
      }
      out.by_key.emplace(key, std::move(f));
    }
    return out;
  }

  model::PlanSection section(const yaml::Node& n, int depth, const std::string& parent_code,
                             size_t index) {
    model::PlanSection s;
    s.depth = depth;
    s.pos = src.pos(n);
    if (!n.is_map()) {
      diags.error(src.pos(n),
                  "a section must be a map of fields (id, title, sections, actions, ...)");
      return s;
    }
    check_keys(n, section_keys, "section", src, diags);
    if (static_cast<size_t>(depth) >= plan.levels.size()) {
      std::vector<std::string> names;
      for (const auto& l : plan.levels) names.push_back(l.get(default_lang(), default_lang()));
      diags.error(src.pos(n), "this section is at level " + std::to_string(depth + 1) +
                                  ", but the plan declares " + std::to_string(plan.levels.size()) +
                                  " level(s) in `levels` (" + base::join(names, ", ") +
                                  "): add a level or move the section up");
    }
    s.title = text(n, "title");
    if (s.title.empty()) diags.error(src.pos(n), "section has no title");
    s.id = make_id(n, s.title, "section");
    s.code = make_code(n, parent_code, depth, index);
    s.fields = fields(n, model::on_level);
    if (yaml::Node list = n["sections"]; list.is_defined() && !list.is_null()) {
      if (!list.is_sequence())
        diags.error(src.pos(list), "sections: expected a list");
      else
        for (size_t i = 0; i < list.size(); ++i)
          s.sections.push_back(section(list[i], depth + 1, s.code, i));
    }
    if (yaml::Node list = n["actions"]; list.is_defined() && !list.is_null()) {
      if (!list.is_sequence())
        diags.error(src.pos(list), "actions: expected a list");
      else
        for (size_t i = 0; i < list.size(); ++i)
          s.actions.push_back(action(list[i], s.code, depth + 1, i));
    }
    return s;
  }

  void period(const yaml::Node& n) {
    auto year = [&](const yaml::Node& y) -> std::optional<int> {
      auto s = read_scalar(y, "period", src, diags).value_or("");
      auto d = base::parse_date(s);
      if (!d || d->month != 0) {
        diags.error(src.pos(y), "period: expected a year such as 2021, not " + quote(s));
        return std::nullopt;
      }
      return d->year;
    };
    if (n.is_map()) {
      check_keys(n, {"start", "end"}, "period", src, diags);
      if (n["start"].is_defined()) plan.period_start = year(n["start"]);
      if (n["end"].is_defined()) plan.period_end = year(n["end"]);
    } else if (n.is_scalar()) {
      auto parts = base::split(n.scalar(), '-');
      if (parts.size() == 2 && parts[0].size() == 4 && parts[1].size() == 4 &&
          base::parse_date(parts[0]) && base::parse_date(parts[1])) {
        plan.period_start = std::stoi(parts[0]);
        plan.period_end = std::stoi(parts[1]);
      } else if (auto y = year(n)) {
        plan.period_start = plan.period_end = *y;
      }
    } else {
      diags.error(src.pos(n), "period: expected {start: 2021, end: 2023} or \"2021-2023\"");
    }
    if (plan.period_start && plan.period_end && *plan.period_end < *plan.period_start)
      diags.error(src.pos(n), "period: the end (" + std::to_string(*plan.period_end) +
                                  ") comes before the start (" +
                                  std::to_string(*plan.period_start) + ")");
  }

  void field_list(const yaml::Node& n, const char* what, std::vector<std::string>& out) {
    if (!n.is_sequence()) {
      diags.error(src.pos(n), std::string(what) + ": expected a list of field names");
      return;
    }
    for (const auto& item : n) {
      auto s = read_scalar(item, what, src, diags).value_or("");
      const auto& known = model::column_fields();
      if (std::find(known.begin(), known.end(), s) == known.end()) {
        std::string msg = std::string(what) + ": unknown field " + quote(s);
        auto guess = base::closest_match(s, known);
        msg += guess.empty() ? " (fields: " + base::join(known, ", ") + ")"
                             : " (did you mean " + quote(guess) + "?)";
        diags.error(src.pos(item), msg);
        continue;
      }
      out.push_back(s);
    }
  }

  void read_numbering(const yaml::Node& n) {
    if (!n.is_sequence()) {
      diags.error(src.pos(n),
                  "numbering: expected a list, one style per level, such as "
                  "[upper-roman, upper-alpha, decimal]");
      return;
    }
    std::vector<std::string> names;
    for (auto x :
         {model::Numbering::decimal, model::Numbering::upper_roman, model::Numbering::lower_roman,
          model::Numbering::upper_alpha, model::Numbering::lower_alpha})
      names.emplace_back(model::numbering_name(x));
    for (const auto& item : n) {
      auto s = read_scalar(item, "numbering", src, diags).value_or("");
      if (auto style = model::parse_numbering(s)) {
        plan.numbering.push_back(*style);
        continue;
      }
      std::string msg = "numbering: unknown style " + quote(s);
      auto guess = base::closest_match(s, names);
      msg += guess.empty() ? " (styles: " + base::join(names, ", ") + ")"
                           : " (did you mean " + quote(guess) + "?)";
      diags.error(src.pos(item), msg);
      plan.numbering.push_back(model::Numbering::decimal);
    }
    // Checked once the levels are known: a style for a level the plan does
    // not have is a mistake worth saying.
    numbering_pos = src.pos(n);
  }

  void read(const yaml::Node& root) {
    if (!root.is_map()) {
      diags.error({src.path, 1, 1},
                  "a plan file must be a map of fields (title, levels, sections, ...)");
      return;
    }
    check_keys(root, plan_keys, "plan", src, diags);
    plan.title = text(root, "title");
    if (plan.title.empty())
      diags.error({src.path, 1, 1}, "the plan has no title: add `title: {fr: ..., en: ...}`");
    if (yaml::Node slug = root["slug"]; slug.is_defined()) {
      auto t = text(root, "slug");
      for (const auto& [lang, s] : t.text) {
        if (!base::is_clean_segment(s))
          diags.error(t.lang_pos.count(lang) ? t.lang_pos[lang] : t.pos,
                      "slug " + quote(s) +
                          " may only hold lowercase letters, digits and hyphens (try " +
                          quote(base::slugify(s)) + ")");
        else if (check_name_length(s, "slug", t.lang_pos.count(lang) ? t.lang_pos[lang] : t.pos,
                                   diags))
          plan.slug[lang] = s;
      }
    }
    if (root["period"].is_defined()) period(root["period"]);
    if (root["adopted"].is_defined()) {
      plan.adopted = date(root["adopted"], "adopted");
    }
    if (root["updated"].is_defined()) plan.updated = date(root["updated"], "updated");
    if (yaml::Node since = root["since"]; since.is_defined()) {
      plan.since = read_scalar(since, "since", src, diags).value_or("");
      plan.since_pos = src.pos(since);
    }
    plan.summary = text(root, "summary");
    plan.intro = text(root, "intro");
    if (yaml::Node levels = root["levels"];
        levels.is_defined() && levels.is_sequence() && levels.size() > 0) {
      for (const auto& l : levels) plan.levels.push_back(read_text(l, l, "levels", src, diags));
    } else {
      diags.error(levels.is_defined() ? src.pos(levels) : base::SourcePos{src.path, 1, 1},
                  "the plan must name its levels, outermost first: `levels: [{fr: Orientation, en: "
                  "Direction}, "
                  "{fr: Objectif, en: Objective}]`");
    }
    if (yaml::Node years = root["years"]; years.is_defined()) {
      if (!years.is_sequence())
        diags.error(src.pos(years), "years: expected a list such as [2021-2022, 2022-2023]");
      else
        for (const auto& y : years) {
          auto s = read_scalar(y, "years", src, diags).value_or("");
          if (std::find(plan.years.begin(), plan.years.end(), s) != plan.years.end())
            diags.error(src.pos(y), "years: " + quote(s) + " is listed twice");
          else
            plan.years.push_back(s);
        }
    }
    if (yaml::Node numbering = root["numbering"]; numbering.is_defined()) read_numbering(numbering);
    if (yaml::Node cols = root["columns"]; cols.is_defined())
      field_list(cols, "columns", plan.columns);
    else
      plan.columns = model::default_columns();
    if (yaml::Node labels = root["labels"]; labels.is_defined()) {
      if (!labels.is_map()) {
        diags.error(src.pos(labels),
                    "labels: expected a map such as {partners: {fr: Ressources, en: Resources}}");
      } else {
        check_keys(labels, model::column_fields(), "label", src, diags);
        for (const auto& kv : labels)
          plan.labels[kv.first.scalar()] = read_text(kv.first, kv.second, "labels", src, diags);
      }
    }
    if (numbering_pos && plan.numbering.size() > plan.levels.size() + 1)
      diags.error(*numbering_pos, "numbering: " + std::to_string(plan.numbering.size()) +
                                      " styles for " + std::to_string(plan.levels.size()) +
                                      " level(s) and their actions; give at most " +
                                      std::to_string(plan.levels.size() + 1));
    if (yaml::Node list = root["sections"]; list.is_defined() && !list.is_null()) {
      if (!list.is_sequence())
        diags.error(src.pos(list), "sections: expected a list");
      else
        for (size_t i = 0; i < list.size(); ++i)
          plan.sections.push_back(section(list[i], 0, "", i));
    }
    if (yaml::Node list = root["actions"]; list.is_defined() && !list.is_null()) {
      diags.error(src.pos(list), "actions belong in a section: put them under one of `sections`");
    }
  }
};

}  // namespace

std::optional<model::Plan> read_plan(std::string_view yaml, const std::string& source,
                                     const std::vector<std::string>& languages,
                                     base::Diagnostics& diags) {
  YamlSource src{source, 0, &languages, yaml};
  auto root = parse_yaml(yaml, src, diags);
  if (!root) return std::nullopt;
  PlanReader reader{src, diags, {}, {}, {}};
  reader.plan.source = source;
  try {
    reader.read(*root);
  } catch (const yaml::Exception& e) {
    diags.error(src.pos(e.mark), "invalid plan: " + e.msg);
    return std::nullopt;
  }
  return std::move(reader.plan);
}

}  // namespace carnet::load
