#include <catch2/catch.hpp>

#include "view/plan_display.hpp"

using namespace carnet;

namespace {

model::LocalizedText fr_en(std::string fr, std::string en) {
  model::LocalizedText t;
  t.text["fr"] = std::move(fr);
  if (!en.empty()) t.text["en"] = std::move(en);
  return t;
}

model::Site site_with_plan() {
  model::Site site;
  site.config.booklet.formats = {"pdf"};
  for (const char* lang : {"fr", "en"}) {
    auto& w = site.words.by_lang[lang];
    w["status_in_progress"] = lang == std::string("fr") ? "En cours" : "In progress";
    w["status_planned"] = lang == std::string("fr") ? "Prévue" : "Planned";
    w["field_progress"] = lang == std::string("fr") ? "Avancement" : "Progress";
    w["field_due"] = lang == std::string("fr") ? "Échéance" : "Due";
    w["tracking_late"] = lang == std::string("fr") ? "En retard" : "Late";
    w["percent"] = lang == std::string("fr") ? "{n}\u202f%" : "{n}%";
  }
  model::Plan plan;
  plan.name = "p";
  plan.source = "content/p.plan.yaml";
  plan.title = fr_en("Plan", "Plan");
  plan.levels = {fr_en("Axe", "Axis"), fr_en("Objectif", "Objective")};
  plan.years = {"2021-2022", "2022-2023"};
  plan.columns = {"due"};
  plan.updated = base::Date{2023, 6, 30};
  model::PlanSection axis;
  axis.id = "axe";
  axis.code = "I";
  axis.title = fr_en("Premier axe", "");  // not translated
  model::PlanSection objective;
  objective.id = "obj";
  objective.code = "I.B";
  objective.depth = 1;
  objective.title = fr_en("Objectif", "Objective");
  model::Action a;
  a.id = "a";
  a.code = "I.B.3";
  a.title = fr_en("Agir", "Act");
  a.status = model::Status::in_progress;
  model::Due due;
  due.kind = model::Due::Kind::date;
  due.date = {2022, 12, 31};
  a.fields.set("due").due = due;
  a.fields.set("progress").percent = 40;
  a.fields.set("years").years = {"2022-2023"};
  objective.actions.push_back(a);
  axis.sections.push_back(objective);
  plan.sections.push_back(axis);
  site.plans.push_back(plan);
  return site;
}

}  // namespace

TEST_CASE("view: columns as asked, every other field with the action", "[view]") {
  auto site = site_with_plan();
  auto d = view::display_plan(site, site.plans[0], "fr");
  // `due`, then the year grid (one column per year) since `years` is not listed.
  REQUIRE(d.columns.size() == 3);
  CHECK(d.columns[0].key == "due");
  CHECK(d.columns[0].label == "Échéance");
  CHECK(d.columns[1].key == "year");
  CHECK(d.columns[2].year == "2022-2023");
  const auto& a = d.levels[0].children[0].actions[0];
  CHECK(a.code == "I.B.3");
  CHECK(a.cells[0].items[0].value == "31 décembre 2022");
  CHECK(a.cells[0].iso == "2022-12-31");
  CHECK_FALSE(a.cells[1].mark);
  CHECK(a.cells[2].mark);
  // `progress` is not a column: it comes with the action, never dropped.
  REQUIRE(a.more.size() == 1);
  CHECK(a.more[0].key == "progress");
  CHECK(a.more[0].label == "Avancement");
  CHECK(a.more[0].items[0].value == "40\u202f%");
  CHECK(a.status.word == "En cours");
  CHECK(a.status.colors.strong.hex() ==
        view::status_colors(model::Status::in_progress).strong.hex());
}

TEST_CASE("view: a level's label holds its code once, fallbacks are marked", "[view]") {
  auto site = site_with_plan();
  auto d = view::display_plan(site, site.plans[0], "en");
  const auto& axis = d.levels[0];
  CHECK(axis.label == "Axis I");
  CHECK(axis.children[0].label == "Objective I.B");
  CHECK(axis.title.value == "Premier axe");
  CHECK(axis.title.fallback);
  CHECK(axis.title.lang == "fr");
  CHECK(view::heading_text(axis.children[0]) == "Objective I.B \u2014 Objective");
  REQUIRE(d.booklets.size() == 1);
  CHECK(d.booklets[0].path == "booklets/p.en.pdf");
}

TEST_CASE("view: late actions and rolled-up progress", "[view]") {
  auto site = site_with_plan();
  auto d = view::display_plan(site, site.plans[0], "en");
  const auto& a = d.levels[0].children[0].actions[0];
  CHECK(a.late);  // due 2022-12-31, in progress as of 2023-06-30
  CHECK(a.late_word == "Late");
  CHECK(d.counts.late == 1);
  CHECK(d.as_of_iso == "2023-06-30");
  REQUIRE(d.levels[0].progress);
  CHECK(*d.levels[0].progress == Approx(40));
  CHECK(d.progress_text == "40%");
}

TEST_CASE("view: a plan new since the reference has every action added, as carnet changes says",
          "[view]") {
  auto site = site_with_plan();
  auto h = std::make_shared<model::PlanHistory>();
  h->since = "ag-2012";
  h->since_date = base::Date{2012, 6, 14};
  h->existed_then = false;
  site.plans[0].history = h;
  auto d = view::display_plan(site, site.plans[0], "en");
  REQUIRE(d.changes);
  REQUIRE(d.changes->groups.size() == 1);
  CHECK(d.changes->groups[0].key == "added");
  CHECK(d.changes->groups[0].items[0].id == "a");
  // An old version that cannot be read: no changes section rather than a wrong one.
  h->existed_then = true;
  CHECK_FALSE(view::display_plan(site, site.plans[0], "en").changes);
}
