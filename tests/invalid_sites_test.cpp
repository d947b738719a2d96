// One folder per invalid-input case (tests/fixtures/invalid/NAME/): the build
// must fail with exactly the lines of expected-errors.txt, exit status 1, and
// leave the output folder exactly as it was.
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "write/manifest.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

TEST_CASE("invalid sites: exact errors, exit 1, output untouched", "[e2e]") {
  const auto cases_dir = source_dir / "tests/fixtures/invalid";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(cases_dir))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 10);
  for (const auto& c : cases) {
    SECTION(c.filename().string()) {
      auto work = scratch("invalid-" + c.filename().string());
      auto out = work / "output";
      // A previous build's output, with the manifest every build writes.
      const std::vector<carnet::base::OutputFile> previous{
          {".nojekyll", "", ""},
          {"index.html", "previous build", ""},
          {"en/old/index.html", "previous page", ""}};
      for (const auto& f : previous) carnet::base::write_file(out / f.path, f.bytes);
      carnet::base::write_file(out / ".carnet-output", carnet::write::manifest_text(previous));
      const auto before = read_tree(out);

      auto r = run_carnet({"build", (c / "site").string(), "-o", out.string()});
      INFO(r.err);
      CHECK(r.status == 1);
      auto expected = lines_of(carnet::base::read_file(c / "expected-errors.txt"));
      auto got = lines_of(r.err);
      // The last line counts the errors for a person.
      REQUIRE_FALSE(got.empty());
      CHECK(got.back() == std::to_string(expected.size()) +
                              (expected.size() == 1 ? " error" : " errors") +
                              "; nothing was written");
      got.pop_back();
      CHECK(got == expected);
      CHECK(read_tree(out) == before);
    }
  }
}

TEST_CASE("a folder that is not a site is an error", "[e2e]") {
  auto work = scratch("not-a-site");
  auto r = run_carnet({"build", work.string(), "-o", (work / "output").string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("carnet.yaml: error: no carnet.yaml in") != std::string::npos);
  CHECK_FALSE(fs::exists(work / "output"));
}

TEST_CASE("wrong usage exits with status 2", "[e2e]") {
  CHECK(run_carnet({"build", "--no-such-flag"}).status == 2);
  CHECK(run_carnet({"frobnicate"}).status == 2);
  CHECK(run_carnet({}).status == 2);
  // --base-url gets the check base_url gets in carnet.yaml.
  auto work = scratch("bad-base-url");
  auto bad = run_carnet({"build", (source_dir / "tests/fixtures/sites/basic").string(), "-o",
                         (work / "out").string(), "--base-url", "example.org/sub"});
  CHECK(bad.status == 2);
  CHECK(bad.err ==
        "carnet: error: --base-url: expected an address such as https://org.github.io/site/, "
        "not \"example.org/sub\"\n");
  CHECK_FALSE(fs::exists(work / "out"));
  auto help = run_carnet({"--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("build") != std::string::npos);
}
