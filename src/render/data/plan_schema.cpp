// data/plan.schema.json: the JSON Schema (2020-12) of data/NAME.json. The
// fields' part is made from the field table, kind by kind, as plan_json
// writes them; objects are closed (additionalProperties: false) so that the
// schema test catches a key the writer adds without describing it.
#include "model/tracking.hpp"
#include "render/data/json_values.hpp"
#include "render/data/open_data.hpp"

namespace carnet::render::data {

namespace {

using model::FieldKind;

Json ref(const std::string& def) { return Json{{"$ref", "#/$defs/" + def}}; }

Json array_of(Json items) { return Json{{"type", "array"}, {"items", std::move(items)}}; }

Json nullable(const std::string& def) {
  return Json{{"oneOf", Json::array({ref(def), Json{{"type", "null"}}})}};
}

// An object with exactly these keys, all required.
Json closed(Json properties) {
  Json required = Json::array();
  for (const auto& [key, value] : properties.items()) required.push_back(key);
  return Json{{"type", "object"},
              {"properties", std::move(properties)},
              {"required", std::move(required)},
              {"additionalProperties", false}};
}

Json field_schema(FieldKind kind) {
  switch (kind) {
    case FieldKind::identifier:
    case FieldKind::title:
    case FieldKind::status:
      break;
    case FieldKind::markdown:
      return ref("text");
    case FieldKind::texts:
    case FieldKind::organisations:
      return array_of(ref("text"));
    case FieldKind::due:
      return ref("due");
    case FieldKind::date:
      return ref("date");
    case FieldKind::years:
      return array_of(Json{{"type", "string"}});
    case FieldKind::percent:
      return Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 100}};
    case FieldKind::number:
      return Json{{"type", "number"}, {"exclusiveMinimum", 0}};
    case FieldKind::notes:
      return array_of(ref("note"));
  }
  return Json::object();
}

// The fields a level or an action may carry (`where`), none required.
Json fields_schema(unsigned where) {
  Json properties = Json::object();
  for (const auto& spec : model::plan_fields())
    if (!spec.structural() && (spec.where & where))
      properties[std::string(spec.key)] = field_schema(spec.kind);
  return Json{
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
}

Json defs() {
  Json d = Json::object();
  d["text"] = Json{{"description", "a text by language: {\"fr\": \"...\", \"en\": \"...\"}"},
                   {"type", "object"},
                   {"propertyNames", Json{{"pattern", "^[a-z]{2,3}([-_][A-Za-z0-9]+)*$"}}},
                   {"additionalProperties", Json{{"type", "string"}}}};
  d["date"] = Json{{"description", "a day, a month or a year"},
                   {"type", "string"},
                   {"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}};
  d["progress"] =
      Json{{"description", "percent, rounded to one decimal; null when nothing counts"},
           {"oneOf", Json::array({Json{{"type", "number"}, {"minimum", 0}, {"maximum", 100}},
                                  Json{{"type", "null"}}})}};
  Json statuses = Json::array();
  for (model::Status s : model::all_statuses) statuses.push_back(model::status_name(s));
  d["status"] = Json{{"enum", std::move(statuses)}};
  d["pages"] = Json{{"description", "the plan page (and the item's anchor) in each language"},
                    {"type", "object"},
                    {"additionalProperties", Json{{"type", "string"}}}};
  d["due"] =
      Json{{"oneOf",
            Json::array({closed(Json{{"kind", Json{{"const", "date"}}}, {"date", ref("date")}}),
                         closed(Json{{"kind", Json{{"enum", Json::array({"ongoing", "tbd"})}}}}),
                         closed(Json{{"kind", Json{{"const", "text"}}}, {"text", ref("text")}})})}};
  d["note"] = closed(Json{{"date", nullable("date")}, {"text", ref("text")}});
  d["level_fields"] = fields_schema(model::on_level);
  d["action_fields"] = fields_schema(model::on_action);
  d["status_change"] =
      closed(Json{{"date", ref("date")},
                  {"commit", Json{{"type", "string"}}},
                  {"from", Json{{"oneOf", Json::array({ref("status"), Json{{"type", "null"}}})}}},
                  {"to", ref("status")}});
  d["action"] = closed(Json{{"id", Json{{"type", "string"}}},
                            {"code", Json{{"type", "string"}}},
                            {"title", ref("text")},
                            {"status", ref("status")},
                            {"as_of", nullable("date")},
                            {"late", Json{{"type", "boolean"}}},
                            {"progress", ref("progress")},
                            {"fields", ref("action_fields")},
                            {"status_history", array_of(ref("status_change"))},
                            {"pages", ref("pages")}});
  d["level"] = closed(Json{{"id", Json{{"type", "string"}}},
                           {"code", Json{{"type", "string"}}},
                           {"depth", Json{{"type", "integer"}, {"minimum", 0}}},
                           {"level", ref("text")},
                           {"title", ref("text")},
                           {"fields", ref("level_fields")},
                           {"progress", ref("progress")},
                           {"pages", ref("pages")},
                           {"actions", array_of(ref("action"))},
                           {"sections", array_of(ref("level"))}});
  return d;
}

}  // namespace

std::string plan_schema() {
  Json numberings = Json::array();
  for (auto n :
       {model::Numbering::decimal, model::Numbering::upper_roman, model::Numbering::lower_roman,
        model::Numbering::upper_alpha, model::Numbering::lower_alpha})
    numberings.push_back(model::numbering_name(n));
  Json counts_status = Json::object();
  for (model::Status s : model::all_statuses)
    counts_status[model::status_name(s)] = Json{{"type", "integer"}, {"minimum", 0}};
  Json column_names = Json::array();
  for (const auto& c : model::column_fields()) column_names.push_back(c);

  Json s = Json::object();
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["title"] = "Carnet plan";
  s["description"] =
      "A plan published by Carnet (data/NAME.json): every text in every language, "
      "with the as-of date of its statuses, late actions and progress rolled up "
      "through its levels.";
  s["$defs"] = defs();
  Json p = closed(Json{
      {"name", Json{{"type", "string"}}},
      {"source", Json{{"type", "string"}}},
      {"languages", array_of(Json{{"type", "string"}})},
      {"title", ref("text")},
      {"pages", ref("pages")},
      {"period",
       Json{{"oneOf",
             Json::array({closed(Json{{"start", Json{{"type", Json::array({"integer", "null"})}}},
                                      {"end", Json{{"type", Json::array({"integer", "null"})}}}}),
                          Json{{"type", "null"}}})}}},
      {"adopted", nullable("date")},
      {"updated", nullable("date")},
      {"as_of", nullable("date")},
      {"summary", ref("text")},
      {"intro", ref("text")},
      {"levels",
       array_of(closed(Json{{"name", ref("text")}, {"numbering", Json{{"enum", numberings}}}}))},
      {"years", array_of(Json{{"type", "string"}})},
      {"columns", array_of(Json{{"enum", column_names}})},
      {"labels", Json{{"type", "object"},
                      {"propertyNames", Json{{"enum", column_names}}},
                      {"additionalProperties", ref("text")}}},
      {"progress", ref("progress")},
      {"counts", closed(Json{{"actions", Json{{"type", "integer"}, {"minimum", 0}}},
                             {"late", Json{{"type", "integer"}, {"minimum", 0}}},
                             {"status", closed(counts_status)}})},
      {"sections", array_of(ref("level"))}});
  for (auto& [key, value] : p.items()) s[key] = value;
  return s.dump(2) + "\n";
}

}  // namespace carnet::render::data
