// Inputs that once took time growing with the square of their size (issue
// 13, item 7), through the real binary. Hidden from the ordinary run: CTest
// runs each as its own test with a timeout (CMakeLists.txt, quadratic_*),
// which the old code passed by minutes. No timing is asserted here.
// tests/quadratic/generate.py writes the same inputs for `time`.
#include <catch2/catch.hpp>

#include <fstream>

#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A site whose one plan has one action whose result is `result`.
fs::path site_with_result(const std::string& name, const std::string& result) {
  fs::path site = scratch(name);
  write(site / "carnet.yaml",
        "title: {fr: \"Essai\"}\nbase_url: \"https://example.org/\"\nlanguages: [fr]\n"
        "booklet: {paper: a4, formats: [pdf]}\n");
  write(site / "content/_index.fr.md", "---\ntitle: Accueil\n---\nAccueil.\n");
  write(site / "content/plans/p.plan.yaml",
        "title: {fr: \"Plan\"}\nperiod: \"2024\"\nlevels: [{fr: Axe}]\ncolumns: [leads, results]\n"
        "sections:\n  - id: axe\n    title: {fr: \"Axe\"}\n    actions:\n      - id: a\n"
        "        title: {fr: \"Action\"}\n        leads: [\"Table\"]\n        status: planned\n"
        "        results: [\"" +
            result + "\"]\n");
  return site;
}

std::string pdf_text(const fs::path& pdf) {
  return run_shell("pdftotext -q '" + pdf.string() + "' -").out;
}

size_t count(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) n++;
  return n;
}

}  // namespace

TEST_CASE("quadratic: a 200 KB paragraph in an action's cell", "[.quadratic_pdf_paragraph]") {
  // Old: 256 s (Pango shaped the rest of the paragraph again after each line,
  // and each word's width was found by counting from the line's start).
  std::string words;
  while (words.size() < 200'000) words += "logement abordable quartier ";
  fs::path site = site_with_result("quad-paragraph", words);
  fs::path pdf = site / "p.pdf";
  auto r =
      run_carnet({"booklet", (site / "content/plans/p.plan.yaml").string(), "-o", pdf.string()});
  REQUIRE(r.status == 0);
  // The cell's 7,143 "quartier", but for a few hyphenated at a page's end.
  size_t printed = count(pdf_text(pdf), "quartier");
  CHECK(printed > 7100);
  CHECK(printed <= 7143);
}

TEST_CASE("quadratic: one unbroken word of 128k letters in an action's cell",
          "[.quadratic_pdf_word]") {
  // Old: 16k letters 3.7 s, 32k 15 s, so some 4 minutes.
  fs::path site = site_with_result("quad-word", std::string(128'000, 'x'));
  fs::path pdf = site / "p.pdf";
  auto r =
      run_carnet({"booklet", (site / "content/plans/p.plan.yaml").string(), "-o", pdf.string()});
  REQUIRE(r.status == 0);
  // Every letter, on lines of their own between the pages' running heads.
  size_t letters = 0;
  for (const auto& line : lines_of(pdf_text(pdf)))
    if (line.find_first_not_of("x-") == std::string::npos) letters += count(line, "x");
  CHECK(letters == 128'000);
}
