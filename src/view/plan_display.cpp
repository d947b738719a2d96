#include "view/plan_display.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace carnet::view {

namespace {

const char* mime_of(const std::string& format) {
  if (format == "pdf" || format == "summary") return "application/pdf";
  if (format == "epub") return "application/epub+zip";
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  return "application/octet-stream";
}

class Builder {
 public:
  Builder(const model::Site& site, const model::Plan& plan, const std::string& lang)
      : site_(site), plan_(plan), lang_(lang), def_(site.config.default_language()) {}

  PlanDisplay build() {
    PlanDisplay d;
    d.lang = lang_;
    d.fallback = def_;
    d.title = text(plan_.title);
    d.summary = markdown(plan_.summary);
    d.intro = markdown(plan_.intro);
    d.period = plan_period(plan_);
    if (plan_.adopted) {
      d.adopted = plan_.adopted->format_long(lang_);
      d.adopted_iso = plan_.adopted->iso();
    }
    for (const auto& l : plan_.levels) d.level_names.push_back(text(l));
    for (auto st : model::all_statuses) d.statuses.push_back(status(st));
    d.years = plan_.years;
    d.columns = columns();
    columns_ = d.columns;
    shown_ = plan_.columns;
    if (!plan_.years.empty()) shown_.push_back("years");
    for (const auto& s : plan_.sections) d.levels.push_back(level(s));
    d.counts = model::count_plan(plan_);
    tracking(d);
    for (const auto& f : model::booklet_files(site_, plan_)) {
      if (!f.lang.empty() && f.lang != lang_) continue;
      d.booklets.push_back({f.format, f.path, word(f.word), mime_of(f.format)});
    }
    return d;
  }

 private:
  std::string word(const std::string& key) const { return site_.words.get(lang_, key); }

  std::string percent_text(double p) const {
    return site_.words.format(lang_, "percent", std::to_string(std::lround(p)));
  }

  std::string due_text(const std::optional<model::Due>& due) const {
    return due ? (due->kind == model::Due::Kind::text ? text(due->text).value : due_words(*due))
               : std::string("—");
  }

  void tracking(PlanDisplay& d) const {
    const auto& settings = site_.config.tracking;
    if (auto when = model::as_of(plan_)) {
      d.as_of = when->format_long(lang_);
      d.as_of_iso = when->iso();
      d.as_of_line = word("tracking_as_of") + " " + d.as_of;
    } else {
      d.as_of_line = word("tracking_no_date");
    }
    d.progress = model::plan_progress(plan_, settings);
    if (d.progress) d.progress_text = percent_text(*d.progress);
    d.progress_rule = word("tracking_progress_rule");
    for (const auto& [status, value] : settings.progress) {
      const std::string key = std::string("{") + model::status_name(status) + "}";
      for (auto at = d.progress_rule.find(key); at != std::string::npos;
           at = d.progress_rule.find(key))
        d.progress_rule.replace(at, key.size(), std::to_string(value));
    }
    // With a reference: the changes since it. A plan that did not exist
    // then has every action new, as `carnet changes` says; one whose old
    // version cannot be read shows no changes rather than wrong ones.
    const auto& h = plan_.history;
    if (h && !h->since.empty() && h->since_date && (h->before || !h->existed_then))
      d.changes = changes(*h);
  }

