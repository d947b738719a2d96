#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "write/publisher.hpp"

namespace fs = std::filesystem;
using carnet::base::OutputFile;

namespace {
fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("carnet-publisher-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("publish replaces the output folder's content", "[write]") {
  auto dir = fresh_dir("replace");
  auto out = dir / "output";
  carnet::write::publish(out, {{"index.html", "un", ""}, {"en/index.html", "one", ""}});
  CHECK(carnet::base::read_file(out / "en/index.html") == "one");
  carnet::base::write_file(out / ".git/HEAD", "ref");  // a gh-pages worktree
  carnet::write::publish(out, {{"index.html", "deux", ""}});
  CHECK(carnet::base::read_file(out / "index.html") == "deux");
  CHECK_FALSE(fs::exists(out / "en"));
  CHECK(fs::exists(out / ".git/HEAD"));
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  CHECK_FALSE(fs::exists(out / ".carnet-retired"));
}

TEST_CASE("publish refuses paths that leave the output folder, writing nothing", "[write]") {
  auto dir = fresh_dir("escape");
  auto out = dir / "output";
  carnet::write::publish(out, {{"index.html", "avant", ""}});
  for (const char* bad : {"../evil.html", "/tmp/evil.html", "a/../../evil.html"}) {
    CHECK_THROWS_AS(carnet::write::publish(out, {{"index.html", "après", ""}, {bad, "x", ""}}),
                    carnet::base::SystemError);
  }
  CHECK(carnet::base::read_file(out / "index.html") == "avant");
  CHECK_FALSE(fs::exists(dir / "evil.html"));
}

TEST_CASE("a failed write leaves the old output as it was", "[write]") {
  auto dir = fresh_dir("fail");
  auto out = dir / "output";
  carnet::write::publish(out, {{"index.html", "avant", ""}});
  CHECK_THROWS(carnet::write::publish(
      out,
      {{"index.html", "après", ""}, {"img/x.png", "", (dir / "does-not-exist.png").string()}}));
  CHECK(carnet::base::read_file(out / "index.html") == "avant");
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  // A failed first build does not leave an empty output folder behind.
  CHECK_THROWS(carnet::write::publish(dir / "new-output", {{"a", "", (dir / "missing").string()}}));
  CHECK_FALSE(fs::exists(dir / "new-output"));
}
