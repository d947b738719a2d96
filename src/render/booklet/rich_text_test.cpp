#include "render/booklet/rich_text.hpp"

#include <catch2/catch.hpp>

#include "render/booklet/xhtml.hpp"

using namespace carnet::render::booklet;
using carnet::markdown::LinkContext;
using carnet::markdown::Options;

namespace {

Blocks blocks(std::string_view md, Options options = {}) {
  options.heading_ids = false;
  return markdown_to_blocks(md, options);
}

}  // namespace

TEST_CASE("Markdown becomes paragraphs, items and styled spans", "[booklet]") {
  Blocks b = blocks(
      "Un **plan** & un [lien](https://x.org/).\n\n"
      "3. trois\n4. quatre\n\n   - sous\n\n"
      "> Cité\n");
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

TEST_CASE("nested lists keep their depth; a later paragraph of an item is its own block",
          "[booklet]") {
  Blocks b = blocks("- a\n  - b\n    1. c\n- d\n\n  suite\n");
  REQUIRE(b.size() == 5);
  CHECK(plain_text(b[0].text) == "a");
  CHECK(b[0].depth == 0);
  CHECK(b[1].depth == 1);
  CHECK(b[2].depth == 2);
  CHECK(b[2].ordered);
  CHECK(b[2].number == 1);
  CHECK(b[3].number == 2);
  CHECK(b[4].kind == Block::Kind::paragraph);
  CHECK(plain_text(b[4].text) == "suite");
}

TEST_CASE("strike, code, breaks and white space read as on the site", "[booklet]") {
  Blocks b = blocks("~~non~~ `a  b`\nsuite\n");
  REQUIRE(b.size() == 1);
  const Inline& t = b[0].text;
  REQUIRE(t.size() == 4);
  CHECK(t[0].text == "non");
  CHECK(t[0].strike);
  CHECK(t[2].text == "a b");
  CHECK(t[2].code);
  CHECK(t[3].text == " suite");  // a soft break is a space
  Blocks br = blocks("un  \ndeux\n");
  REQUIRE(br[0].text.size() == 2);
  CHECK(br[0].text[1].text == "\ndeux");  // a forced break starts its own span
}

TEST_CASE("code blocks keep their lines; headings are bold paragraphs", "[booklet]") {
  Blocks b = blocks("## Titre\n\n```\nx  = 1\ny\n```\n");
  REQUIRE(b.size() == 2);
  CHECK(b[0].heading);
  CHECK(b[1].kind == Block::Kind::code);
  REQUIRE(b[1].text.size() == 1);
  CHECK(b[1].text[0].text == "x  = 1\ny\n");
  CHECK(b[1].text[0].code);
}

TEST_CASE("footnotes: the reference is its number, the notes a numbered list at the end",
          "[booklet]") {
  Blocks b = blocks("Texte[^b] et[^a].\n\n[^a]: Note *A*.\n[^b]: Note B.\n[^c]: Jamais citée.\n");
  REQUIRE(b.size() == 3);
  CHECK(plain_text(b[0].text) == "Texte1 et2.");
  for (const auto& s : b[0].text) CHECK(s.href.empty());
  CHECK(b[1].kind == Block::Kind::item);
  CHECK(b[1].ordered);
  CHECK(b[1].number == 1);
  CHECK(plain_text(b[1].text) == "Note B.");  // no back-link arrow on paper
  CHECK(b[2].number == 2);
  CHECK(plain_text(b[2].text) == "Note A.");
}

TEST_CASE("links go through the rewriting hook; in-page links lose their target", "[booklet]") {
  Options o;
  o.rewrite_link = [](const std::string& url, const LinkContext&) {
    return url[0] == '#' ? std::string() : "https://example.org/" + url;
  };
  Blocks b = blocks("[a](rapports/x.fr.md) [b](#plus) [c][r] [d](<été 1.pdf>)\n\n[r]: autre\n", o);
  REQUIRE(b.size() == 1);
  const Inline& t = b[0].text;
  REQUIRE(t.size() == 5);
  CHECK(t[0].href == "https://example.org/rapports/x.fr.md");
  CHECK(t[1].text == " b ");  // no target: one span with the text around it
  CHECK(t[1].href.empty());
  CHECK(t[2].href == "https://example.org/autre");
  // Written into files as the site writes it into an href.
  CHECK(t[4].href == "https://example.org/%C3%A9t%C3%A9%201.pdf");
}

TEST_CASE("raw HTML is left out, its text kept between tags", "[booklet]") {
  Blocks b = blocks("<div>\nbloc\n</div>\n\nA <b>gras</b>.\n\n<!-- note -->\n");
  REQUIRE(b.size() == 1);
  CHECK(plain_text(b[0].text) == "A gras.");
}

TEST_CASE("tables read row by row; tasks show their box; images their description", "[booklet]") {
  Blocks b = blocks(
      "| Quoi | Quand |\n|---|---|\n| ~~réunion~~ | mardi |\n\n"
      "- [x] fait\n- [ ] à faire\n\n"
      "![Le logo](logo.png) ![](vide.png)\n");
  REQUIRE(b.size() == 5);
  CHECK(plain_text(b[0].text) == "Quoi Quand");
  CHECK(plain_text(b[1].text) == "réunion mardi");
  CHECK(b[1].text[0].strike);
  CHECK(plain_text(b[2].text) == "[x] fait");
  CHECK(plain_text(b[3].text) == "[ ] à faire");
  CHECK(plain_text(b[4].text) == "[Le logo]");
}

TEST_CASE("blocks come back as well-nested XHTML", "[booklet]") {
  Blocks b = blocks("- a\n  - b\n- c\n\nd &lt;e&gt;\n");
  CHECK(blocks_xhtml(b) == "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><p>d &lt;e&gt;</p>\n");
}

namespace {

// A page's body as page booklets read it: images found by `images`.
Blocks page_blocks(std::string_view md, const ImageSource& images) {
  Options options;
  options.heading_ids = false;
  return nodes_to_blocks(carnet::markdown::parse(md, options), true, {}, images);
}

}  // namespace

TEST_CASE("a page's table is one block: header, rows and each column's alignment", "[booklet]") {
  auto none = [](const std::string&) { return ImageFile{}; };
  Blocks b = page_blocks(
      "Avant.\n\n| Quoi | Combien | Où |\n| :--- | ---: | :-: |\n| ~~réunion~~ | 3 |\n"
      "| *atelier* | 12 | ici |\n\nAprès.\n",
      none);
  REQUIRE(b.size() == 3);
  REQUIRE(b[1].kind == Block::Kind::table);
  const TableBlock& t = *b[1].table;
  using A = TableBlock::Align;
  CHECK(t.align == std::vector<A>{A::left, A::right, A::center});
  REQUIRE(t.header.size() == 3);
  CHECK(plain_text(t.header[1]) == "Combien");
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].size() == 3);
  CHECK(t.rows[0][0][0].strike);
  CHECK(t.rows[0][2].empty());  // a short row is padded
  CHECK(t.rows[1][0][0].italic);
  CHECK(blocks_xhtml({b[1]}) ==
        "<table class=\"markdown\"><thead><tr><th scope=\"col\">Quoi</th>"
        "<th scope=\"col\" class=\"right\">Combien</th><th scope=\"col\" "
        "class=\"center\">Où</th></tr></thead><tbody><tr><td><del>réunion</del>"
        "</td><td class=\"right\">3</td><td class=\"center\"/></tr><tr><td>"
        "<em>atelier</em></td><td class=\"right\">12</td><td "
        "class=\"center\">ici</td></tr></tbody></table>\n");
}

