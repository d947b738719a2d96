#include "render/data/json_writer.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include "render/data/json_values.hpp"

using carnet::render::data::Json;
using carnet::render::data::JsonWriter;

namespace {

// Writes `j` through JsonWriter, as plan_json walks a plan.
void write(JsonWriter& w, const Json& j) {
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [k, v] : j.items()) {
      w.key(k);
      write(w, v);
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const auto& v : j) write(w, v);
    w.end_array();
  } else if (j.is_string()) {
    w.value(j.get<std::string>());
  } else if (j.is_boolean()) {
    w.value(j.get<bool>());
  } else if (j.is_number_float()) {
    w.value(j.get<double>());
  } else if (j.is_number_integer()) {
    w.value(j.get<int64_t>());
  } else {
    w.null();
  }
}

std::string written(const Json& j) {
  std::string out;
  JsonWriter w(out);
  write(w, j);
  return out;
}

std::string dumped(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

}  // namespace

TEST_CASE("JSON writer: the bytes of nlohmann's dump(2), escapes and empty containers included",
          "[open-data]") {
  Json j = Json::object();
  j["empty object"] = Json::object();
  j["empty array"] = Json::array();
  j["nested"] = Json::array({Json::object(), Json::array(), 1, "x", nullptr, true});
  j["numbers"] = Json::array({0, -3, 33.3, 50.0, 0.1, 1e-7, 123456789.0, 1e300});
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  j["controls, quotes, backslash, DEL"] = every_byte;
  j["UTF-8"] = "Été 2021 — « ça » 😀";
  j["not UTF-8"] = std::string("r\xe9union \xff\xfe fin \xc3");
  j[std::string("key with \"quotes\"\n")] = "v";
  CHECK(written(j) == dumped(j));
  CHECK(written(Json::object()) == "{}");
  CHECK(written(Json(nullptr)) == "null");
}

TEST_CASE("JSON writer: random trees come out as nlohmann dumps them", "[open-data]") {
  std::mt19937 rng(21);
  const std::vector<std::string> strings = {
      "", "a", "Été", "\"", "\\", "\n\t", "\x01\x1f", "x\xe9y", "\xf0\x9f\x98\x80"};
  std::function<Json(int)> make = [&](int depth) -> Json {
    switch (rng() % (depth > 4 ? 5 : 7)) {
      case 0:
        return nullptr;
      case 1:
        return rng() % 2 == 0;
      case 2:
        return static_cast<int64_t>(rng() % 2000) - 1000;
      case 3:
        return static_cast<double>(rng() % 100000) / (1 + rng() % 1000);
      case 4:
        return strings[rng() % strings.size()];
      case 5: {
        Json a = Json::array();
        for (int n = static_cast<int>(rng() % 4); n > 0; --n) a.push_back(make(depth + 1));
        return a;
      }
      default: {
        Json o = Json::object();
        for (int n = static_cast<int>(rng() % 4); n > 0; --n)
          o[strings[rng() % strings.size()] + std::to_string(n)] = make(depth + 1);
        return o;
      }
    }
  };
  for (int round = 0; round < 3000; ++round) {
    const Json j = make(0);
    INFO(dumped(j));
    REQUIRE(written(j) == dumped(j));
  }
}
