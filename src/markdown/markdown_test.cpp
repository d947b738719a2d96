#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "markdown/cmark_tree.hpp"
#include "markdown/markdown.hpp"

using namespace carnet::markdown;

TEST_CASE("markdown: GitHub extensions are on", "[markdown]") {
  auto html = to_html(
                  "| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~non~~ www.example.org\n\n- [x] "
                  "fait\n\nNote[^1].\n\n[^1]: Ici.\n",
                  {})
                  .html;
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<del>non</del>") != std::string::npos);
  CHECK(html.find("href=\"http://www.example.org\"") != std::string::npos);
  CHECK(html.find("type=\"checkbox\"") != std::string::npos);
  CHECK(html.find("footnote") != std::string::npos);
}

TEST_CASE("markdown: extension characters stay set, and texts parse side by side", "[markdown]") {
  // special_chars.cpp keeps cmark-gfm's extension characters on for the
  // whole process; the library's call must reach it for inline passes to
  // run side by side (where it could not, they would be taken one at a
  // time: correct, slower, and this test would say so).
  auto html = to_html("~~non~~ www.example.org\n", {}).html;
  CHECK(detail::inline_pass_is_shared());
  // A text with no extension syntax, then one with: switching off after the
  // first would have left the second's `~~` and `www.` as text.
  CHECK(to_html("Rien *ici*.\n", {}).html == "<p>Rien <em>ici</em>.</p>\n");
  CHECK(to_html("~~non~~ www.example.org\n", {}).html == html);
  CHECK(html == "<p><del>non</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n");
}

TEST_CASE("markdown: headings get unique ids", "[markdown]") {
  auto r = to_html("# Été 2021\n\n## Bilan\n\n## Bilan\n", {});
  REQUIRE(r.anchors == std::vector<std::string>{"ete-2021", "bilan", "bilan-1"});
  CHECK(r.html.find("<h1 id=\"ete-2021\">") != std::string::npos);
  CHECK(r.html.find("<h2 id=\"bilan-1\">") != std::string::npos);
}

TEST_CASE("markdown: a heading's raw HTML and code are written whole, heading after heading",
          "[markdown]") {
  // A heading's inline children read their text from the heading's buffer:
  // freeing the heading before the HTML was written let later headings'
  // allocations write over it (fuzz/regressions/markdown_links/).
  std::string md;
  for (int i = 0; i < 300; ++i)
    md += "## Titre " + std::to_string(i) + " <b>gras" + std::to_string(i) + "</b> `code" +
          std::to_string(i) + "`\n\nTexte.\n\n";
  Options o;
  for (const bool unsafe : {true, false}) {
    o.unsafe_html = unsafe;
    const std::string html = to_html(md, o).html;
    for (int i = 0; i < 300; ++i) {
      const std::string n = std::to_string(i);
      INFO(n);
      const std::string bold =
          unsafe ? "<b>gras" + n + "</b>"
                 : "<!-- raw HTML omitted -->gras" + n + "<!-- raw HTML omitted -->";
      CHECK(html.find("Titre " + n + " " + bold + " <code>code" + n + "</code>\n</h2>") !=
            std::string::npos);
    }
  }
}

TEST_CASE("markdown: raw HTML is escaped unless the site opts in", "[markdown]") {
  auto safe = to_html("<script>alert(1)</script>\n\nA <b>b</b>.\n", {}).html;
  CHECK(safe.find("<script>") == std::string::npos);
  CHECK(safe.find("<b>") == std::string::npos);
  Options unsafe;
  unsafe.unsafe_html = true;
  auto raw = to_html("A <b>b</b> <a href=\"javascript:alert(1)\">x</a>.\n", unsafe).html;
  CHECK(raw.find("<b>b</b>") != std::string::npos);
  CHECK(raw.find("javascript:") == std::string::npos);
}

