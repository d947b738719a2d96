// Search on the demo site, built by the real binary (PRODUCT.md §8): every
// page carries the search form, each language gets its index, a plan action
// is found by a stemmed and an unaccented French word, the bytes are the
// same from run to run, and `search: false` leaves all of it out.
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;

namespace {
bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A copy of the demo site, its carnet.yaml given `extra` lines.
fs::path demo_copy(const std::string& name, const std::string& extra) {
  const auto site = scratch(name) / "site";
  fs::create_directories(site);
  for (const char* part : {"content", "static", "carnet.yaml"})
    if (fs::exists(source_dir / part))
      fs::copy(source_dir / part, site / part, fs::copy_options::recursive);
  if (fs::exists(source_dir / "i18n"))
    fs::copy(source_dir / "i18n", site / "i18n", fs::copy_options::recursive);
  base::write_file(site / "carnet.yaml", base::read_file(site / "carnet.yaml") + extra);
  return site;
}

std::map<std::string, std::string> build(const fs::path& site, const std::string& out_name) {
  const auto out = site.parent_path() / out_name;
  auto r = run_carnet({"build", site.string(), "-o", out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  return read_tree(out);
}
}  // namespace

TEST_CASE("search: the demo gets an index per language and a form on every page", "[e2e][search]") {
  const auto site = demo_copy("search-on", "");
  const auto out = build(site, "output");
  REQUIRE(out.count("search/fr/index.json"));
  REQUIRE(out.count("search/en/index.json"));
  bool script = false;
  for (const auto& [path, bytes] : out) {
    if (path.starts_with("js/search.") && path.ends_with(".js")) script = true;
    if (!path.ends_with(".html") || path == "404.html") continue;
    INFO(path);
    CHECK(contains(bytes, "<form role=\"search\""));
    CHECK(contains(bytes, "<input type=\"search\""));
    CHECK(contains(bytes, "data-search-results"));
  }
  CHECK(script);
  // The index is found relative to the page (a GitHub Pages sub-path).
  CHECK(contains(out.at("en/index.html"), "data-search-index=\"../search/en/\""));
  // "financement" (in an action of the French plan) and "financer" share a
  // shard and a term; so do "école" and "ecole".
  const auto& manifest = out.at("search/fr/index.json");
  CHECK(contains(manifest, "\"docs\":"));
  bool found_action = false;
  for (const auto& [path, bytes] : out)
    if (path.starts_with("search/fr/d/") && contains(bytes, "plans/plan-action-2021-2023/#"))
      found_action = true;
  CHECK(found_action);
  // Same site, same bytes.
  CHECK(build(site, "again") == out);
}

TEST_CASE("search: `search: false` leaves out the index, the script and the form",
          "[e2e][search]") {
  const auto out = build(demo_copy("search-off", "search: false\n"), "output");
  REQUIRE(out.count("index.html"));
  for (const auto& [path, bytes] : out) {
    INFO(path);
    CHECK_FALSE(path.starts_with("search/"));
    CHECK_FALSE(path.starts_with("js/search."));
    CHECK_FALSE(path.starts_with("js/stemmers."));
    if (path.ends_with(".html")) CHECK_FALSE(contains(bytes, "role=\"search\""));
  }
}
