// data/NAME.json: the plan as plain data. Fields are written by their kind
// from the field table, never by name, so a new field reaches the JSON (and
// the schema) with its table entry alone.
#include <cmath>

#include "model/tracking.hpp"
#include "render/data/json_values.hpp"
#include "render/data/open_data.hpp"

namespace carnet::render::data {

Json progress_json(const std::optional<double>& p) {
  if (!p) return nullptr;
  return std::round(*p * 10.0) / 10.0;
}

namespace {

using model::FieldKind;

Json due_json(const model::Due& due) {
  Json j = Json::object();
  switch (due.kind) {
    case model::Due::Kind::date:
      j["kind"] = "date";
      j["date"] = due.date.iso();
      break;
    case model::Due::Kind::ongoing:
      j["kind"] = "ongoing";
      break;
    case model::Due::Kind::tbd:
      j["kind"] = "tbd";
      break;
    case model::Due::Kind::text:
      j["kind"] = "text";
      j["text"] = text_json(due.text);
      break;
  }
  return j;
}

Json field_json(const model::FieldSpec& spec, const model::FieldValue& v) {
  switch (spec.kind) {
    case FieldKind::identifier:
    case FieldKind::title:
    case FieldKind::status:
      break;  // structural: members of the item, written by the caller
    case FieldKind::markdown:
      return v.texts.empty() ? Json::object() : text_json(v.texts.front());
    case FieldKind::texts:
    case FieldKind::organisations: {
      Json list = Json::array();
      for (const auto& t : v.texts) list.push_back(text_json(t));
      return list;
    }
    case FieldKind::due:
      return v.due ? due_json(*v.due) : Json(nullptr);
    case FieldKind::date:
      return date_json(v.date);
    case FieldKind::years:
      return v.years;
    case FieldKind::percent:
      return v.percent ? Json(*v.percent) : Json(nullptr);
    case FieldKind::number:
      return v.number ? Json(*v.number) : Json(nullptr);
    case FieldKind::notes: {
      Json list = Json::array();
      for (const auto& n : v.notes) {
        Json note = Json::object();
        note["date"] = date_json(n.date);
        note["text"] = text_json(n.text);
        list.push_back(std::move(note));
      }
      return list;
    }
  }
  return nullptr;
}

// The fields an item carries, in the table's order.
Json fields_json(const model::Fields& fields) {
  Json j = Json::object();
  for (const auto& spec : model::plan_fields()) {
    if (spec.structural()) continue;
    if (const auto* v = fields.find(spec.key)) j[std::string(spec.key)] = field_json(spec, *v);
  }
  return j;
}

class Writer {
 public:
  Writer(const model::Site& site, const model::Plan& plan) : site_(site), plan_(plan) {}

  Json plan() const {
    const auto& tracking = site_.config.tracking;
    Json j = Json::object();
    j["name"] = plan_.name;
    j["source"] = plan_.source;
    j["languages"] = site_.config.languages;
    j["title"] = text_json(plan_.title);
    j["pages"] = pages("");
    if (plan_.period_start || plan_.period_end) {
      Json period = Json::object();
      period["start"] = plan_.period_start ? Json(*plan_.period_start) : Json(nullptr);
      period["end"] = plan_.period_end ? Json(*plan_.period_end) : Json(nullptr);
      j["period"] = std::move(period);
    } else {
      j["period"] = nullptr;
    }
    j["adopted"] = date_json(plan_.adopted);
    j["updated"] = date_json(plan_.updated);
    j["as_of"] = date_json(model::as_of(plan_));
    j["summary"] = text_json(plan_.summary);
    j["intro"] = text_json(plan_.intro);
    Json levels = Json::array();
    for (size_t i = 0; i < plan_.levels.size(); ++i) {
      Json level = Json::object();
      level["name"] = text_json(plan_.levels[i]);
      level["numbering"] = model::numbering_name(
          i < plan_.numbering.size() ? plan_.numbering[i] : model::Numbering::decimal);
      levels.push_back(std::move(level));
    }
    j["levels"] = std::move(levels);
    j["years"] = plan_.years;
    j["columns"] = plan_.columns;
    Json labels = Json::object();
    for (const auto& [field, text] : plan_.labels) labels[field] = text_json(text);
    j["labels"] = std::move(labels);
    j["progress"] = progress_json(model::plan_progress(plan_, tracking));
    const model::PlanCounts counts = model::count_plan(plan_);
    Json c = Json::object();
    c["actions"] = counts.actions;
    c["late"] = counts.late;
    Json per_status = Json::object();
    for (model::Status s : model::all_statuses) {
      auto found = counts.per_status.find(s);
      per_status[model::status_name(s)] = found == counts.per_status.end() ? 0 : found->second;
    }
    c["status"] = std::move(per_status);
    j["counts"] = std::move(c);
    Json sections = Json::array();
    for (const auto& s : plan_.sections) sections.push_back(section(s));
    j["sections"] = std::move(sections);
    return j;
  }

 private:
  const model::Site& site_;
  const model::Plan& plan_;

  // The plan page in each language, absolute under base_url; `anchor` is an
  // item's id on that page.
  Json pages(const std::string& anchor) const {
    Json j = Json::object();
    for (const auto& lang : site_.config.languages) {
      auto found = plan_.url.find(lang);
      if (found == plan_.url.end()) continue;
      j[lang] = site_.config.base_url + found->second + (anchor.empty() ? "" : "#" + anchor);
    }
    return j;
  }

  Json section(const model::PlanSection& s) const {
    Json j = Json::object();
    j["id"] = s.id;
    j["code"] = s.code;
    j["depth"] = s.depth;
    j["level"] = s.depth < static_cast<int>(plan_.levels.size()) ? text_json(plan_.levels[s.depth])
                                                                 : Json::object();
    j["title"] = text_json(s.title);
    j["fields"] = fields_json(s.fields);
    j["progress"] = progress_json(model::section_progress(s, site_.config.tracking));
    j["pages"] = pages(s.id);
    Json actions = Json::array();
    for (const auto& a : s.actions) actions.push_back(action(a));
    j["actions"] = std::move(actions);
    Json sections = Json::array();
    for (const auto& sub : s.sections) sections.push_back(section(sub));
    j["sections"] = std::move(sections);
    return j;
  }

  Json action(const model::Action& a) const {
    const auto as_of = model::as_of(plan_, a);
    Json j = Json::object();
    j["id"] = a.id;
    j["code"] = a.code;
    j["title"] = text_json(a.title);
    j["status"] = model::status_name(a.status);
    j["as_of"] = date_json(as_of);
    j["late"] = model::is_late(a, as_of);
    j["progress"] = progress_json(model::action_progress(a, site_.config.tracking));
    j["fields"] = fields_json(a.fields);
    Json history = Json::array();
    if (plan_.history) {
      auto found = plan_.history->status_history.find(a.id);
      if (found != plan_.history->status_history.end())
        for (const auto& change : found->second) {
          Json c = Json::object();
          c["date"] = change.date.iso();
          c["commit"] = change.commit;
          c["from"] = change.from ? Json(model::status_name(*change.from)) : Json(nullptr);
          c["to"] = model::status_name(change.to);
          history.push_back(std::move(c));
        }
    }
    j["status_history"] = std::move(history);
    j["pages"] = pages(a.id);
    return j;
  }
};

}  // namespace

std::string plan_json(const model::Site& site, const model::Plan& plan) {
  return Writer(site, plan).plan().dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace carnet::render::data
