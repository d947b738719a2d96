// A build replaces everything in its output folder, so `carnet build` refuses
// folders whose files are not its own: the site, a folder above it, a source
// folder, or a folder of someone's files.
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::test::run_carnet;

TEST_CASE("build: refuses an output folder that holds the site or someone's files", "[e2e]") {
  const fs::path work = carnet::test::scratch("output-folder");
  const fs::path site = work / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/sites/basic", site,
           fs::copy_options::recursive);
  const auto sources = carnet::test::read_tree(site);

  for (const fs::path& out : {site, work, site / "content" / "out", site / "static"}) {
    INFO(out);
    auto r = run_carnet({"build", site.string(), "-o", out.string()});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("carnet: error: ", 0) == 0);
    CHECK(carnet::test::read_tree(site) == sources);
  }
  auto self = run_carnet({"build", site.string(), "-o", site.string()});
  CHECK(self.err.find("holds the site itself") != std::string::npos);

  const fs::path mine = work / "documents";
  carnet::base::write_file(mine / "lettre.txt", "Chère voisine");
  auto foreign = run_carnet({"build", site.string(), "-o", mine.string()});
  CHECK(foreign.status == 2);
  CHECK(foreign.err.find("is not empty and was not made by Carnet") != std::string::npos);
  CHECK(carnet::base::read_file(mine / "lettre.txt") == "Chère voisine");

  // A new folder, then the same folder again (Carnet made it), and a folder
  // holding only a Git checkout are fine.
  const fs::path out = work / "public";
  CHECK(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  CHECK(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  const fs::path pages = work / "gh-pages";
  fs::create_directories(pages / ".git");
  CHECK(run_carnet({"build", site.string(), "-o", pages.string(), "-q"}).status == 0);
  CHECK(fs::is_directory(pages / ".git"));
  CHECK(fs::is_regular_file(pages / "index.html"));
}

TEST_CASE("build: .nojekyll is no sign that Carnet made a folder", "[e2e]") {
  const fs::path work = carnet::test::scratch("output-nojekyll");
  const fs::path site = carnet::test::source_dir / "tests/fixtures/sites/basic";
  // A GitHub Pages docs/ folder made by hand.
  const fs::path docs = work / "docs";
  carnet::base::write_file(docs / ".nojekyll", "");
  carnet::base::write_file(docs / "index.html", "<h1>Notre table</h1>");
  carnet::base::write_file(docs / "rapport-2019.pdf", "%PDF-1.4 rapport");
  const auto before = carnet::test::read_tree(docs);
  auto r = run_carnet({"build", site.string(), "-o", docs.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("is not empty and was not made by Carnet") != std::string::npos);
  CHECK(carnet::test::read_tree(docs) == before);
}

TEST_CASE("build: a file added to Carnet's output folder is not deleted", "[e2e]") {
  const fs::path work = carnet::test::scratch("output-foreign");
  const fs::path site = carnet::test::source_dir / "tests/fixtures/sites/basic";
  const fs::path out = work / "public";
  REQUIRE(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  CHECK(fs::is_regular_file(out / ".carnet-output"));
  carnet::base::write_file(out / "google1234.html", "google-site-verification");
  carnet::base::write_file(out / "photos/moi.jpg", "jpeg");
  auto r = run_carnet({"build", site.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("holds files that Carnet did not write (google1234.html, photos/)") !=
        std::string::npos);
  CHECK(carnet::base::read_file(out / "google1234.html") == "google-site-verification");
  fs::remove(out / "google1234.html");
  fs::remove_all(out / "photos");
  CHECK(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
}

TEST_CASE("build: an author's own .carnet- entries are theirs, not Carnet's bookkeeping", "[e2e]") {
  const fs::path work = carnet::test::scratch("output-carnet-named");
  const fs::path site = carnet::test::source_dir / "tests/fixtures/sites/basic";
  const fs::path out = work / "public";
  REQUIRE(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  carnet::base::write_file(out / ".carnet-notes", "mes notes");
  carnet::base::write_file(out / ".carnet-mine/notes.txt", "à garder");
  // A build of a site with errors touches nothing (the folder is refused
  // before the site is read), and a good one refuses the folder, naming the
  // files, without deleting them.
  const fs::path broken = work / "broken";
  fs::copy(site, broken, fs::copy_options::recursive);
  carnet::base::write_file(broken / "carnet.yaml", "title: [\n");
  CHECK(run_carnet({"build", broken.string(), "-o", out.string(), "-q"}).status != 0);
  CHECK(carnet::base::read_file(out / ".carnet-notes") == "mes notes");
  auto r = run_carnet({"build", site.string(), "-o", out.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find(".carnet-mine/") != std::string::npos);
  CHECK(r.err.find(".carnet-notes") != std::string::npos);
  CHECK(carnet::base::read_file(out / ".carnet-notes") == "mes notes");
  CHECK(carnet::base::read_file(out / ".carnet-mine/notes.txt") == "à garder");
}

TEST_CASE("build: a folder an older Carnet made (no manifest) is still accepted", "[e2e]") {
  const fs::path work = carnet::test::scratch("output-older");
  const fs::path site = carnet::test::source_dir / "tests/fixtures/sites/basic";
  const fs::path out = work / "public";
  REQUIRE(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  // What a build wrote before manifests: the same files, without it.
  fs::remove(out / ".carnet-output");
  CHECK(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  CHECK(fs::is_regular_file(out / ".carnet-output"));
  // Without the feed that names Carnet, the same files are someone's.
  fs::remove(out / ".carnet-output");
  fs::remove(out / "index.xml");
  fs::remove(out / "en/index.xml");
  CHECK(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 2);
}
