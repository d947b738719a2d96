// A site that lets raw HTML through (`markdown: {unsafe_html: true}`), built
// by the real binary: the page it publishes keeps the author's ordinary HTML
// and none of the script vectors of issue 13 (the sanitizer itself is tested
// in src/markdown/html_sanitizer_test.cpp).
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("unsafe_html: a built page keeps ordinary HTML and no script", "[markdown][sanitizer]") {
  fs::path site = carnet::test::scratch("unsafe-html") / "site";
  REQUIRE(carnet::test::run_carnet({"new", site.string()}).status == 0);
  std::string config = carnet::base::read_file(site / "carnet.yaml");
  carnet::base::write_file(site / "carnet.yaml", config + "markdown: {unsafe_html: true}\n");
  carnet::base::write_file(
      site / "content" / "essai.fr.md",
      "---\ntitle: \"Essai\"\n---\n\n"
      "Un <kbd>Ctrl</kbd> et <abbr title=\"Centre local\">CLSC</abbr>, "
      "[lien](jav&#x61;script:alert(1)) <a href=\"jav&#x61;script:alert(2)\">a</a> "
      "<a href=\"java&#9;script:alert(3)\">b</a> <img src=\"x.png\" alt=\"x\" "
      "onerror=\"alert(4)\">.\n\n"
      "<details ontoggle=\"alert(5)\" open>\n<summary>Plus</summary>\n\nTexte.\n\n</details>\n\n"
      "<form><button formaction=\"javascript:alert(6)\">Envoyer</button></form>\n\n"
      "<base href=\"https://evil.example/\">\n\n"
      "<object data=\"javascript:alert(7)\"></object><embed src=\"data:text/html,x\">\n\n"
      "<svg onload=\"alert(8)\"><a xlink:href=\"javascript:alert(9)\">s</a></svg>\n\n"
      "<script>alert(10)</script>\n\n"
      "<iframe src=\"https://www.openstreetmap.org/export/embed.html\" "
      "title=\"Carte\"></iframe>\n");
  auto built = carnet::test::run_carnet({"build", site.string(), "-q"});
  INFO(built.err);
  REQUIRE(built.status == 0);
  std::string page = carnet::base::read_file(site / "output" / "essai" / "index.html");
  // The page's own template has its scripts (none outside the preview); the
  // body is what the author wrote.
  auto start = page.find("<kbd>Ctrl</kbd>");
  REQUIRE(start != std::string::npos);
  std::string body = page.substr(start, page.find("</iframe>", start) - start);
  CHECK(body.find("alert") == std::string::npos);
  for (const char* gone : {"onerror", "ontoggle", "formaction", "<base", "<object", "<embed",
                           "<svg", "xlink", "<script", "<form", "<button", "javascript"}) {
    INFO(gone);
    CHECK(body.find(gone) == std::string::npos);
  }
  CHECK(body.find("<abbr title=\"Centre local\">CLSC</abbr>") != std::string::npos);
  CHECK(body.find("<img src=\"x.png\" alt=\"x\" />") != std::string::npos);
  CHECK(body.find("<details open>") != std::string::npos);
  CHECK(body.find("Envoyer") != std::string::npos);
  CHECK(page.find("<iframe src=\"https://www.openstreetmap.org/export/embed.html\" "
                  "title=\"Carte\" sandbox=\"allow-scripts allow-same-origin allow-popups\">") !=
        std::string::npos);
}
