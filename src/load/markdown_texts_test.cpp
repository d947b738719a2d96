#include "load/markdown_texts.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "base/fs.hpp"
#include "load/site_loader.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using Kind = load::FoundLink::Kind;

namespace {

std::string where(const load::FoundLink& f) {
  return f.pos.path + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column);
}

}  // namespace

TEST_CASE("find_links: links and images of pages and plans, where they are written", "[load]") {
  const fs::path site =
      fs::temp_directory_path() / ("carnet-find-links-" + std::to_string(::getpid()));
  fs::remove_all(site);
  base::write_file(site / "carnet.yaml",
                   "title: {fr: \"Essai\"}\nbase_url: \"https://example.org/\"\nlanguages: [fr]\n");
  base::write_file(site / "content/_index.fr.md",
                   "---\ntitle: Accueil\n---\n"
                   "Voir `https://code.example.org/` et [la Ville][v].\n\n"
                   "![](a.png) ![Un logo](b.png)\n\n"
                   "<div><img src=\"c.png\"></div>\n\n"
                   "[v]: https://ville.example.org/\n");
  // An image must be a file of static/ (else an error at the image).
  base::write_file(site / "static/a.png", "");
  base::write_file(site / "static/b.png", "");
  base::write_file(site / "content/plans/p.plan.yaml",
                   "title: Plan\nlevels: [Axe]\n"
                   "summary: \"Voir [la page](https://a.example.org/).\"\n"
                   "sections:\n"
                   "  - title: Logement\n"
                   "    description:\n"
                   "      fr: |\n"
                   "        Une ligne.\n"
                   "        Puis ![](https://b.example.org/x.png).\n");
  base::Diagnostics diags;
  const model::Site loaded = load::load_site(site, {}, diags);
  fs::remove_all(site);
  for (const auto& d : diags.sorted()) UNSCOPED_INFO(d.format());
  REQUIRE_FALSE(diags.has_errors());

  const auto found = load::find_links(loaded);
  REQUIRE(found.size() == 6);
  CHECK(where(found[0]) == "content/_index.fr.md:4:37");  // the reference link, not the code
  CHECK(found[0].url == "https://ville.example.org/");
  CHECK(found[0].kind == Kind::link);
  CHECK(where(found[1]) == "content/_index.fr.md:6:1");
  CHECK(found[1].kind == Kind::image);
  CHECK_FALSE(found[1].described);
  CHECK(found[2].described);
  CHECK(where(found[3]) == "content/_index.fr.md:8:6");
  CHECK(found[3].kind == Kind::html_image);
  CHECK_FALSE(found[3].described);
  CHECK(where(found[4]) == "content/plans/p.plan.yaml:3:16");
  CHECK(found[4].url == "https://a.example.org/");
  CHECK(where(found[5]) == "content/plans/p.plan.yaml:9:14");
  CHECK(found[5].kind == Kind::image);
}
