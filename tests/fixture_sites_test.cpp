// Fixture sites (tests/fixtures/sites/NAME/) built by the real binary and
// compared file by file with tests/fixtures/expected/NAME/. Expected files
// are regenerated only on purpose, with scripts/update-expected.sh.
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

TEST_CASE("fixture sites match their expected output", "[e2e]") {
  for (const char* name : {"basic", "subdir"}) {
    SECTION(name) {
      // Built from a copy outside Carnet's own repository: in place, the
      // plans would take dates and status histories from Carnet's commits.
      const auto dir = scratch(std::string("fixture-") + name);
      const auto site = dir / "site";
      fs::copy(source_dir / "tests/fixtures/sites" / name, site, fs::copy_options::recursive);
      auto out = dir / "output";
      auto r = run_carnet({"build", site.string(), "-o", out.string(), "-q"});
      INFO(r.err);
      REQUIRE(r.status == 0);
      auto got = read_tree(out);
      auto expected = read_tree(source_dir / "tests/fixtures/expected" / name);
      REQUIRE_FALSE(expected.empty());
      std::vector<std::string> got_paths, expected_paths;
      for (const auto& [p, _] : got) got_paths.push_back(p);
      for (const auto& [p, _] : expected) expected_paths.push_back(p);
      CHECK(got_paths == expected_paths);
      for (const auto& [path, bytes] : expected) {
        INFO(path << " differs: run scripts/update-expected.sh and review the diff if the change "
                     "is intended");
        CHECK((got.count(path) && got.at(path) == bytes));
      }
      CHECK(broken_relative_links(out).empty());
    }
  }
}

TEST_CASE("fixture: drafts are left out unless asked for", "[e2e]") {
  const auto site = (source_dir / "tests/fixtures/sites/basic").string();
  auto out = scratch("fixture-drafts") / "output";
  REQUIRE(run_carnet({"build", site, "-o", out.string(), "-q"}).status == 0);
  CHECK_FALSE(fs::exists(out / "rapports/brouillon/index.html"));
  REQUIRE(run_carnet({"build", site, "-o", out.string(), "-q", "--drafts"}).status == 0);
  CHECK(fs::exists(out / "rapports/brouillon/index.html"));
}

TEST_CASE("fixture: CNAME, .nojekyll and static files", "[e2e]") {
  auto out = scratch("fixture-files") / "output";
  REQUIRE(run_carnet({"build", (source_dir / "tests/fixtures/sites/basic").string(), "-o",
                      out.string(), "-q"})
              .status == 0);
  CHECK(carnet::base::read_file(out / "CNAME") == "plans.example.org\n");
  CHECK(fs::exists(out / ".nojekyll"));
  CHECK(fs::exists(out / "img/logo.svg"));
}

TEST_CASE("fixture: languages in sub-folders get a language chooser at the root", "[e2e]") {
  auto out = scratch("fixture-chooser") / "output";
  REQUIRE(run_carnet({"build", (source_dir / "tests/fixtures/sites/subdir").string(), "-o",
                      out.string(), "-q"})
              .status == 0);
  auto root = carnet::base::read_file(out / "index.html");
  CHECK(root.find("href=\"fr/\"") != std::string::npos);
  CHECK(root.find("href=\"en/\"") != std::string::npos);
  CHECK(fs::exists(out / "fr/equipe/index.html"));
  CHECK(fs::exists(out / "en/team/index.html"));
}
