#include "render/booklet/typesetter.hpp"

#include <catch2/catch.hpp>
#include <numeric>

#include "render/booklet/table_layout.hpp"

using namespace carnet::render::booklet;

TEST_CASE("never more than two hyphenated lines in a row", "[booklet]") {
  Typesetter ts("fr");
  TextStyle s = styles::table_cell();
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += "les organisations communautaires intersectorielles et complémentaires ";
  TextBlock b = ts.set(text, s, 95);
  int in_a_row = 0, most = 0, hyphenated = 0;
  for (const auto& line : b.lines) {
    in_a_row = line.hyphenated ? in_a_row + 1 : 0;
    hyphenated += line.hyphenated;
    most = std::max(most, in_a_row);
  }
  CHECK(hyphenated > 0);
  CHECK(most <= 2);
}

TEST_CASE("headings are never hyphenated", "[booklet]") {
  Typesetter ts("fr");
  TextBlock b = ts.set("Relocalisation intersectorielle communautaire", styles::heading(1), 120);
  for (const auto& line : b.lines) CHECK_FALSE(line.hyphenated);
}

TEST_CASE("French spacing keeps punctuation on its line", "[booklet]") {
  CHECK(french_spacing("Note : voir « ceci » ; oui ?") ==
        "Note\u00A0: voir «\u202Fceci\u202F»\u202F; oui\u202F?");
}

TEST_CASE("columns fill the width and give each column its longest word", "[booklet]") {
  Typesetter ts("fr");
  TableSpec t;
  t.headers = {"Action", "Échéance", "Résultats attendus"};
  TableRow row;
  for (const char* text : {"Assurer le leadership", "31 décembre 2022",
                           "Les acquis communautaires sont maintenus dans le quartier."}) {
    CellPara p;
    p.text = plain(text);
    p.style = styles::table_cell();
    row.cells.push_back({p});
  }
  t.rows.push_back(row);
  auto w = fit_columns(ts, t, 400);
  REQUIRE(w);
  CHECK(std::accumulate(w->begin(), w->end(), 0.0) == Approx(400));
  CHECK((*w)[2] > (*w)[1]);             // the long text gets the room
  CHECK_FALSE(fit_columns(ts, t, 60));  // too narrow for "communautaires"
}
