// Whole sites that the hostile round of issue 13 built wrongly: symbolic
// links in static/ (item 9: a loop "img/parent -> .." published one photo 41
// times), a file name too long for the outputs, a file name with a line break.
// Each is an error naming its source; the output folder is left as it was.
#include <catch2/catch.hpp>
#include <fstream>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

TEST_CASE("build and check: a symlink loop or a link to a published folder in static/",
          "[e2e][harden]") {
  const auto dir = scratch("static-links");
  const auto site = dir / "site";
  fs::copy(source_dir / "tests/fixtures/sites/basic", site, fs::copy_options::recursive);
  const auto out = dir / "output";
  REQUIRE(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  const auto before = read_tree(out);

  fs::create_directory_symlink("..", site / "static/img/parent");
  for (const char* command : {"build", "check"}) {
    INFO(command);
    auto r = command == std::string("build")
                 ? run_carnet({"build", site.string(), "-o", out.string(), "-q"})
                 : run_carnet({"check", site.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("static/img/parent': the link leads back to '.', a folder that holds it "
                     "(a loop)") != std::string::npos);
    CHECK(lines_of(r.err).size() == 1);
  }
  CHECK(read_tree(out) == before);

  fs::remove(site / "static/img/parent");
  fs::create_directory_symlink("img", site / "static/images");
  auto r = run_carnet({"build", site.string(), "-o", out.string(), "-q"});
  CHECK(r.status == 1);
  CHECK(r.err.find("static/images': the link leads to 'img', which is published already") !=
        std::string::npos);
  CHECK(read_tree(out) == before);
}

TEST_CASE("build: a plan whose booklet name would be too long is a content error",
          "[e2e][harden]") {
  const auto dir = scratch("long-name");
  const auto site = dir / "site";
  carnet::base::write_file(site / "carnet.yaml",
                           "title: T\nlanguages: [fr, en]\nbase_url: \"https://example.org/\"\n"
                           "booklet: {formats: [pdf], imposition: saddle-stitch}\n");
  const std::string name(240, 'p');
  // Written directly: write_file's temporary name would itself be too long.
  fs::create_directories(site / "content/plans");
  std::ofstream(site / "content/plans" / (name + ".plan.yaml"))
      << "title: Plan\nupdated: 2024-01-01\nlevels: [Axe]\nsections:\n  - title: A\n"
         "    actions:\n      - title: B\n";
  const auto out = dir / "output";
  auto r = run_carnet({"build", site.string(), "-o", out.string(), "-q"});
  CHECK(r.status == 1);
  CHECK(r.err.find("content/plans/" + name + ".plan.yaml: error: the output file 'booklets/" +
                   name +
                   ".fr.saddle-stitch.pdf' would have a name of 261 bytes; file systems "
                   "allow 255: shorten the file's name") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("check: a file name with a line break stays on one diagnostic line", "[e2e][harden]") {
  const auto dir = scratch("newline-name");
  const auto site = dir / "site";
  fs::copy(source_dir / "tests/fixtures/sites/basic", site, fs::copy_options::recursive);
  carnet::base::write_file(site / "content/bad\nname.fr.md", "---\ntitle: [\n---\n");
  auto r = run_carnet({"check", site.string()});
  CHECK(r.status == 1);
  CHECK(r.err.find("content/bad\\nname.fr.md:3:1: error: invalid YAML") != std::string::npos);
  for (const auto& line : lines_of(r.err)) CHECK_FALSE(line.starts_with("name.fr.md"));
}
