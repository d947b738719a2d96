#include <catch2/catch.hpp>

#include "markdown/markdown.hpp"

using namespace carnet::markdown;

TEST_CASE("markdown: a fenced block hook puts its HTML in place of the block",
          "[markdown][blocks]") {
  for (bool unsafe : {false, true}) {
    INFO(unsafe);
    Options o;
    o.unsafe_html = unsafe;
    o.first_line = 5;
    std::vector<FencedCode> seen;
    o.fenced_block = [&](const FencedCode& c) -> std::optional<std::string> {
      seen.push_back(c);
      if (c.info != "figures") return std::nullopt;
      return std::string("<!--block-->\n<svg role=\"img\"></svg>\n");
    };
    const auto html =
        to_html("Avant.\n\n```figures\n- value: 1\n```\n\n```python\nx = 1\n```\n", o).html;
    // The sanitizer of raw HTML drops comments and SVG; the hook's HTML is
    // Carnet's own and passes as it is.
    CHECK(html ==
          "<p>Avant.</p>\n<!--block-->\n<svg role=\"img\"></svg>\n"
          "<pre><code class=\"language-python\">x = 1\n</code></pre>\n");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].line == 7);
    CHECK(seen[0].literal == "- value: 1\n");
  }
}
