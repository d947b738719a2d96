// data/NAME.json: the plan as plain data. Fields are written by their kind
// from the field table, never by name, so a new field reaches the JSON (and
// the schema) with its table entry alone. Written as it is walked
// (JsonWriter), laid out as nlohmann lays out a tree.
#include <cmath>

#include "model/tracking.hpp"
#include "render/data/json_values.hpp"
#include "render/data/open_data.hpp"

namespace carnet::render::data {

std::optional<double> rounded_progress(const std::optional<double>& p) {
  if (!p) return std::nullopt;
  return std::round(*p * 10.0) / 10.0;
}

namespace {

using model::FieldKind;

void write_due(JsonWriter& w, const model::Due& due) {
  w.begin_object();
  switch (due.kind) {
    case model::Due::Kind::date:
      w.member("kind", "date");
      w.member("date", due.date.iso());
      break;
    case model::Due::Kind::ongoing:
      w.member("kind", "ongoing");
      break;
    case model::Due::Kind::tbd:
      w.member("kind", "tbd");
      break;
    case model::Due::Kind::text:
      w.member("kind", "text");
      w.key("text");
      write_text(w, due.text);
      break;
  }
  w.end_object();
}

void write_field(JsonWriter& w, const model::FieldSpec& spec, const model::FieldValue& v) {
  switch (spec.kind) {
    case FieldKind::identifier:
    case FieldKind::title:
    case FieldKind::status:
      break;  // structural: members of the item, written by the caller
    case FieldKind::markdown:
      if (v.texts.empty()) {
        w.begin_object();
        w.end_object();
      } else {
        write_text(w, v.texts.front());
      }
      return;
    case FieldKind::texts:
    case FieldKind::organisations:
      w.begin_array();
      for (const auto& t : v.texts) write_text(w, t);
      w.end_array();
      return;
    case FieldKind::due:
      if (v.due)
        write_due(w, *v.due);
      else
        w.null();
      return;
    case FieldKind::date:
      write_date(w, v.date);
      return;
    case FieldKind::years:
      w.value(v.years);
      return;
    case FieldKind::percent:
      w.value(v.percent);
      return;
    case FieldKind::number:
      w.value(v.number);
      return;
    case FieldKind::notes:
      w.begin_array();
      for (const auto& n : v.notes) {
        w.begin_object();
        w.key("date");
        write_date(w, n.date);
        w.key("text");
        write_text(w, n.text);
        w.end_object();
      }
      w.end_array();
      return;
  }
  w.null();
}

// The fields an item carries, in the table's order.
void write_fields(JsonWriter& w, const model::Fields& fields) {
  w.begin_object();
  for (const auto& spec : model::plan_fields()) {
    if (spec.structural()) continue;
    if (const auto* v = fields.find(spec.key)) {
      w.key(spec.key);
      write_field(w, spec, *v);
    }
  }
  w.end_object();
}

class Writer {
 public:
  Writer(const model::Site& site, const model::Plan& plan, JsonWriter& w)
      : site_(site), plan_(plan), w_(w) {}

