#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "write/manifest.hpp"
#include "write/output_folder.hpp"
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

TEST_CASE("publish makes nested folders and reports a folder or file it cannot make", "[write]") {
  auto dir = fresh_dir("folders");
  auto out = dir / "output";
  carnet::write::publish(
      out,
      {{"a/b/c/index.html", "c", ""}, {"a/index.html", "a", ""}, {"a-b/index.html", "ab", ""}});
  CHECK(carnet::base::read_file(out / "a/b/c/index.html") == "c");
  CHECK(carnet::base::read_file(out / "a-b/index.html") == "ab");
  // A name longer than a file system allows (255 bytes): the folder, then the file.
  const std::string too_long(300, 'x');
  for (const std::string& bad : {too_long + "/index.html", too_long + ".html"}) {
    try {
      carnet::write::publish(out, {{"index.html", "après", ""}, {bad, "x", ""}});
      FAIL("publish wrote " << bad);
    } catch (const carnet::base::SystemError& e) {
      const std::string what = e.what();
      CHECK(what.find(bad.find('/') != std::string::npos ? "creating '" : "writing '") !=
            std::string::npos);
      CHECK(what.find(too_long) != std::string::npos);
    }
    CHECK(carnet::base::read_file(out / "a/index.html") == "a");
    CHECK_FALSE(fs::exists(out / "index.html"));
    CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  }
  // A file where another file needs a folder.
  CHECK_THROWS_AS(carnet::write::publish(out, {{"p", "x", ""}, {"p/index.html", "y", ""}}),
                  carnet::base::SystemError);
  CHECK(carnet::base::read_file(out / "a/index.html") == "a");
}

TEST_CASE("publish writes a large batch whose folders nest and share parents", "[write]") {
  // The shapes of a site: pages each in a folder of one section, the
  // search index's folders of many files, deep chains; written by the two
  // cores folder by folder, each waiting for its folder to be made.
  auto dir = fresh_dir("large-batch");
  auto out = dir / "output";
  std::vector<OutputFile> files;
  for (int i = 0; i < 400; ++i) {
    const std::string n = std::to_string(i);
    files.push_back({"articles/page-" + n + "/index.html", "page " + n, ""});
    files.push_back({"search/fr/d/" + n + ".json", "[" + n + "]", ""});
    files.push_back({"en/notes/page-" + n + "/index.html", "note " + n, ""});
  }
  files.push_back({"a/b/c/d/e/f/g/index.html", "deep", ""});
  files.push_back({"articles/index.html", "section", ""});
  files.push_back({"index.html", "home", ""});
  carnet::write::publish(out, files);
  for (const auto& f : files) CHECK(carnet::base::read_file(out / f.path) == f.bytes);
  size_t written = 0;
  for (const auto& e : fs::recursive_directory_iterator(out))
    written += e.is_regular_file() && e.path().filename() != ".carnet-output";
  CHECK(written == files.size());

  // A folder that cannot be made (a name past 255 bytes), with hundreds of
  // folders and files beneath it waiting for it: an error, not a hang.
  const std::string too_long(300, 'y');
  std::vector<OutputFile> bad = {{"index.html", "après", ""}};
  for (int i = 0; i < 300; ++i)
    bad.push_back({too_long + "/p" + std::to_string(i) + "/index.html", "x", ""});
  CHECK_THROWS_AS(carnet::write::publish(out, bad), carnet::base::SystemError);
  // The error is the folder's, whichever task met the failure first.
  for (int run = 0; run < 20; ++run) {
    try {
      carnet::write::publish(out, bad);
      FAIL("publish wrote " << too_long);
    } catch (const carnet::base::SystemError& e) {
      const std::string what = e.what();
      CHECK(what.find("creating '") != std::string::npos);
      CHECK(what.find(too_long) != std::string::npos);
    }
  }
  CHECK(carnet::base::read_file(out / "index.html") == "home");
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
}

namespace {

// The output as a reader sees it: every file but Carnet's bookkeeping.
std::map<std::string, std::string> site_tree(const fs::path& out) {
  std::map<std::string, std::string> tree;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const auto rel = e.path().lexically_relative(out).generic_string();
    if (rel.rfind(".carnet-", 0) == 0 || rel.rfind(".git/", 0) == 0 || !e.is_regular_file())
      continue;
    tree[rel] = carnet::base::read_file(e.path());
  }
  return tree;
}

struct SimulatedKill {};

}  // namespace

TEST_CASE("publish writes a manifest of what it wrote", "[write]") {
  auto out = fresh_dir("manifest") / "output";
  carnet::write::publish(out, {{"index.html", "un", ""}, {"en/index.html", "one", ""}});
  CHECK(carnet::base::read_file(out / ".carnet-output").find("\nen/index.html\nindex.html\n") !=
        std::string::npos);
  auto listed = carnet::write::read_manifest(out);
  REQUIRE(listed);
  CHECK(*listed == std::set<std::string>{"en/index.html", "index.html"});
  CHECK_FALSE(carnet::write::read_manifest(out / "en"));
}

TEST_CASE("publish refuses outputs named like Carnet's bookkeeping or .git", "[write]") {
  auto out = fresh_dir("reserved") / "output";
  for (const char* bad : {".carnet-output", ".carnet-swap", ".git/config", ".carnet-staging/x"})
    CHECK_THROWS_AS(carnet::write::publish(out, {{bad, "x", ""}}), carnet::base::SystemError);
}