  ChangesView changes(const model::PlanHistory& h) const {
    ChangesView v;
    v.since = h.since;
    if (h.since_date) {
      v.date = h.since_date->format_long(lang_);
      v.date_iso = h.since_date->iso();
    }
    v.heading = word("tracking_changes_since") + " " + h.since +
                (v.date.empty() ? "" : " (" + v.date + ")");
    static const model::Plan nothing;
    const auto c = model::compare_plans(h.before ? *h.before : nothing, plan_);
    const std::string arrow = word("tracking_arrow");
    auto item = [&](const model::PlanChanges::Change& ch) {
      const model::Action& a = ch.after ? *ch.after : *ch.before;
      return ChangeItem{ch.id, a.code, text(a.title), "", {}, ch.after == nullptr};
    };
    auto group = [&](const char* key, const std::vector<model::PlanChanges::Change>& list,
                     auto&& detail) {
      if (list.empty()) return;
      ChangeGroup g{key, word(std::string("tracking_changes_") + key), {}};
      for (const auto& ch : list) {
        ChangeItem i = item(ch);
        i.detail = detail(ch);
        g.items.push_back(std::move(i));
      }
      v.groups.push_back(std::move(g));
    };
    auto none = [](const model::PlanChanges::Change&) { return std::string(); };
    group("added", c.added, none);
    group("removed", c.removed, none);
    group("status", c.status, [&](const model::PlanChanges::Change& ch) {
      return status(ch.before->status).word + arrow + status(ch.after->status).word;
    });
    group("progress", c.progress, [&](const model::PlanChanges::Change& ch) {
      auto p = [&](const model::Action& a) {
        auto v = a.progress();
        return v ? percent_text(*v) : std::string("—");
      };
      return p(*ch.before) + arrow + p(*ch.after);
    });
    group("due", c.due, [&](const model::PlanChanges::Change& ch) {
      return due_text(ch.before->due()) + arrow + due_text(ch.after->due());
    });
    if (!c.new_notes.empty()) {
      ChangeGroup g{"notes", word("tracking_changes_notes"), {}};
      for (const auto& n : c.new_notes) {
        ChangeItem i{n.id, n.after->code, text(n.after->title), "", {}, false};
        for (const model::Note* note : n.notes) i.notes.push_back(note_view(*note));
        g.items.push_back(std::move(i));
      }
      v.groups.push_back(std::move(g));
    }
    if (v.groups.empty()) v.none = word("tracking_changes_none");
    return v;
  }

  NoteView note_view(const model::Note& n) const {
    NoteView nv;
    if (n.date) {
      nv.date = n.date->format_long(lang_);
      nv.date_iso = n.date->iso();
    }
    nv.text = markdown(n.text);
    return nv;
  }

  Text text(const model::LocalizedText& t) const {
    Text out;
    std::string shown;
    out.value = t.get(lang_, def_, &shown);
    out.lang = out.value.empty() ? lang_ : shown;
    out.fallback = out.lang != lang_;
    return out;
  }

  Text markdown(const model::LocalizedText& t) const {
    Text out = text(t);
    out.markdown = true;
    return out;
  }

  // "2", "0.5" (fr: "0,5").
  std::string format_number(double n) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", n);
    std::string out = buf;
    if (lang_ == "fr")
      for (auto& c : out)
        if (c == '.') c = ',';
    return out;
  }

  // Worded once per plan and language: a plan page holds thousands of them.
  const StatusView& status(model::Status st) const {
    auto& cached = statuses_[static_cast<int>(st)];
    if (cached.key.empty())
      cached = {st, model::status_name(st), word(std::string("status_") + model::status_name(st)),
                status_colors(st)};
    return cached;
  }

  void label(const std::string& key, std::string& label, std::string& label_lang) const {
    auto found = labels_.find(key);
    if (found == labels_.end()) {
      std::pair<std::string, std::string> l;
      if (auto it = plan_.labels.find(key); it != plan_.labels.end() && !it->second.empty()) {
        Text t = text(it->second);
        l.first = t.value;
        if (t.fallback) l.second = t.lang;
      } else {
        l.first = word("field_" + key);
      }
      found = labels_.emplace(key, std::move(l)).first;
    }
    label = found->second.first;
    label_lang = found->second.second;
  }

  // The columns besides title and status; the year grid, when the plan has
  // one, stands where `years` is listed, else last.
  std::vector<ColumnView> columns() const {
    std::vector<ColumnView> cols;
    bool grid_done = false;
    auto add_grid = [&] {
      grid_done = true;
      for (const auto& y : plan_.years) cols.push_back({"year", y, "", y});
    };
    for (const auto& c : plan_.columns) {
      if (c == "years" && !plan_.years.empty()) {
        add_grid();
        continue;
      }
      ColumnView col;
      col.key = c;
      label(c, col.label, col.label_lang);
      cols.push_back(std::move(col));
    }
    if (!grid_done && !plan_.years.empty()) add_grid();
    return cols;
  }

