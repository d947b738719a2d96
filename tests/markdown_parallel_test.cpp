// Markdown parsed on many threads at once gives the same HTML as parsed
// alone (issue 13): cmark-gfm keeps the table of characters that start an
// extension's inline syntax (`~`, `:`, `w`) in one array for the whole
// process, which every parse switched on and off around its inline pass;
// markdown/special_chars.cpp keeps them on, and then the inline passes run
// at the same time.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "base/diagnostics.hpp"
#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "load/site_loader.hpp"

namespace fs = std::filesystem;
using namespace carnet;

namespace {

// A page using every extension the site turns on, several times over so that
// its inline parse takes long enough for another thread to cut into it.
std::string page_text(int n) {
  std::string text = "---\ntitle: Page " + std::to_string(n) + "\n---\n";
  for (int k = 0; k < 6; ++k) {
    text +=
        "~~The anti-poverty committee~~ meets at www.example.org and "
        "https://example.com/agenda, *every* ~~Tuesday~~ week[^n" +
        std::to_string(k) +
        "].\n\n"
        "| Quoi | Quand |\n|---|---|\n| ~~réunion~~ | www.example.net |\n\n"
        "- [x] done ~~late~~\n- [ ] to do, see http://example.org/x\n\n"
        "[^n" +
        std::to_string(k) + "]: A ~~footnote~~ at www.example.com.\n\n";
  }
  return text;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("markdown: pages parsed in parallel give one output", "[markdown][parallel]") {
  const fs::path site = test::scratch("markdown-parallel") / "site";
  base::write_file(site / "carnet.yaml",
                   "title: {fr: \"Essai\"}\ndescription: {fr: \"Essai.\"}\n"
                   "base_url: \"https://example.org/\"\nlanguages: [fr]\n");
  base::write_file(site / "content/_index.fr.md", "---\ntitle: Accueil\n---\nBienvenue.\n");
  const int pages = 40;
  for (int n = 0; n < pages; ++n)
    base::write_file(site / ("content/p" + std::to_string(n) + ".fr.md"), page_text(n));

  std::set<std::string> outputs;
  for (int run = 0; run < 50; ++run) {
    base::Diagnostics diags;
    model::Site loaded = load::load_site(site, {}, diags);
    for (const auto& d : diags.sorted()) UNSCOPED_INFO(d.format());
    REQUIRE_FALSE(diags.has_errors());
    std::string all;
    for (const auto& page : loaded.pages) all += page.source + "\n" + page.html + "\n";
    outputs.insert(all);
  }
  CHECK(outputs.size() == 1);
  // The one output is the right one: every strike, autolink and box is there.
  const std::string& html = *outputs.begin();
  CHECK(count(html, "<del>") == pages * 6 * 5);
  CHECK(count(html, "~~") == 0);
  CHECK(count(html, "href=\"http://www.example.") == pages * 6 * 3);
  CHECK(count(html, "href=\"https://example.com/agenda\"") == pages * 6);
  CHECK(count(html, "type=\"checkbox\"") == pages * 6 * 2);
  CHECK(count(html, "<table>") == pages * 6);
}
