// `carnet new` and `carnet import` through the real binary: the starter site
// builds at once and publishes with the official GitHub Pages actions; a
// spreadsheet becomes a plan the site loads.
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "cli/build_pipeline.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::test::run_carnet;

TEST_CASE("new: the starter site builds at once and publishes to GitHub Pages", "[authoring]") {
  fs::path parent = carnet::test::scratch("new-site");
  fs::path site = parent / "parc-ex";
  auto made = run_carnet({"new", site.string()});
  INFO(made.err);
  REQUIRE(made.status == 0);
  for (const char* f :
       {"carnet.yaml", "content/_index.fr.md", "content/_index.en.md", "content/a-propos.fr.md",
        "content/about.en.md", "content/plans/plan-action.plan.yaml",
        "content/rapports/_index.fr.md", "content/rapports/2024-bilan.fr.md",
        ".github/workflows/pages.yml", "README.md", ".gitignore"}) {
    INFO(f);
    CHECK(fs::is_regular_file(site / f));
  }
  CHECK(carnet::base::read_file(site / "carnet.yaml").find("https://example.github.io/parc-ex/") !=
        std::string::npos);

  const std::string workflow = carnet::base::read_file(site / ".github/workflows/pages.yml");
  CHECK(workflow.find("uses: actions/upload-pages-artifact@") != std::string::npos);
  CHECK(workflow.find("uses: actions/deploy-pages@") != std::string::npos);
  CHECK(workflow.find("uses: actions/configure-pages@") != std::string::npos);
  CHECK(workflow.find("pages: write") != std::string::npos);
  CHECK(workflow.find("id-token: write") != std::string::npos);
  CHECK(workflow.find("--base-url \"${{ steps.pages.outputs.base_url }}/\"") != std::string::npos);
  // Valid YAML, with the deploy job after the build job.
  const carnet::load::yaml::Node wf = carnet::test::yaml_text(workflow);
  CHECK(wf["permissions"]["pages"].as_string() == "write");
  REQUIRE(wf["jobs"]["build"]["steps"].is_sequence());
  CHECK(wf["jobs"]["deploy"]["needs"].as_string() == "build");
  CHECK(wf["jobs"]["deploy"]["environment"]["name"].as_string() == "github-pages");
  std::string last_build_step;
  for (const auto& step : wf["jobs"]["build"]["steps"])
    if (step["uses"]) last_build_step = step["uses"].as_string();
  CHECK(last_build_step.rfind("actions/upload-pages-artifact@", 0) == 0);
  // The whole history, for as-of dates and changes since a tag (PRODUCT.md §6).
  bool full_history = false;
  for (const auto& step : wf["jobs"]["build"]["steps"])
    if (step["uses"] && step["uses"].as_string().rfind("actions/checkout@", 0) == 0)
      full_history = step["with"]["fetch-depth"] && step["with"]["fetch-depth"].as_string() == "0";
  CHECK(full_history);

  auto built = run_carnet({"build", site.string(), "-q"});
  INFO(built.err);
  CHECK(built.status == 0);
  CHECK(fs::is_regular_file(site / "output/index.html"));
  CHECK(fs::is_regular_file(site / "output/en/index.html"));
  CHECK(fs::is_regular_file(site / "output/plans/plan-action-2024-2026/index.html"));
  CHECK(fs::is_regular_file(site / "output/en/reports/2024-review/index.html"));
  CHECK(fs::is_regular_file(site / "output/en/index.xml"));
  CHECK(carnet::test::broken_relative_links(site / "output").empty());

  // The starter's translations are recorded as up to date, so a French text
  // edited afterwards is reported as out of date from the first day.
  CHECK(fs::is_regular_file(site / ".carnet/translations.yaml"));
  auto clean = run_carnet({"check", site.string(), "--strict"});
  INFO(clean.err);
  CHECK(clean.status == 0);
  const fs::path plan = site / "content/plans/plan-action.plan.yaml";
  std::string yaml = carnet::base::read_file(plan);
  const std::string before = "fr: \"Un logement abordable pour tous\"";
  REQUIRE(yaml.find(before) != std::string::npos);
  yaml.replace(yaml.find(before), before.size(),
               "fr: \"Un logement abordable pour toutes et tous\"");
  carnet::base::write_file(plan, yaml);
  auto stale = run_carnet({"check", site.string()});
  CHECK(stale.status == 0);
  CHECK(stale.err.find("the English (en) text of the title of") != std::string::npos);
  CHECK(stale.err.find("is out of date") != std::string::npos);
  CHECK(stale.out.find("1 out of date") != std::string::npos);
  CHECK(run_carnet({"check", site.string(), "--strict"}).status == 1);

  // A second `new` into the same folder refuses, and changes nothing.
  auto again = run_carnet({"new", site.string()});
  CHECK(again.status == 2);
  CHECK(again.err.find("already exists") != std::string::npos);
}

TEST_CASE("new: the starter files load with no error and no warning", "[authoring]") {
  carnet::cli::BuildOptions options;
  options.booklets = false;
  auto result = carnet::cli::build_site(carnet::test::source_dir / "starter", options);
  for (const auto& d : result.diags.sorted()) UNSCOPED_INFO(d.format());
  CHECK(result.diags.empty());
  CHECK(result.files.size() > 15);
}

TEST_CASE("import: a Parc-Extension-shaped spreadsheet becomes a plan the site builds",
          "[authoring]") {
  fs::path parent = carnet::test::scratch("import-site");
  fs::path site = parent / "site";
  const fs::path starter = carnet::test::source_dir / "starter";
  fs::copy(starter, site, fs::copy_options::recursive);
  const std::string csv =
      (carnet::test::source_dir / "tests/fixtures/authoring-import/parc-extension.csv").string();
  const std::string out = (site / "content/plans/parc-ex.plan.yaml").string();
  auto imported = run_carnet({"import", csv, "-o", out});
  INFO(imported.err);
  REQUIRE(imported.status == 0);
  CHECK(carnet::base::read_file(out) ==
        carnet::base::read_file(carnet::test::source_dir /
                                "tests/fixtures/authoring-import/parc-extension.plan.yaml"));
  auto built = run_carnet({"build", site.string(), "-q"});
  INFO(built.err);
  CHECK(built.status == 0);
  CHECK(fs::is_regular_file(site / "output/plans/parc-ex/index.html"));

  // An existing file is not replaced without --force; unknown columns are
  // errors and nothing is written.
  CHECK(run_carnet({"import", csv, "-o", out}).status == 2);
  auto misnamed = run_carnet({"import", csv, "-o", (site / "content/plans/x.yaml").string()});
  CHECK(misnamed.status == 2);
  CHECK(misnamed.err.find("a plan file's name ends in .plan.yaml") != std::string::npos);
  CHECK_FALSE(fs::exists(site / "content/plans/x.yaml"));
  carnet::base::write_file(parent / "bad.csv", "Orientation;Action;Budget\nA;B;100\n");
  auto bad = run_carnet(
      {"import", (parent / "bad.csv").string(), "-o", (parent / "bad.plan.yaml").string()});
  CHECK(bad.status == 1);
  CHECK(carnet::test::lines_of(bad.err).front().rfind(
            (parent / "bad.csv").string() + ":1:20: error: unknown column \"Budget\" (column C)",
            0) == 0);
  CHECK_FALSE(fs::exists(parent / "bad.plan.yaml"));
}