  std::string due_words(const model::Due& due) const {
    switch (due.kind) {
      case model::Due::Kind::date:
        return due.date.format_long(lang_);
      case model::Due::Kind::ongoing:
        return word("due_ongoing");
      case model::Due::Kind::tbd:
        return word("due_tbd");
      case model::Due::Kind::text:
        return text(due.text).value;
    }
    return {};
  }

  // A field's value as the reader sees it; empty when there is nothing to show.
  FieldView field(const model::FieldSpec& spec, const model::FieldValue& f) const {
    FieldView v;
    v.key = std::string(spec.key);
    v.kind = spec.kind;
    label(v.key, v.label, v.label_lang);
    switch (spec.kind) {
      case model::FieldKind::markdown:
        for (const auto& t : f.texts)
          if (Text m = markdown(t); !m.empty()) v.items.push_back(std::move(m));
        break;
      case model::FieldKind::texts:
        for (const auto& t : f.texts)
          if (Text m = text(t); !m.empty()) v.items.push_back(std::move(m));
        break;
      case model::FieldKind::organisations:
        for (const auto& t : f.texts) {
          if (Text m = text(t); !m.empty()) {
            v.items.push_back(std::move(m));
            v.written.push_back(t.get(def_, def_));
          }
        }
        break;
      case model::FieldKind::due:
        if (f.due) {
          Text t;
          if (f.due->kind == model::Due::Kind::text) {
            t = text(f.due->text);
          } else {
            t.value = due_words(*f.due);
            t.lang = lang_;
          }
          if (f.due->kind == model::Due::Kind::date) v.iso = f.due->date.iso();
          if (!t.empty()) v.items.push_back(std::move(t));
        }
        break;
      case model::FieldKind::date:
        if (f.date) {
          v.items.push_back({f.date->format_long(lang_), lang_});
          v.iso = f.date->iso();
        }
        break;
      case model::FieldKind::years: {
        std::string joined;
        for (const auto& y : f.years) joined += (joined.empty() ? "" : ", ") + y;
        if (!joined.empty()) v.items.push_back({joined, lang_});
        break;
      }
      case model::FieldKind::percent:
        if (f.percent)
          v.items.push_back(
              {site_.words.format(lang_, "percent", std::to_string(*f.percent)), lang_});
        break;
      case model::FieldKind::number:
        if (f.number) v.items.push_back({format_number(*f.number), lang_});
        break;
      case model::FieldKind::notes:
        for (const auto& n : f.notes) {
          NoteView nv = note_view(n);
          if (!nv.text.empty() || !nv.date.empty()) v.notes.push_back(std::move(nv));
        }
        break;
      case model::FieldKind::identifier:
      case model::FieldKind::title:
      case model::FieldKind::status:
        break;
    }
    return v;
  }

  // Every field the item holds, in the table's order, but those in `skip`.
  std::vector<FieldView> fields(const model::Fields& fields,
                                const std::vector<std::string>& skip) const {
    std::vector<FieldView> out;
    for (const auto& spec : model::plan_fields()) {
      if (spec.structural()) continue;
      if (std::find(skip.begin(), skip.end(), spec.key) != skip.end()) continue;
      const model::FieldValue* f = fields.find(spec.key);
      if (!f) continue;
      if (FieldView v = field(spec, *f); !v.empty()) out.push_back(std::move(v));
    }
    return out;
  }

