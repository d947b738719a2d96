// `carnet check` finds links to other sites and images without a
// description as the Markdown stage parses the site's texts, however long a
// link or an inline image.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::test::run_carnet;

TEST_CASE("check: long links and inline images are scanned, not a crash", "[authoring]") {
  const fs::path site = carnet::test::scratch("check-scan") / "site";
  REQUIRE(run_carnet({"new", site.string()}).status == 0);
  const fs::path page = site / "content/_index.fr.md";
  std::string text = carnet::base::read_file(page);
  const std::string long_link = "https://example.com/" + std::string(60000, 'a');
  text += "\nVoir " + long_link + ".\n\n<img src=\"data:image/png;base64," +
          std::string(200000, 'A') + "\">\n\n<IMG ALT=\"logo\" src=\"x.png\">\n\n![ ](photo.jpg)\n";
  carnet::base::write_file(page, text);
  carnet::base::write_file(site / "static/photo.jpg", "");  // an image must exist

  auto r = run_carnet({"check", site.string()});
  INFO(r.err.substr(0, 2000));
  CHECK(r.status == 0);
  CHECK(r.out.find("  " + long_link + "\n") != std::string::npos);
  const auto warnings = carnet::test::lines_of(r.err);
  size_t img = 0, md = 0;
  for (const auto& w : warnings) {
    img += w.find("add alt=\"...\" describing it") != std::string::npos;
    md += w.find("describe it between the brackets") != std::string::npos;
  }
  CHECK(img == 1);  // the inline image; the <IMG ALT=...> has one
  CHECK(md == 1);
}

TEST_CASE("check: lists the links a build renders, where they are written", "[authoring]") {
  const fs::path site = carnet::test::scratch("check-links") / "site";
  REQUIRE(run_carnet({"new", site.string()}).status == 0);
  const fs::path page = site / "content/_index.fr.md";
  std::string text = carnet::base::read_file(page);
  const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 2;
  text +=
      "\nEn code : `https://code.example.org/` et\n\n"
      "```\n![](https://bloc.example.org/x.png)\n```\n\n"
      "Voir [la Ville][ville] et <https://auto.example.org/>.\n\n"
      "[ville]: https://ville.example.org/\n";
  carnet::base::write_file(page, text);

  auto r = run_carnet({"check", site.string()});
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("code.example.org") == std::string::npos);
  CHECK(r.out.find("bloc.example.org") == std::string::npos);
  CHECK(r.err.find("image without") == std::string::npos);
  const std::string at = "content/_index.fr.md:" + std::to_string(line + 6);
  CHECK(r.out.find("  " + at + ":6  https://ville.example.org/\n") != std::string::npos);
  CHECK(r.out.find("  " + at + ":27  https://auto.example.org/\n") != std::string::npos);
}

TEST_CASE("check: a damaged translation record is an error that says what to do", "[authoring]") {
  const fs::path site = carnet::test::scratch("check-record") / "site";
  REQUIRE(run_carnet({"new", site.string()}).status == 0);
  carnet::base::write_file(site / ".carnet/translations.yaml", "\"a\":\n  \"b\": [1, 2]\n");
  auto r = run_carnet({"check", site.string()});
  CHECK(r.status == 1);
  CHECK(r.err.find(".carnet/translations.yaml:2:8: error: the translation record is damaged "
                   "(expected {LANG: FINGERPRINT}); delete it to start a new one") !=
        std::string::npos);
}
