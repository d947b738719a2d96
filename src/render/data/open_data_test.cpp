#include "render/data/open_data.hpp"

#include <catch2/catch.hpp>

#include "render/data/json_values.hpp"

using namespace carnet;

TEST_CASE("open data: progress is rounded to one decimal, null when nothing counts",
          "[open-data]") {
  auto written = [](std::optional<double> p) {
    std::string out;
    render::data::JsonWriter(out).value(render::data::rounded_progress(p));
    return out;
  };
  CHECK(written(100.0 / 3) == "33.3");
  CHECK(written(50.0) == "50.0");
  CHECK(written(std::nullopt) == "null");
}

TEST_CASE("open data: the files of a plan", "[open-data]") {
  model::Plan plan;
  plan.name = "x";
  auto files = model::data_files(plan, "fr");
  REQUIRE(files.size() == 2);
  CHECK(files[0].format == "csv");
  CHECK(files[0].path == "data/x.fr.csv");
  CHECK(files[1].format == "json");
  CHECK(files[1].path == "data/x.json");
  CHECK(model::data_schema_path() == "data/plan.schema.json");
}

TEST_CASE("open data: a site without plans gets no data folder", "[open-data]") {
  model::Site site;
  CHECK(render::data::site_data_files(site).empty());
  site.plans.emplace_back();
  site.plans.back().name = "x";
  const auto files = render::data::site_data_files(site);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == model::data_schema_path());
  CHECK(files[0].bytes == render::data::plan_schema());
}

TEST_CASE("open data: CSV cells are quoted as spreadsheets expect", "[open-data]") {
  model::Site site;
  model::Plan plan;
  plan.name = "x";
  plan.title = model::make_text("fr", "Plan, \"cité\"");
  plan.levels = {model::make_text("fr", "Axe")};
  model::PlanSection s;
  s.id = "a";
  s.code = "1";
  s.title = model::make_text("fr", "Premier axe");
  model::Action a;
  a.id = "b";
  a.code = "1.1";
  a.title = model::make_text("fr", "Une action");
  a.status = model::Status::in_progress;
  s.actions.push_back(a);
  plan.sections.push_back(s);
  const std::string csv = render::data::plan_csv(site, plan, "fr");
  CHECK(csv.starts_with("\xEF\xBB\xBF\"Plan, \"\"cité\"\"\",,,,"));
  CHECK(csv.find("1. Premier axe,a,1,,") != std::string::npos);
  CHECK(csv.find("1. Premier axe,b,1.1,Une action,En cours\r\n") != std::string::npos);
}