TEST_CASE("a build killed at any step of the swap is put back whole by the next", "[write]") {
  const std::vector<OutputFile> old_build{
      {"index.html", "ancien", ""}, {"a/index.html", "A", ""}, {"z.css", "old", ""}};
  const std::vector<OutputFile> new_build{
      {"index.html", "nouveau", ""}, {"b/index.html", "B", ""}, {"z.css", "new", ""}};
  const std::vector<OutputFile> next_build{{"index.html", "suivant", ""}};
  std::map<std::string, std::string> old_tree, new_tree;
  for (const auto& f : old_build) old_tree[f.path] = f.bytes;
  for (const auto& f : new_build) new_tree[f.path] = f.bytes;

  // The steps of a whole swap, to stop after each in turn.
  auto out = fresh_dir("steps") / "output";
  carnet::write::publish(out, old_build);
  std::vector<std::string> steps;
  carnet::write::publish(out, new_build, [&](std::string_view s) { steps.emplace_back(s); });
  REQUIRE(steps.size() >= 8);

  for (size_t k = 0; k < steps.size(); ++k) {
    INFO("killed after step " << k << ": " << steps[k]);
    out = fresh_dir("kill") / "output";
    carnet::write::publish(out, old_build);
    carnet::base::write_file(out / ".git/HEAD", "ref");
    size_t n = 0;
    CHECK_THROWS_AS(carnet::write::publish(out, new_build,
                                           [&](std::string_view) {
                                             if (n++ == k) throw SimulatedKill{};
                                           }),
                    SimulatedKill);
    // The folder is still Carnet's: the next build accepts it.
    CHECK(carnet::write::refuse_output_folder(out, out.parent_path() / "site").empty());
    // And it holds one whole output, old or new, with nothing left over.
    const auto now = site_tree(out);
    CHECK(fs::exists(out / ".carnet-output"));
    CHECK_FALSE(fs::exists(out / ".carnet-staging"));
    CHECK_FALSE(fs::exists(out / ".carnet-retired"));
    CHECK_FALSE(fs::exists(out / ".carnet-swap"));
    CHECK(fs::exists(out / ".git/HEAD"));
    // Until the journal says the new entries move in, the old output is the
    // one kept; from then on, the new one.
    const bool before_install =
        steps[k] == "staged" || steps[k] == "journal retire" || steps[k].rfind("retire ", 0) == 0;
    CHECK(now == (before_install ? old_tree : new_tree));
    carnet::write::publish(out, next_build);
    CHECK(site_tree(out) == std::map<std::string, std::string>{{"index.html", "suivant"}});
  }
}

TEST_CASE("a staging folder left by a killed build is removed by the next", "[write]") {
  auto out = fresh_dir("staging") / "output";
  carnet::write::publish(out, {{"index.html", "un", ""}});
  carnet::base::write_file(out / ".carnet-staging/index.html", "moitié");
  carnet::base::write_file(out / ".carnet-swap.carnet-tmp", "ret");
  CHECK(carnet::write::refuse_output_folder(out, out.parent_path() / "site").empty());
  carnet::write::publish(out, {{"index.html", "deux", ""}});
  CHECK(site_tree(out) == std::map<std::string, std::string>{{"index.html", "deux"}});
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  CHECK_FALSE(fs::exists(out / ".carnet-swap.carnet-tmp"));
}

TEST_CASE("Staging writes batches, and commits them as one output", "[write]") {
  auto dir = fresh_dir("staging-batches");
  auto out = dir / "output";
  carnet::write::publish(out, {{"index.html", "avant", ""}});
  {
    carnet::write::Staging staging(out);
    staging.add(std::vector<OutputFile>{{"search/fr/a.json", "[]", ""}});
    // Written now, before the commit; the output is still the old one.
    CHECK(carnet::base::read_file(out / ".carnet-staging/search/fr/a.json") == "[]");
    CHECK(carnet::base::read_file(out / "index.html") == "avant");
    staging.add(
        std::vector<OutputFile>{{"index.html", "après", ""}, {"search/en/a.json", "{}", ""}});
    CHECK(staging.size() == 3);
    staging.commit();
  }
  CHECK(carnet::base::read_file(out / "index.html") == "après");
  CHECK(carnet::base::read_file(out / "search/fr/a.json") == "[]");
  CHECK(carnet::base::read_file(out / ".carnet-output") ==
        carnet::write::manifest_text(std::vector<OutputFile>{
            {"index.html", "", ""}, {"search/en/a.json", "", ""}, {"search/fr/a.json", "", ""}}));
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
}

TEST_CASE("an uncommitted Staging leaves the output as it was", "[write]") {
  auto dir = fresh_dir("staging-dropped");
  auto out = dir / "output";
  carnet::write::publish(out, {{"index.html", "avant", ""}});
  {
    carnet::write::Staging staging(out);
    staging.add(std::vector<OutputFile>{{"index.html", "après", ""}, {"new.html", "x", ""}});
    // The same path in a later batch is refused like a duplicate in one.
    CHECK_THROWS_AS(staging.add(std::vector<OutputFile>{{"new.html", "y", ""}}),
                    carnet::base::SystemError);
  }
  CHECK(carnet::base::read_file(out / "index.html") == "avant");
  CHECK_FALSE(fs::exists(out / "new.html"));
  CHECK_FALSE(fs::exists(out / ".carnet-staging"));
  {
    carnet::write::Staging staging(dir / "new-output");
    staging.add(std::vector<OutputFile>{{"index.html", "x", ""}});
  }
  CHECK_FALSE(fs::exists(dir / "new-output"));
}
