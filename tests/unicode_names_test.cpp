// Folder and file names in scripts other than Latin make addresses: their
// letters are letters (GLib's Unicode tables), not "no letter or digit".
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "load/site_loader.hpp"

namespace fs = std::filesystem;

TEST_CASE("an Arabic folder name makes an address", "[base][load]") {
  const fs::path site = carnet::test::scratch("unicode-names");
  carnet::base::write_file(site / "carnet.yaml",
                           "title: {fr: \"Site\", en: \"Site\"}\n"
                           "base_url: \"https://example.org/\"\nlanguages: [fr, en]\n"
                           "booklet: {formats: []}\n");
  fs::create_directories(site / "content/تقارير");
  carnet::base::write_file(site / "content/_index.fr.md", "---\ntitle: Accueil\n---\n");
  carnet::base::write_file(site / "content/تقارير/Bilan annuel.fr.md", "---\ntitle: Bilan\n---\n");
  carnet::base::Diagnostics diags;
  auto loaded = carnet::load::load_site(site, {}, diags);
  std::vector<std::string> messages;
  for (const auto& d : diags.sorted()) messages.push_back(d.format());
  CHECK(messages.empty());
  auto page = loaded.page_by_source.find("content/تقارير/Bilan annuel.fr.md");
  REQUIRE(page != loaded.page_by_source.end());
  CHECK(loaded.pages[page->second].url == "تقارير/bilan-annuel/");
}
