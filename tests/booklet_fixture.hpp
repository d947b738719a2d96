// A small site built in code for the booklet unit tests: one plan with two
// levels, a table that spans pages, a title missing in English, notes and
// Markdown. Header-only so that it stays in the test binary; under tests/
// because it reads the theme's real words through load/, which a unit test
// of render/ may not include.
#pragma once

#include <string>

#include "load/words_reader.hpp"
#include "model/site.hpp"

namespace carnet::render::booklet::testing {

inline model::LocalizedText both(std::string fr, std::string en) {
  model::LocalizedText t;
  t.text["fr"] = std::move(fr);
  if (!en.empty()) t.text["en"] = std::move(en);
  return t;
}

inline model::Action make_action(int section, int i) {
  model::Action a;
  a.id = "a" + std::to_string(section) + "-" + std::to_string(i);
  a.code = std::to_string(section) + ".1." + std::to_string(i + 1);
  a.title =
      both("Accompagner les organismes communautaires du quartier dans la recherche de locaux " +
               std::to_string(i),
           i == 1 ? ""
                  : "Support the neighbourhood's community organisations looking for premises " +
                        std::to_string(i));
  auto& due = a.fields.set("due").due;
  due = model::Due{};
  due->kind = i % 2 ? model::Due::Kind::ongoing : model::Due::Kind::date;
  due->date = base::Date{2022, 12, 31};
  a.fields.set("leads").texts = {both("Table de quartier", "Round Table")};
  a.fields.set("partners").texts = {both("Arrondissement", "Borough"),
                                    both("Centre de services scolaire", "School service centre")};
  for (int r = 0; r < 3; ++r)
    a.fields.set("results").texts.push_back(
        both("Les services communautaires sont regroupés pour en faciliter l'accès aux résidents.",
             "Community services are brought together so that residents reach them more easily."));
  a.fields.set("indicators").texts = {
      both("Les organismes sont regroupés dans un lieu commun et accessible.",
           "The organisations share a common, accessible place.")};
  a.fields.set("follow_up").texts = {both("Comptes rendus", "Minutes")};
  a.status = static_cast<model::Status>(i % 5);
  if (i % 2 == 0) a.fields.set("progress").percent = 10 * i;
  if (i == 0)
    a.fields.set("notes").notes.push_back(
        {base::Date{2022, 3, 0}, both("Trois scénarios présentés.", "Three scenarios presented.")});
  return a;
}

inline model::Site fixture_site() {
  model::Site site;
  site.root = "/nonexistent";
  site.config.title = both("Table de quartier", "Round Table");
  site.config.base_url = "https://example.org/";
  site.config.organization.name = both("Table de quartier de l'Essai", "Test Round Table");
  site.config.organization.email = "essai@example.org";
  model::Plan plan;
  plan.source = "content/plans/essai.plan.yaml";
  plan.dir = "plans";
  plan.name = "essai";
  plan.title = both("Plan d'action 2021-2023", "Action Plan 2021-2023");
  plan.period_start = 2021;
  plan.period_end = 2023;
  plan.adopted = base::Date{2021, 6, 28};
  plan.summary = both("Un **résumé** du plan.", "A plan **summary**.");
  plan.intro = both("Premier paragraphe avec un [lien](https://example.org/).\n\n- un\n- deux\n",
                    "First paragraph with a [link](https://example.org/).\n\n- one\n- two\n");
  plan.levels = {both("Orientation", "Direction"), both("Objectif", "Objective")};
  plan.columns = {"due", "leads", "partners", "results", "indicators", "follow_up"};
  plan.labels["partners"] = both("Ressources", "Resources");
  plan.url = {{"fr", "plans/essai/"}, {"en", "en/plans/test/"}};
  for (int s = 1; s <= 2; ++s) {
    model::PlanSection top;
    top.id = "orientation-" + std::to_string(s);
    top.code = std::to_string(s);
    top.depth = 0;
    top.title = both("Relocalisation des organismes " + std::to_string(s),
                     "Relocating the organisations " + std::to_string(s));
    top.fields.set("description").texts = {both("Une description.", "A description.")};
    model::PlanSection child;
    child.id = "objectif-" + std::to_string(s);
    child.code = std::to_string(s) + ".1";
    child.depth = 1;
    child.title = both("Aider à relocaliser les services", "Help relocate services");
    for (int i = 0; i < (s == 1 ? 8 : 2); ++i) child.actions.push_back(make_action(s, i));
    top.sections.push_back(child);
    plan.sections.push_back(top);
  }
  site.plans.push_back(plan);
  site.plan_by_source[plan.source] = 0;
  base::Diagnostics diags;  // the built-in theme's words, as load_site reads them
  site.words = load::read_words({}, site.config.languages, diags);
  return site;
}

}  // namespace carnet::render::booklet::testing