  void plan() const {
    const auto& tracking = site_.config.tracking;
    w_.begin_object();
    w_.member("name", plan_.name);
    w_.member("source", plan_.source);
    w_.member("languages", site_.config.languages);
    w_.key("title");
    write_text(w_, plan_.title);
    w_.key("pages");
    pages("");
    w_.key("period");
    if (plan_.period_start || plan_.period_end) {
      w_.begin_object();
      w_.member("start", plan_.period_start);
      w_.member("end", plan_.period_end);
      w_.end_object();
    } else {
      w_.null();
    }
    w_.key("adopted");
    write_date(w_, plan_.adopted);
    w_.key("updated");
    write_date(w_, plan_.updated);
    w_.key("as_of");
    write_date(w_, model::as_of(plan_));
    w_.key("summary");
    write_text(w_, plan_.summary);
    w_.key("intro");
    write_text(w_, plan_.intro);
    w_.key("levels");
    w_.begin_array();
    for (size_t i = 0; i < plan_.levels.size(); ++i) {
      w_.begin_object();
      w_.key("name");
      write_text(w_, plan_.levels[i]);
      w_.member("numbering",
                model::numbering_name(i < plan_.numbering.size() ? plan_.numbering[i]
                                                                 : model::Numbering::decimal));
      w_.end_object();
    }
    w_.end_array();
    w_.member("years", plan_.years);
    w_.member("columns", plan_.columns);
    w_.key("labels");
    w_.begin_object();
    for (const auto& [field, text] : plan_.labels) {
      w_.key(field);
      write_text(w_, text);
    }
    w_.end_object();
    w_.member("progress", rounded_progress(model::plan_progress(plan_, tracking)));
    const model::PlanCounts counts = model::count_plan(plan_);
    w_.key("counts");
    w_.begin_object();
    w_.member("actions", counts.actions);
    w_.member("late", counts.late);
    w_.key("status");
    w_.begin_object();
    for (model::Status s : model::all_statuses) {
      auto found = counts.per_status.find(s);
      w_.member(model::status_name(s), found == counts.per_status.end() ? 0 : found->second);
    }
    w_.end_object();
    w_.end_object();
    w_.key("sections");
    w_.begin_array();
    for (const auto& s : plan_.sections) section(s);
    w_.end_array();
    w_.end_object();
  }

 private:
  const model::Site& site_;
  const model::Plan& plan_;
  JsonWriter& w_;

  // The plan page in each language, absolute under base_url; `anchor` is an
  // item's id on that page.
  void pages(const std::string& anchor) const {
    w_.begin_object();
    for (const auto& lang : site_.config.languages) {
      auto found = plan_.url.find(lang);
      if (found == plan_.url.end()) continue;
      w_.member(lang, site_.config.base_url + found->second + (anchor.empty() ? "" : "#" + anchor));
    }
    w_.end_object();
  }

  void section(const model::PlanSection& s) const {
    w_.begin_object();
    w_.member("id", s.id);
    w_.member("code", s.code);
    w_.member("depth", s.depth);
    w_.key("level");
    if (s.depth < static_cast<int>(plan_.levels.size())) {
      write_text(w_, plan_.levels[s.depth]);
    } else {
      w_.begin_object();
      w_.end_object();
    }
    w_.key("title");
    write_text(w_, s.title);
    w_.key("fields");
    write_fields(w_, s.fields);
    w_.member("progress", rounded_progress(model::section_progress(s, site_.config.tracking)));
    w_.key("pages");
    pages(s.id);
    w_.key("actions");
    w_.begin_array();
    for (const auto& a : s.actions) action(a);
    w_.end_array();
    w_.key("sections");
    w_.begin_array();
    for (const auto& sub : s.sections) section(sub);
    w_.end_array();
    w_.end_object();
  }

  void action(const model::Action& a) const {
    const auto as_of = model::as_of(plan_, a);
    w_.begin_object();
    w_.member("id", a.id);
    w_.member("code", a.code);
    w_.key("title");
    write_text(w_, a.title);
    w_.member("status", model::status_name(a.status));
    w_.key("as_of");
    write_date(w_, as_of);
    w_.member("late", model::is_late(a, as_of));
    w_.member("progress", rounded_progress(model::action_progress(a, site_.config.tracking)));
    w_.key("fields");
    write_fields(w_, a.fields);
    w_.key("status_history");
    w_.begin_array();
    if (plan_.history) {
      auto found = plan_.history->status_history.find(a.id);
      if (found != plan_.history->status_history.end())
        for (const auto& change : found->second) {
          w_.begin_object();
          w_.member("date", change.date.iso());
          w_.member("commit", change.commit);
          w_.key("from");
          if (change.from)
            w_.value(model::status_name(*change.from));
          else
            w_.null();
          w_.member("to", model::status_name(change.to));
          w_.end_object();
        }
    }
    w_.end_array();
    w_.key("pages");
    pages(a.id);
    w_.end_object();
  }
};

}  // namespace

std::string plan_json(const model::Site& site, const model::Plan& plan) {
  std::string out;
  JsonWriter w(out);
  Writer(site, plan, w).plan();
  out += '\n';
  return out;
}

}  // namespace carnet::render::data
