// The JSON shapes plan_json and plan_schema share: how a text, a date and a
// progress are written, so that the schema cannot drift from the writer.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "base/date.hpp"
#include "model/localized_text.hpp"

namespace carnet::render::data {

// Keys stay in the order they are written: readers diff these files.
using Json = nlohmann::ordered_json;

// {lang: text}, languages in alphabetical order.
inline Json text_json(const model::LocalizedText& t) {
  Json j = Json::object();
  for (const auto& [lang, text] : t.text) j[lang] = text;
  return j;
}

// "2022-12-31", "2023-03" or "2021", as written; null when absent.
inline Json date_json(const std::optional<base::Date>& d) {
  return d ? Json(d->iso()) : Json(nullptr);
}

// A percentage rounded to one decimal (33.3), so that the bytes do not hang
// on the last bits of a weighted mean; null when nothing counts.
Json progress_json(const std::optional<double>& p);

}  // namespace carnet::render::data
