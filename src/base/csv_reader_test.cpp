#include "base/csv_reader.hpp"

#include <catch2/catch.hpp>

using carnet::base::Diagnostics;
using carnet::base::parse_csv;

TEST_CASE("csv: semicolons, quotes, line breaks in cells and a BOM", "[authoring]") {
  Diagnostics diags;
  auto t = carnet::base::parse_csv(
      "\xEF\xBB\xBFNom;Texte\r\na;\"un \"\"mot\"\"; deux\r\ntrois\"\r\n\r\nb;c\r\n", "p.csv",
      diags);
  REQUIRE(diags.empty());
  CHECK(t.separator == ';');
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0][0].text == "Nom");
  CHECK(t.rows[1][1].text == "un \"mot\"; deux\ntrois");
  CHECK(t.rows[1][1].line == 2);
  CHECK(t.rows[1][1].column == 3);
  CHECK(t.rows[2][0].text == "b");
  CHECK(t.rows[2][0].line == 5);
}

TEST_CASE("csv: the separator is the one that gives rows of equal length", "[authoring]") {
  Diagnostics diags;
  // A title line, then prose with commas in a `;` table.
  auto t = carnet::base::parse_csv(
      "Plan d'action\nA;B;C\nun, deux, trois;x;y\nquatre;cinq, six;z\n", "p.csv", diags);
  CHECK(t.separator == ';');
  auto c = carnet::base::parse_csv("A,B,C\n\"x; y\",2,3\n", "p.csv", diags);
  CHECK(c.separator == ',');
  REQUIRE(c.rows.size() == 2);
  CHECK(c.rows[1][0].text == "x; y");
  auto tab = carnet::base::parse_csv("A\tB\n1\t2\n", "p.csv", diags);
  CHECK(tab.separator == '\t');
}

TEST_CASE("csv: columns count characters and a trailing separator makes an empty cell",
          "[authoring]") {
  Diagnostics diags;
  auto t = carnet::base::parse_csv("Échéance;Été;\n", "p.csv", diags);
  REQUIRE(t.rows.size() == 1);
  REQUIRE(t.rows[0].size() == 3);
  CHECK(t.rows[0][1].column == 10);
  CHECK(t.rows[0][2].text.empty());
  CHECK(t.rows[0][2].column == 14);
}

TEST_CASE("csv: Windows-1252 is read with a warning, an open quote is an error", "[authoring]") {
  Diagnostics diags;
  auto t = carnet::base::parse_csv("Ann\xE9\x65;\x93Texte\x94\n", "p.csv", diags);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][0].text == "Année");
  CHECK(t.rows[0][1].text == "\u201cTexte\u201d");
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].format().rfind("p.csv:1:4: warning: this file is not UTF-8", 0) == 0);

  Diagnostics bad;
  carnet::base::parse_csv("A;B\n1;\"deux\n", "p.csv", bad);
  REQUIRE(bad.error_count() == 1);
  CHECK(bad.items()[0].format() ==
        "p.csv:2:3: error: this quote is never closed; the rest of the file is in one cell");
}

TEST_CASE("csv: spreadsheet column names", "[authoring]") {
  using carnet::base::spreadsheet_column_name;
  CHECK(carnet::base::spreadsheet_column_name(1) == "A");
  CHECK(carnet::base::spreadsheet_column_name(26) == "Z");
  CHECK(carnet::base::spreadsheet_column_name(27) == "AA");
  CHECK(carnet::base::spreadsheet_column_name(53) == "BA");
}

TEST_CASE("csv: Mac line endings are read, UTF-16 is an error that says what to do",
          "[authoring]") {
  carnet::base::Diagnostics diags;
  auto t = carnet::base::parse_csv("A;B\r1;2\r3;\"x\ry\"\r", "mac.csv", diags);
  REQUIRE(diags.empty());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1][1].text == "2");
  CHECK(t.rows[2][1].text == "x\ny");
  CHECK(t.rows[2][0].line == 3);

  carnet::base::Diagnostics d16;
  auto u = carnet::base::parse_csv(std::string("\xFF\xFE"
                                               "A\0;\0B\0",
                                               9),
                                   "u.csv", d16);
  CHECK(u.rows.empty());
  REQUIRE(d16.items().size() == 1);
  CHECK(d16.sorted()[0].format() ==
        "u.csv:1:1: error: this file is UTF-16 (Excel's \"Unicode text\"); save it again as \"CSV "
        "UTF-8\"");
}

// Issue 13, item 8: a NUL in a translated cell, a U+000B from Word in a
// plan's cell, reached the sources and then the XML outputs.
TEST_CASE("csv: a control character is an error at its place", "[authoring][harden]") {
  Diagnostics d;
  const char raw[] = "titre;texte\nÉté\x0b;a\0b\n\"tab\tok\";x\r\n";
  auto table = parse_csv(std::string_view(raw, sizeof raw - 1), "t.csv", d);
  CHECK(table.rows.empty());
  std::vector<std::string> got;
  for (const auto& x : d.sorted()) got.push_back(x.format());
  CHECK(got ==
        std::vector<std::string>{"t.csv:2:4: error: control character U+000B is not allowed",
                                 "t.csv:2:7: error: control character U+0000 is not allowed"});
}

TEST_CASE("csv_cell quotes a cell that needs it, and doubles its quotes", "[base][csv]") {
  using carnet::base::csv_cell;
  CHECK(csv_cell("plain text", false) == "plain text");
  CHECK(csv_cell("", false) == "");
  CHECK(csv_cell("", true) == "\"\"");
  CHECK(csv_cell("a,b", false) == "\"a,b\"");
  CHECK(csv_cell("a;b", false) == "\"a;b\"");
  CHECK(csv_cell("say \"hi\"", false) == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("line\nnext", false) == "\"line\nnext\"");
  CHECK(csv_cell("tab\there", false) == "\"tab\there\"");
  CHECK(csv_cell("cr\r", false) == "\"cr\r\"");
  CHECK(csv_cell(" lead", false) == "\" lead\"");
  CHECK(csv_cell("trail ", false) == "\"trail \"");
  CHECK(csv_cell("in side", false) == "in side");
  CHECK(csv_cell("Été", true) == "\"Été\"");
}
