// Commands that write one file (`carnet booklet`, `carnet translations
// export`, `carnet import`) never write over the site's sources or over a
// file that is not their own output without --force. (The translation
// commands are tested in authoring_translations_test.cpp.)
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::base::read_file;
using carnet::base::write_file;
using carnet::test::run_carnet;

TEST_CASE("booklet: refuses to write over a source or someone's file", "[e2e]") {
  const fs::path work = carnet::test::scratch("overwrite-booklet");
  const fs::path site = work / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/sites/basic", site,
           fs::copy_options::recursive);
  const fs::path plan = site / "content/plans/plan.plan.yaml";
  write_file(site / "static/rapport.epub", "the round table's own report");
  const auto sources = carnet::test::read_tree(site);

  for (const fs::path& target : {plan, site / "carnet.yaml", site / "static/rapport.epub"}) {
    INFO(target);
    auto r = run_carnet({"booklet", plan.string(), "--format", "epub", "-o", target.string()});
    CHECK(r.status == 2);
    CHECK(r.err.find("--force") != std::string::npos);
  }
  CHECK(carnet::test::read_tree(site) == sources);

  const fs::path letter = work / "lettre.odt";
  write_file(letter, "Chère voisine");
  auto r = run_carnet({"booklet", plan.string(), "-o", letter.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("already exists and is not a odt booklet that Carnet wrote") !=
        std::string::npos);
  CHECK(read_file(letter) == "Chère voisine");
  CHECK(run_carnet({"booklet", plan.string(), "-o", letter.string(), "--force"}).status == 0);
  CHECK(read_file(letter).rfind("PK", 0) == 0);

  // A booklet written before is replaced without asking, in every format...
  for (const char* name : {"plan.epub", "plan.odt", "plan.pdf"}) {
    INFO(name);
    const fs::path booklet = work / name;
    CHECK(run_carnet({"booklet", plan.string(), "-o", booklet.string()}).status == 0);
    CHECK(run_carnet({"booklet", plan.string(), "-o", booklet.string()}).status == 0);
  }
  // ...but not someone's own document of the same format.
  write_file(work / "rapport.pdf", "%PDF-1.7\n/Creator (LibreOffice)\n%%EOF\n");
  CHECK(run_carnet({"booklet", plan.string(), "-o", (work / "rapport.pdf").string()}).status == 2);
  CHECK(read_file(work / "rapport.pdf").find("LibreOffice") != std::string::npos);
  CHECK(carnet::test::read_tree(site) == sources);
}

TEST_CASE("import: refuses to write over an existing file without --force", "[e2e]") {
  const fs::path work = carnet::test::scratch("overwrite-import");
  const fs::path csv = work / "plan.csv";
  write_file(csv, "Orientation,Action,Statut\nVivre ensemble,Fête de quartier,planned\n");
  const fs::path target = work / "x.plan.yaml";
  write_file(target, "title: mon plan\n");
  auto r = run_carnet({"import", csv.string(), "-o", target.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("--force") != std::string::npos);
  CHECK(read_file(target) == "title: mon plan\n");
}
