#include <catch2/catch.hpp>

#include "load/config_reader.hpp"

using namespace carnet;

TEST_CASE("config: search is on unless `search: false`", "[load][search]") {
  base::Diagnostics d;
  CHECK(load::read_config("title: T\n", d).search);
  CHECK(load::read_config("title: T\nsearch: true\n", d).search);
  CHECK_FALSE(load::read_config("title: T\nsearch: false\n", d).search);
  CHECK(d.empty());
}

TEST_CASE("config: search must be true or false", "[load][search]") {
  base::Diagnostics d;
  load::read_config("title: T\nsearch: maybe\n", d);
  auto errors = d.sorted();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].format() == "carnet.yaml:2:9: error: search: expected true or false");
}
