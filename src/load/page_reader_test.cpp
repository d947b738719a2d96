#include <catch2/catch.hpp>

#include "load/config_reader.hpp"
#include "load/page_reader.hpp"

using namespace carnet;

namespace {
const std::vector<std::string> langs = {"fr", "en"};
model::Page blank(const char* source) {
  model::Page p;
  p.source = source;
  p.lang = "fr";
  return p;
}
}  // namespace

TEST_CASE("page: front matter and body", "[load]") {
  base::Diagnostics d;
  auto p = blank("content/rapports/bilan.fr.md");
  REQUIRE(load::read_page(
      "---\ntitle: Bilan 2019\ndate: 2019-06-15\nsummary: Un résumé\nslug: bilan-2019\n"
      "weight: 3\nmenu: true\nauthor: Marie\ntags: [a, b]\n---\n# Titre\n\nTexte.\n",
      p, langs, d));
  CHECK(d.empty());
  CHECK(p.title == "Bilan 2019");
  CHECK(p.date == base::Date{2019, 6, 15});
  CHECK(p.slug == "bilan-2019");
  CHECK(p.weight == 3);
  CHECK(p.menu);
  CHECK(p.body_line == 11);
  CHECK(p.markdown == "# Titre\n\nTexte.\n");
  const auto* params = p.params.as_map();
  REQUIRE(params);
  REQUIRE(params->size() == 2);
  CHECK(*(*params)[0].second.as_string() == "Marie");
  CHECK((*params)[1].second.as_list()->size() == 2);
}

TEST_CASE("page: a misspelt key is kept and warned about", "[load]") {
  base::Diagnostics d;
  auto p = blank("a.fr.md");
  REQUIRE(load::read_page("---\ntitle: A\nsumary: x\n---\n", p, langs, d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.sorted()[0].format() ==
        "a.fr.md:3:1: warning: unknown front matter key \"sumary\" (did you mean \"summary\"?); it "
        "is passed to "
        "templates as is");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("page: errors in front matter", "[load]") {
  base::Diagnostics d;
  auto p = blank("a.fr.md");
  CHECK_FALSE(load::read_page("---\ntitle: A\n", p, langs, d));
  CHECK(d.sorted()[0].message.find("never closed") != std::string::npos);

  base::Diagnostics d2;
  auto q = blank("b.fr.md");
  CHECK_FALSE(
      load::read_page("---\ntitle: B\nweight: lourd\ndraft: peut-être\n---\n", q, langs, d2));
  auto lines = d2.sorted();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].format() == "b.fr.md:3:9: error: weight: expected a whole number, not \"lourd\"");
  CHECK(lines[1].format() ==
        "b.fr.md:4:8: error: draft: expected true or false, not \"peut-être\"");
}

TEST_CASE("page: a quoted text with no closing quote is an error, not the rest of the file",
          "[load]") {
  base::Diagnostics d;
  auto p = blank("a.fr.md");
  CHECK_FALSE(
      load::read_page("---\ntitle: \"À propos\nmenu: true\nweight: 30\n---\nTexte\n", p, langs, d));
  REQUIRE(d.items().size() == 1);
  CHECK(
      d.sorted()[0].format() ==
      "a.fr.md:2:8: error: this text opens with \" but never closes it: add the closing \" at the "
      "end of the text");

  base::Diagnostics d2;
  auto q = blank("b.fr.md");
  CHECK_FALSE(load::read_page("---\ntitle: B\nsummary: 'L''été\n---\n", q, langs, d2));
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.sorted()[0].format().rfind("b.fr.md:3:10: error: this text opens with '", 0) == 0);

  // Quotes that do close, escaped quotes included, are fine.
  for (const char* ok :
       {"---\ntitle: \"Le \\\"Carnet\\\"\"\n---\n", "---\ntitle: 'L''été'\n---\n",
        "---\ntitle: \"A\"\ntags: [\"x\", 'y']\n---\n", "---\ntitle: l'été\n---\n"}) {
    base::Diagnostics d3;
    auto r = blank("c.fr.md");
    INFO(ok);
    CHECK(load::read_page(ok, r, langs, d3));
    CHECK_FALSE(d3.has_errors());
  }
}

TEST_CASE("page: a page without front matter still needs a title", "[load]") {
  base::Diagnostics d;
  auto p = blank("a.fr.md");
  CHECK_FALSE(load::read_page("Bonjour\n", p, langs, d));
  CHECK(d.error_count() == 1);
}

TEST_CASE("config: settings are read and checked", "[load]") {
  base::Diagnostics d;
  auto c = load::read_config(R"(title: {fr: "Table", en: "Round Table"}
base_url: "https://org.github.io/parc-ex"
languages: [fr, en]
default_language_in_subdir: true
cname: plans.example.org
organization: {name: "Table de quartier", email: info@example.org}
booklet: {paper: a4, formats: [pdf], imposition: saddle-stitch}
markdown: {unsafe_html: true}
)",
                             d);
  CHECK(d.empty());
  CHECK(c.base_url == "https://org.github.io/parc-ex/");
  CHECK(c.base_path == "/parc-ex/");
  CHECK(c.default_language_in_subdir);
  CHECK(c.booklet.paper == "a4");
  CHECK(c.booklet.formats == std::vector<std::string>{"pdf"});
  CHECK(c.booklet.imposition == "saddle-stitch");
  CHECK(c.unsafe_html);
  CHECK(c.organization.email == "info@example.org");

  base::Diagnostics d2;
  load::read_config("title: T\nbooklet: {paper: legal, formats: [pdf, docx]}\n", d2);
  auto lines = d2.sorted();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].format() ==
        "carnet.yaml:2:18: error: booklet.paper: \"legal\" is not one of letter, a4");
  CHECK(lines[1].format() ==
        "carnet.yaml:2:40: error: booklet.formats: \"docx\" is not one of pdf, epub, odt, summary");
}
