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
