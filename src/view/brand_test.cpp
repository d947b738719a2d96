#include "view/brand.hpp"

#include <catch2/catch.hpp>

using namespace carnet::view;

TEST_CASE("contrast ratios follow WCAG 2.1", "[brand]") {
  CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == Approx(21));
  CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == Approx(1));
  // #767676 is the lightest grey with 4.5:1 on white.
  CHECK(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("a dark brand colour is used as it is", "[brand]") {
  auto c = brand_colors(*parse_hex_color("#0b5d7a"));
  CHECK(c.text.hex() == "#0b5d7a");
  CHECK(c.strong.hex() == "#0b5d7a");
  CHECK_FALSE(c.darkened);
}

TEST_CASE("a light brand colour is darkened for text, as little as needed", "[brand]") {
  auto c = brand_colors(*parse_hex_color("#f2c94c"));  // a yellow: 1.6:1 on white
  CHECK(c.darkened);
  CHECK(contrast_ratio(c.text, {255, 255, 255}) >= 4.5);
  CHECK(contrast_ratio(c.text, {0xf3, 0xf4, 0xf6}) >= 4.5);
  CHECK(contrast_ratio(c.strong, {255, 255, 255}) >= 3);
  CHECK(contrast_ratio(c.strong, {255, 255, 255}) < 4.5);
  // One step lighter would not do: the hue is kept, the darkening minimal.
  CHECK(contrast_ratio(c.text, {0xf3, 0xf4, 0xf6}) < 4.8);
  CHECK(c.text.r > c.text.b);
}

TEST_CASE("brand colours reach the stylesheet as custom properties", "[brand]") {
  carnet::model::Brand b;
  CHECK(brand_css(b) == "");
  b.color = "#0b5d7a";
  CHECK(brand_css(b) == ":root{--brand:#0b5d7a;--brand-text:#0b5d7a;--brand-tint:#e2ecef}\n");
  CHECK_FALSE(parse_hex_color("#0b5d7"));
  CHECK_FALSE(parse_hex_color("#0b5d7g"));
}
