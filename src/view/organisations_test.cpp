#include <catch2/catch.hpp>

#include "view/organisations.hpp"

using namespace carnet;

namespace {

model::LocalizedText fr_en(std::string fr, std::string en, int line = 0) {
  model::LocalizedText t;
  t.text["fr"] = std::move(fr);
  t.lang_pos["fr"] = {"content/p.plan.yaml", line, 5};
  if (!en.empty()) t.text["en"] = std::move(en);
  return t;
}

model::Action action(std::string id, std::vector<model::LocalizedText> leads,
                     std::vector<model::LocalizedText> partners,
                     model::Status status = model::Status::planned) {
  model::Action a;
  a.id = a.code = std::move(id);
  a.title = fr_en("Action " + a.id, "Action " + a.id);
  a.status = status;
  a.fields.set("leads").texts = std::move(leads);
  if (!partners.empty()) a.fields.set("partners").texts = std::move(partners);
  return a;
}

model::Site site_with_plans() {
  model::Site site;
  for (const char* lang : {"fr", "en"}) site.words.by_lang[lang]["status_planned"] = "x";
  model::Plan plan;
  plan.name = "p";
  plan.source = "content/p.plan.yaml";
  plan.title = fr_en("Plan", "Plan");
  plan.levels = {fr_en("Axe", "Axis")};
  plan.url = {{"fr", "plans/p/"}, {"en", "en/plans/p/"}};
  model::PlanSection axis;
  axis.id = "axe";
  axis.code = "1";
  axis.title = fr_en("Axe un", "Axis one");
  axis.actions.push_back(action("1.1", {fr_en("CLSC de Lachine", "Lachine CLSC", 10)},
                                {fr_en("Table de quartier", "", 11)}, model::Status::done));
  axis.actions.push_back(action("1.2", {fr_en("C.L.S.C.", "", 12)}, {}));
  axis.actions.push_back(action("1.3", {fr_en("table de Quartier", "", 13)},
                                {fr_en("Écoles", "Schools", 14), fr_en("ecoles", "", 15)}));
  axis.actions.push_back(action("1.4", {fr_en("TDQ", "", 16)}, {}));
  plan.sections.push_back(axis);
  site.plans.push_back(plan);
  model::OrganisationEntry clsc;
  clsc.id = "clsc";
  clsc.name = fr_en("CLSC de Lachine", "Lachine CLSC");
  clsc.aliases = {"C.L.S.C."};
  site.organisations.push_back(clsc);
  return site;
}

const view::OrganisationView* page(const std::vector<view::OrganisationView>& pages,
                                   const std::string& slug) {
  for (const auto& p : pages)
    if (p.slug == slug) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("organisations: names resolve to the registry or to themselves",
          "[view][organisations]") {
  const auto site = site_with_plans();
  const auto index = view::index_organisations(site);
  REQUIRE(index.orgs.size() == 4);
  CHECK(index.orgs[0].slug == "clsc");
  CHECK(index.orgs[0].entry == std::optional<size_t>(0));
  // An alias merges; case and accents do not make another organisation.
  CHECK(index.find("C.L.S.C.") == index.find("clsc de lachine"));
  CHECK(index.find("Table de quartier") == index.find("TABLE DE QUARTIER"));
  CHECK(index.find("ecoles") == index.find("Écoles"));
  CHECK(index.find_org("Table de quartier")->slug == "table-de-quartier");
  CHECK(index.find_org("Écoles")->slug == "ecoles");
  CHECK(!index.find("Nobody"));
}

TEST_CASE("organisations: a page lists what each leads and supports", "[view][organisations]") {
  const auto site = site_with_plans();
  const auto index = view::index_organisations(site);
  std::vector<view::PlanDisplay> displays;
  for (const auto& plan : site.plans) displays.push_back(view::display_plan(site, plan, "en"));
  const auto pages = view::organisation_views(site, index, "en", displays);
  const auto* clsc = page(pages, "clsc");
  REQUIRE(clsc);
  CHECK(clsc->url == "en/organisations/clsc/");
  CHECK(clsc->name.value == "Lachine CLSC");
  CHECK(clsc->actions == 2);
  REQUIRE(clsc->leads.size() == 1);
  REQUIRE(clsc->leads[0].levels.size() == 1);
  CHECK(clsc->leads[0].levels[0].url == "en/plans/p/#axe");
  REQUIRE(clsc->leads[0].levels[0].actions.size() == 2);
  CHECK(clsc->leads[0].levels[0].actions[0].url == "en/plans/p/#1.1");
  CHECK(clsc->partners.empty());
  CHECK(clsc->counts[static_cast<int>(model::Status::done)].count == 1);
  CHECK(clsc->counts[static_cast<int>(model::Status::planned)].count == 1);

  const auto* table = page(pages, "table-de-quartier");
  REQUIRE(table);
  CHECK(table->actions == 2);  // 1.1 as partner, 1.3 as lead
  CHECK(table->leads[0].levels[0].actions.size() == 1);
  CHECK(table->partners[0].levels[0].actions.size() == 1);
  // Named twice in one action (two spellings): listed once.
  const auto* schools = page(pages, "ecoles");
  REQUIRE(schools);
  CHECK(schools->actions == 1);
  CHECK(schools->partners[0].levels[0].actions.size() == 1);
  // Sorted by name in the page's language, accents aside.
  std::vector<std::string> names;
  for (const auto& p : pages) names.push_back(p.name.value);
  CHECK(names == std::vector<std::string>{"Lachine CLSC", "Schools", "Table de quartier", "TDQ"});
}

TEST_CASE("organisations: look-alike names are found, registry aliases are not",
          "[view][organisations]") {
  auto site = site_with_plans();
  site.plans[0].sections[0].actions.push_back(
      action("1.5", {fr_en("Table-de-quartier.", "", 20)}, {}));
  const auto index = view::index_organisations(site);
  const auto found = view::look_alike_organisations(index);
  REQUIRE(found.size() == 3);
  CHECK(found[0].a.text == "Table de quartier");
  CHECK(found[0].a.pos.line == 11);
  CHECK(found[0].b.text == "TDQ");
  CHECK(found[0].reason == "one is the acronym of the other");
  CHECK(found[1].b.text == "Table-de-quartier.");
  CHECK(found[1].b.pos.line == 20);
  CHECK(found[1].reason == "they differ only in case, accents, punctuation or spaces");
  CHECK(found[2].a.text == "TDQ");
  CHECK(found[2].b.text == "Table-de-quartier.");
}