  ActionView action(const model::Action& a, const std::vector<ColumnView>& cols,
                    const std::vector<std::string>& shown) const {
    ActionView v;
    v.id = a.id;
    v.code = a.code;
    v.title = text(a.title);
    v.status = status(a.status);
    v.late = model::is_late(a, model::as_of(plan_, a));
    if (v.late) v.late_word = word("tracking_late");
    if (plan_.history)
      if (auto h = plan_.history->status_history.find(a.id);
          h != plan_.history->status_history.end())
        for (const auto& ch : h->second)
          v.history.push_back({ch.date.format_long(lang_), ch.date.iso(),
                               ch.from ? status(*ch.from).word : std::string(), status(ch.to).word,
                               ch.to});
    const auto& years = a.years();
    v.years = years;
    for (const auto& spec : model::plan_fields()) {
      if (spec.kind != model::FieldKind::organisations) continue;
      if (const model::FieldValue* f = a.fields.find(spec.key))
        for (const auto& t : f->texts)
          if (Text name = text(t);
              !name.empty() && std::find(v.organisations.begin(), v.organisations.end(),
                                         name.value) == v.organisations.end()) {
            v.organisations.push_back(std::move(name.value));
            v.organisations_written.push_back(t.get(def_, def_));
          }
    }
    for (const auto& c : cols) {
      if (c.key == "year") {
        FieldView cell;
        cell.key = "year";
        cell.kind = model::FieldKind::years;
        cell.label = c.label;
        cell.mark = std::find(years.begin(), years.end(), c.year) != years.end();
        cell.mark_word = word(cell.mark ? "word_yes" : "word_no");
        v.cells.push_back(std::move(cell));
        continue;
      }
      const model::FieldSpec* spec = model::find_field(c.key);
      const model::FieldValue* f = a.fields.find(c.key);
      FieldView cell;
      if (spec && f) cell = field(*spec, *f);
      cell.key = c.key;
      if (spec) cell.kind = spec->kind;
      cell.label = c.label;
      cell.label_lang = c.label_lang;
      v.cells.push_back(std::move(cell));
    }
    v.more = fields(a.fields, shown);
    return v;
  }

  LevelView level(const model::PlanSection& s) {
    LevelView v;
    v.id = s.id;
    v.depth = s.depth;
    v.code = s.code;
    if (static_cast<size_t>(s.depth) < plan_.levels.size())
      v.level_name = text(plan_.levels[s.depth]);
    v.label = v.level_name.value.empty() ? s.code
              : s.code.empty()           ? v.level_name.value
                                         : v.level_name.value + " " + s.code;
    v.title = text(s.title);
    v.description = markdown(s.fields.markdown("description"));
    v.fields = fields(s.fields, {"description"});
    for (const auto& a : s.actions) v.actions.push_back(action(a, columns_, shown_));
    for (const auto& c : s.sections) v.children.push_back(level(c));
    v.counts = model::count_section(s, plan_.levels.size(), model::as_of(plan_));
    v.progress = model::section_progress(s, site_.config.tracking);
    if (v.progress) v.progress_text = percent_text(*v.progress);
    return v;
  }

  const model::Site& site_;
  const model::Plan& plan_;
  const std::string& lang_;
  const std::string& def_;
  std::vector<ColumnView> columns_;
  std::vector<std::string> shown_;  // fields shown as columns (and the grid)
  mutable StatusView statuses_[5];
  mutable std::map<std::string, std::pair<std::string, std::string>, std::less<>> labels_;
};

}  // namespace

std::string plan_period(const model::Plan& plan) {
  if (!plan.period_start) return {};
  if (!plan.period_end || *plan.period_end == *plan.period_start)
    return std::to_string(*plan.period_start);
  return std::to_string(*plan.period_start) + "\u2013" + std::to_string(*plan.period_end);
}

std::string heading_text(const std::string& label, const std::string& title) {
  return label.empty() ? title : label + " \u2014 " + title;
}

std::string heading_text(const LevelView& level) {
  return heading_text(level.label, level.title.value);
}

PlanDisplay display_plan(const model::Site& site, const model::Plan& plan,
                         const std::string& lang) {
  return Builder(site, plan, lang).build();
}

}  // namespace carnet::view
