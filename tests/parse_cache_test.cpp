// The preview's parse cache (load::ParseCache): a build that reuses the
// previous build's parse gives exactly the files of a build from scratch,
// after edits, errors, deletions and a change of options.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "base/fs.hpp"
#include "cli/build_pipeline.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::base::read_file;
using carnet::base::write_file;

namespace {

std::map<std::string, std::string> files_of(const carnet::cli::BuildResult& r) {
  std::map<std::string, std::string> out;
  for (const auto& f : r.files)
    out[f.path] = f.copy_from.empty() ? f.bytes : read_file(f.copy_from);
  return out;
}

std::vector<std::string> messages(const carnet::cli::BuildResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted()) out.push_back(d.format());
  return out;
}

// Builds `site` with the cache and from scratch, and checks they agree.
void same_as_fresh(const fs::path& site, carnet::load::ParseCache& cache, bool drafts = false) {
  carnet::cli::BuildOptions fresh;
  fresh.booklets = false;
  fresh.load.include_drafts = drafts;
  carnet::cli::BuildOptions cached = fresh;
  cached.load.cache = &cache;
  const auto a = carnet::cli::build_site(site, cached);
  const auto b = carnet::cli::build_site(site, fresh);
  CHECK(messages(a) == messages(b));
  CHECK(files_of(a) == files_of(b));
}

}  // namespace

TEST_CASE("parse cache: a rebuild that reuses the last parse gives the same site",
          "[load][authoring]") {
  const fs::path site = carnet::test::scratch("parse-cache") / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/sites/basic", site,
           fs::copy_options::recursive);
  carnet::load::ParseCache cache;

  same_as_fresh(site, cache);
  REQUIRE(cache.files.count("content/plans/plan.plan.yaml") == 1);
  const size_t cached_files = cache.files.size();
  same_as_fresh(site, cache);  // everything from the cache

  // An edited page is parsed again.
  const fs::path about = site / "content/a-propos.fr.md";
  std::string text = read_file(about);
  text += "\nUne phrase ajoutée.\n";
  write_file(about, text);
  same_as_fresh(site, cache);
  CHECK(cache.files.at("content/a-propos.fr.md").text == text);

  // A plan with an error: reported, and still reported from the cache.
  const fs::path plan = site / "content/plans/plan.plan.yaml";
  const std::string good_plan = read_file(plan);
  write_file(plan, good_plan + "statut: inconnu\n");
  same_as_fresh(site, cache);
  same_as_fresh(site, cache);
  write_file(plan, good_plan);
  same_as_fresh(site, cache);

  // Drafts are filtered after the cache, so the option can change.
  same_as_fresh(site, cache, true);
  same_as_fresh(site, cache, false);

  // A deleted file is forgotten.
  fs::remove(site / "content/nouvelles.fr.md");
  same_as_fresh(site, cache);
  CHECK(cache.files.count("content/nouvelles.fr.md") == 0);
  CHECK(cache.files.size() == cached_files - 1);

  // Other languages: every file is parsed again.
  std::string config = read_file(site / "carnet.yaml");
  const auto at = config.find("languages: [fr, en]");
  REQUIRE(at != std::string::npos);
  config.replace(at, 19, "languages: [en, fr]");
  write_file(site / "carnet.yaml", config);
  same_as_fresh(site, cache);
  CHECK(cache.files.at("content/a-propos.fr.md").languages == "en,fr");
}

// A rendered body is kept and used again only while what it reads of the
// other files is the same: a page that moves, a static file that appears, a
// page that links to a fresh one all render the bodies that show them again.
TEST_CASE("parse cache: a kept body is rendered again when what it links to changes",
          "[load][authoring]") {
  const fs::path site = carnet::test::scratch("parse-cache-bodies") / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/sites/basic", site,
           fs::copy_options::recursive);
  write_file(site / "content/liens.fr.md",
             "---\ntitle: Liens\n---\nVoir [la Table](a-propos.fr.md) et "
             "[le bilan](rapports/bilan.fr.md#faits-saillants).\n");
  carnet::load::ParseCache cache;
  same_as_fresh(site, cache);
  REQUIRE(cache.bodies.count("content/liens.fr.md") == 1);
  const std::string context = cache.body_context;
  same_as_fresh(site, cache);  // every body from the cache
  CHECK(cache.body_context == context);

  // The linked page moves: the link follows it.
  const fs::path about = site / "content/a-propos.fr.md";
  const std::string about_text = read_file(about);
  write_file(about, "---\nslug: la-table\n" + about_text.substr(4));
  same_as_fresh(site, cache);
  CHECK(cache.body_context != context);
  CHECK(cache.bodies.at("content/liens.fr.md").html.find("la-table/") != std::string::npos);

  // A title is not read by another page's body: the bodies are kept.
  const std::string moved = cache.body_context;
  std::string retitled = "---\nslug: la-table\n" + about_text.substr(4);
  retitled.replace(retitled.find("title: À propos"), 16, "title: La Table");
  write_file(about, retitled);
  same_as_fresh(site, cache);
  CHECK(cache.body_context == moved);

  // An image missing, then added to static/: the error goes with it, and a
  // body with an error is never kept.
  write_file(site / "content/image.fr.md",
             "---\ntitle: Image\n---\n![Le logo](/img/nouveau.svg)\n");
  same_as_fresh(site, cache);
  CHECK(cache.bodies.count("content/image.fr.md") == 0);
  fs::copy_file(site / "static/img/logo.svg", site / "static/img/nouveau.svg");
  same_as_fresh(site, cache);
  CHECK(cache.bodies.count("content/image.fr.md") == 1);

  // The anchor a kept body links to disappears: checked again, an error.
  const fs::path report = site / "content/rapports/bilan.fr.md";
  std::string renamed = read_file(report);
  const auto heading = renamed.find("## Faits saillants");
  REQUIRE(heading != std::string::npos);
  renamed.replace(heading, 18, "## Résumé");
  write_file(report, renamed);
  carnet::cli::BuildOptions options;
  options.booklets = false;
  options.load.cache = &cache;
  const auto broken = carnet::cli::build_site(site, options);
  REQUIRE(broken.diags.has_errors());
  CHECK(messages(broken).front().find("faits-saillants") != std::string::npos);
  same_as_fresh(site, cache);
}
