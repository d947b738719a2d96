#include "render/booklet/imposition.hpp"

#include <catch2/catch.hpp>

using namespace carnet::render::booklet;

namespace {
std::vector<long> pages(const std::vector<SequencePage>& s) {
  std::vector<long> out;
  for (const auto& p : s) out.push_back(p.page);
  return out;
}
}  // namespace

TEST_CASE("saddle stitch puts 8|1 2|7 on the first sheet and 6|3 4|5 on the second", "[booklet]") {
  CHECK(pages(saddle_stitch_order(in_order(8))) == std::vector<long>{7, 0, 1, 6, 5, 2, 3, 4});
}

TEST_CASE("saddle stitch pads with blank pages to a multiple of four", "[booklet]") {
  // Six pages: two blanks at the end, inside the back cover.
  CHECK(pages(saddle_stitch_order(in_order(6))) == std::vector<long>{-1, 0, 1, -1, 5, 2, 3, 4});
}

TEST_CASE("tête-bêche: the second language from the back, upside down", "[booklet]") {
  auto s = tete_beche(3, 3, 2);
  // fr 0 1 2 + blank, then en reversed: 4 3, turned.
  CHECK(pages(s) == std::vector<long>{0, 1, 2, -1, 4, 3});
  CHECK(s[0].rotation == 0);
  CHECK(s[5].rotation == 180);
  CHECK(s.back().page == 3);  // the English cover is the last page
}

TEST_CASE("two-up sheets hold two half pages each", "[booklet]") {
  PageGeometry sheet = sheet_geometry("letter");
  auto sheets = two_up_sheets(saddle_stitch_order(in_order(4)), sheet);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].width == 792);
  CHECK(sheets[0].placements[1].x == 396);
  CHECK(sheets[0].placements[0].page == 3);
}
