// The JSON shapes the open data writes: how a text, a date and a progress
// are written (plan_json), and the tree type the schema is built in.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "base/date.hpp"
#include "model/localized_text.hpp"
#include "render/data/json_writer.hpp"

namespace carnet::render::data {

// Keys stay in the order they are written: readers diff these files.
using Json = nlohmann::ordered_json;

// {lang: text}, languages in alphabetical order.
inline void write_text(JsonWriter& w, const model::LocalizedText& t) {
  w.begin_object();
  for (const auto& [lang, text] : t.text) w.member(lang, text);
  w.end_object();
}

// "2022-12-31", "2023-03" or "2021", as written; null when absent.
inline void write_date(JsonWriter& w, const std::optional<base::Date>& d) {
  if (d)
    w.value(d->iso());
  else
    w.null();
}

// A percentage rounded to one decimal (33.3), so that the bytes do not hang
// on the last bits of a weighted mean; nullopt (null) when nothing counts.
std::optional<double> rounded_progress(const std::optional<double>& p);

}  // namespace carnet::render::data