TEST_CASE("markdown: javascript links never survive", "[markdown]") {
  for (bool unsafe : {false, true}) {
    Options o;
    o.unsafe_html = unsafe;
    auto html = to_html("[x](javascript:alert(1)) [y](JavaScript:alert(1))\n", o).html;
    CHECK(html.find("alert") == std::string::npos);
  }
}

TEST_CASE("markdown: links are rewritten with their positions", "[markdown]") {
  Options o;
  o.first_line = 5;
  std::vector<std::pair<std::string, int>> seen;
  o.rewrite_link = [&](const std::string& url, const LinkContext& where) {
    seen.emplace_back(url, where.line);
    return url == "a.fr.md" ? std::string("../a/") : url;
  };
  auto html = to_html("Voir [a](a.fr.md).\n\nEt ![logo](/img/l.png).\n", o).html;
  CHECK(html.find("href=\"../a/\"") != std::string::npos);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == std::make_pair(std::string("a.fr.md"), 5));
  CHECK(seen[1] == std::make_pair(std::string("/img/l.png"), 7));
}

TEST_CASE("markdown: inline text and plain text", "[markdown]") {
  CHECK(inline_html("Un *plan*", {}) == "Un <em>plan</em>");
  CHECK(to_plain_text("# Titre\n\nUn *plan* d'action.\n") == "Titre\nUn plan d'action.");
}

TEST_CASE("markdown: a heading's id skips suffixes other headings took", "[markdown]") {
  auto r = to_html("# A\n\n# A 1\n\n# A\n\n# A\n\n# A-2\n", {});
  CHECK(r.anchors == std::vector<std::string>{"a", "a-1", "a-2", "a-3", "a-2-1"});
}

namespace {
// cmark-gfm's own HTML for `text` parsed with `options`, heading ids and
// every Carnet step left out.
std::string cmark_html(const std::string& text, int options) {
  carnet::markdown::detail::CmarkArena arena;
  auto parser = carnet::markdown::detail::make_parser(options);
  auto root = carnet::markdown::detail::parse(parser.get(), text);
  char* html = cmark_render_html_with_mem(root.get(), options,
                                          cmark_parser_get_syntax_extensions(parser.get()),
                                          carnet::markdown::detail::CmarkArena::mem());
  std::string out = html ? html : "";
  if (!carnet::markdown::detail::arena_on) carnet::markdown::detail::CmarkArena::mem()->free(html);
  if (carnet::markdown::detail::arena_on) {
    (void)root.release();
    (void)parser.release();
  }
  return out;
}
}  // namespace

TEST_CASE("markdown: footnotes are parsed only where a text has a caret, which changes nothing",
          "[markdown]") {
  // parse_options turns cmark-gfm's footnotes on only for a text holding
  // '^' or '&' (a caret as written, escaped or as an entity): without
  // them, the HTML must be the same.
  const char* pieces[] = {"[", "]",  "^",  "\\^", "&#94;", ":",   " ",     "\n",   "\n\n", "a",
                          "1", "> ", "* ", "`",   "(x)",   "[a]", "]: /u", "    ", "~~",   "*"};
  std::mt19937 rng(20261130);
  int compared = 0;
  for (int n = 0; n < 6000; ++n) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < length; ++i) text += pieces[rng() % std::size(pieces)];
    const int base = carnet::markdown::detail::parse_options({}, text);
    if (text.find_first_of("^&") != std::string::npos) {
      CHECK((base & CMARK_OPT_FOOTNOTES) != 0);
      continue;
    }
    CHECK((base & CMARK_OPT_FOOTNOTES) == 0);
    INFO(text);
    CHECK(cmark_html(text, base) == cmark_html(text, base | CMARK_OPT_FOOTNOTES));
    ++compared;
  }
  CHECK(compared > 1000);
  // And a text that has one still gets its footnotes.
  CHECK(to_html("Un appel[^n].\n\n[^n]: La note.\n", {}).html.find("footnote") !=
        std::string::npos);
}
