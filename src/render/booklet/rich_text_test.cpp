#include "render/booklet/rich_text.hpp"

#include <catch2/catch.hpp>

#include "render/booklet/xhtml.hpp"

using namespace carnet::render::booklet;

TEST_CASE("HTML from Markdown becomes paragraphs, items and styled spans", "[booklet]") {
  Blocks b = html_to_blocks(
      "<p>Un <strong>plan</strong> &amp; un <a href=\"https://x.org/\">lien</a>.</p>\n"
      "<ol "
      "start=\"3\">\n<li>trois</li>\n<li><p>quatre</p>\n<ul>\n<li>sous</li>\n</ul>\n</li>\n</ol>\n"
      "<blockquote>\n<p>Cité</p>\n</blockquote>\n");
  REQUIRE(b.size() == 5);
  CHECK(b[0].kind == Block::Kind::paragraph);
  CHECK(plain_text(b[0].text) == "Un plan & un lien.");
  CHECK(b[0].text[1].bold);
  CHECK(b[0].text[3].href == "https://x.org/");
  CHECK(b[1].kind == Block::Kind::item);
  CHECK(b[1].ordered);
  CHECK(b[1].number == 3);
  CHECK(b[2].number == 4);
  CHECK(b[3].depth == 1);
  CHECK_FALSE(b[3].ordered);
  CHECK(b[4].kind == Block::Kind::quote);
}

TEST_CASE("footnote references lose their in-page target", "[booklet]") {
  Blocks b = html_to_blocks("<p>Texte<sup><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></p>");
  REQUIRE(b.size() == 1);
  for (const auto& s : b[0].text) CHECK(s.href.empty());
}

TEST_CASE("blocks come back as well-nested XHTML", "[booklet]") {
  Blocks b = html_to_blocks("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><p>d &lt;e&gt;</p>");
  CHECK(blocks_xhtml(b) == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><p>d &lt;e&gt;</p>\n");
}
