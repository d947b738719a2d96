#include "view/palette.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace carnet;

TEST_CASE("view: every status has its own mark, so that shape alone tells them apart", "[view]") {
  std::set<std::string> marks;
  for (auto st : model::all_statuses) {
    std::string m = view::status_mark(st);
    CHECK_FALSE(m.empty());
    marks.insert(m);
  }
  CHECK(marks.size() == std::size(model::all_statuses));
  CHECK(std::string(view::status_mark(model::Status::done)) == "\u25CF");
}
