#include <catch2/catch.hpp>

#include "base/numbers.hpp"

using namespace carnet::base;

TEST_CASE("numbers: percentages as authors write them", "[base]") {
  CHECK(parse_percent("40") == 40);
  CHECK(parse_percent("40%") == 40);
  CHECK(parse_percent("40 %") == 40);  // as French writes it, and as Carnet prints it
  CHECK(parse_percent(" 100 ") == 100);
  CHECK(parse_percent("0") == 0);
  CHECK_FALSE(parse_percent("101"));
  CHECK_FALSE(parse_percent("-5"));
  CHECK_FALSE(parse_percent("40 pour cent"));
  CHECK_FALSE(parse_percent(""));
  CHECK_FALSE(parse_percent("%"));
}

TEST_CASE("numbers: a positive number, with a point or a comma", "[base]") {
  CHECK(parse_positive_number("2") == 2.0);
  CHECK(parse_positive_number("0.5") == 0.5);
  CHECK(parse_positive_number("0,5") == 0.5);
  CHECK_FALSE(parse_positive_number("0"));
  CHECK_FALSE(parse_positive_number("-2"));
  CHECK_FALSE(parse_positive_number("inf"));
  CHECK_FALSE(parse_positive_number("2000000"));  // past a million: a typo, not a weight
  CHECK_FALSE(parse_positive_number("beaucoup"));
}
