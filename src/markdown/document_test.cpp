#include "markdown/document.hpp"

#include <catch2/catch.hpp>

using namespace carnet::markdown;
using K = Node::Kind;

TEST_CASE("markdown tree: blocks and inlines with their positions", "[markdown]") {
  Options o;
  o.first_line = 10;
  auto doc = parse("# Titre\n\n- a **b**\n  1. c\n\n> `x` ~~y~~\n", o);
  REQUIRE(doc.size() == 3);
  CHECK(doc[0].kind == K::heading);
  CHECK(doc[0].level == 1);
  CHECK(doc[0].line == 10);
  const Node& list = doc[1];
  CHECK(list.kind == K::list);
  CHECK_FALSE(list.ordered);
  REQUIRE(list.children.size() == 1);
  const Node& item = list.children[0];
  REQUIRE(item.children.size() == 2);
  CHECK(item.children[0].children[1].kind == K::strong);
  CHECK(item.children[1].ordered);
  CHECK(item.children[1].start == 1);
  const Node& quote = doc[2];
  CHECK(quote.kind == K::quote);
  CHECK(quote.line == 15);
  const auto& inl = quote.children[0].children;
  REQUIRE(inl.size() == 3);
  CHECK(inl[0].kind == K::code);
  CHECK(inl[0].text == "x");
  CHECK(inl[2].kind == K::strike);
  CHECK(inl[2].column == 7);
}

TEST_CASE("markdown tree: links are rewritten by the hook, in order", "[markdown]") {
  Options o;
  std::vector<std::string> seen;
  o.rewrite_link = [&](const std::string& url, const LinkContext& where) {
    seen.push_back(url + (where.image ? " image" : ""));
    return "/x/" + url;
  };
  auto doc =
      parse("[a](a.md) ![i](i.png) [r][] www.example.org `http://no.example`\n\n[r]: ref.md\n", o);
  CHECK(seen ==
        std::vector<std::string>{"a.md", "i.png image", "ref.md", "http://www.example.org"});
  const auto& inl = doc[0].children;
  CHECK(inl[0].kind == K::link);
  CHECK(inl[0].url == "/x/a.md");
  CHECK(inl[2].kind == K::image);
  CHECK(plain_text(inl[2].children) == "i");
  CHECK(inl[6].url == "/x/http://www.example.org");
  CHECK(inl[6].line == 1);  // an autolink has no position of its own: its paragraph's
}

TEST_CASE("markdown tree: tables, tasks, footnotes, code", "[markdown]") {
  auto doc = parse(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait\n- [ ] pas\n\nNote[^z].\n\n"
      "```sh\nls\n```\n\n[^z]: Ici.\n",
      {});
  REQUIRE(doc.size() == 5);
  CHECK(doc[0].kind == K::table);
  REQUIRE(doc[0].children.size() == 2);
  CHECK(doc[0].children[0].header);
  CHECK(doc[0].children[1].children[1].kind == K::table_cell);
  CHECK(doc[1].children[0].task);
  CHECK(doc[1].children[0].checked);
  CHECK(doc[1].children[1].task);
  CHECK_FALSE(doc[1].children[1].checked);
  CHECK(doc[2].children[1].kind == K::footnote_reference);
  CHECK(doc[2].children[1].number == 1);
  CHECK(doc[3].kind == K::code_block);
  CHECK(doc[3].info == "sh");
  CHECK(doc[3].text == "ls\n");
  CHECK(doc[4].kind == K::footnote_definition);
  CHECK(doc[4].number == 1);
}

TEST_CASE("markdown tree: raw HTML only when the site lets it through", "[markdown]") {
  CHECK(parse("<div>x</div>\n\nA <b>b</b>.\n", {}).size() == 1);
  Options unsafe;
  unsafe.unsafe_html = true;
  auto doc = parse("<div><a href=\"javascript:x()\">x</a></div>\n", unsafe);
  REQUIRE(doc.size() == 1);
  CHECK(doc[0].kind == K::html_block);
  // As written, so that `carnet check` places what it finds in it; no
  // output prints it (the booklets leave raw HTML out, pages use to_html).
  CHECK(doc[0].text == "<div><a href=\"javascript:x()\">x</a></div>\n");
}

TEST_CASE("markdown tree: URLs escaped as in an href", "[markdown]") {
  CHECK(escape_url("https://x.org/été 1.pdf?a=1&b='2'#f") ==
        "https://x.org/%C3%A9t%C3%A9%201.pdf?a=1&b='2'#f");
  CHECK(escape_url("a<b>\"c\"[d]{e}|\\^`") == "a%3Cb%3E%22c%22%5Bd%5D%7Be%7D%7C%5C%5E%60");
}