TEST_CASE("a page's image with a file is a block of its own, its description the caption",
          "[booklet]") {
  auto images = [](const std::string& url) {
    return url == "/img/photo.png" ? ImageFile{"/site/static/img/photo.png", "images/1.png"}
                                   : ImageFile{};
  };
  Blocks b = page_blocks(
      "Avant ![Une *photo*](/img/photo.png) après.\n\n![Absente](/img/autre.png)\n\n"
      "- ![Dans une liste](/img/photo.png)\n",
      images);
  REQUIRE(b.size() == 5);
  CHECK(plain_text(b[0].text) == "Avant");
  REQUIRE(b[1].kind == Block::Kind::image);
  CHECK(b[1].image_file == "/site/static/img/photo.png");
  CHECK(b[1].image_name == "images/1.png");
  CHECK(plain_text(b[1].text) == "Une photo");
  CHECK(plain_text(b[2].text) == "après.");
  // No file: its description, as before; in a list: the same.
  CHECK(plain_text(b[3].text) == "[Absente]");
  CHECK(b[4].kind == Block::Kind::item);
  CHECK(plain_text(b[4].text) == "[Dans une liste]");
}

TEST_CASE("a plan's Markdown keeps its tables as lines", "[booklet]") {
  Blocks b = blocks("| a | b |\n|---|---|\n| 1 | 2 |\n");
  REQUIRE(b.size() == 2);
  CHECK(b[0].kind == Block::Kind::paragraph);
}
