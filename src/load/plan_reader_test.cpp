#include <catch2/catch.hpp>

#include "load/plan_reader.hpp"

using namespace carnet;

namespace {
const std::vector<std::string> langs = {"fr", "en"};

const char* const sample = R"(title: {fr: "Plan d'action 2021-2023", en: "Action Plan 2021-2023"}
slug: {fr: plan-action, en: action-plan}
period: "2021-2023"
adopted: 2021-06-28
levels:
  - {fr: Orientation, en: Direction}
  - {fr: Objectif, en: Objective}
years: [2021-2022, 2022-2023]
columns: [due, leads, partners]
labels: {partners: {fr: Ressources, en: Resources}}
sections:
  - title: {fr: "Relocalisation des organismes", en: "Relocating organisations"}
    results: ["Maintien des acquis"]
    sections:
      - id: relocaliser
        title: Relocaliser les services
        actions:
          - title: Assurer le leadership
            due: 2022-12-31
            years: [2021-2022]
            leads: ["Table de quartier"]
            status: in_progress
            progress: 40%
          - title: Mettre en place des rencontres
            due: ongoing
          - title: Mettre en place des rencontres
            due: {fr: "D'ici l'automne 2021", en: "By fall 2021"}
            notes:
              - {date: 2022-03, text: {fr: "Rencontre tenue.", en: "Meeting held."}}
  - code: "B"
    title: Centre communautaire
    actions:
      - title: Bâtir
        due: 2023-03
)";
}  // namespace

TEST_CASE("plan: a full plan reads into the model", "[load]") {
  base::Diagnostics d;
  auto plan = load::read_plan(sample, "content/plans/p.plan.yaml", langs, d);
  REQUIRE(plan);
  for (const auto& x : d.items()) INFO(x.format());
  CHECK(d.empty());
  CHECK(plan->title.get("en", "fr") == "Action Plan 2021-2023");
  CHECK(plan->slug.at("en") == "action-plan");
  CHECK(*plan->period_start == 2021);
  CHECK(*plan->period_end == 2023);
  CHECK(plan->adopted->format_long("fr") == "28 juin 2021");
  CHECK(plan->levels.size() == 2);
  CHECK(plan->labels.at("partners").get("en", "fr") == "Resources");
  REQUIRE(plan->sections.size() == 2);
  const auto& o1 = plan->sections[0];
  CHECK(o1.id == "relocalisation-des-organismes");  // made from the default-language title
  CHECK(o1.code == "1");
  CHECK(o1.fields.texts("results").size() == 1);
  const auto& obj = o1.sections[0];
  CHECK(obj.code == "1.1");
  CHECK(obj.depth == 1);
  REQUIRE(obj.actions.size() == 3);
  CHECK(obj.actions[0].code == "1.1.1");
  CHECK(obj.actions[0].due()->kind == model::Due::Kind::date);
  CHECK(obj.actions[0].due()->date == base::Date{2022, 12, 31});
  CHECK(obj.actions[0].status == model::Status::in_progress);
  CHECK(*obj.actions[0].progress() == 40);
  CHECK(obj.actions[0].years() == std::vector<std::string>{"2021-2022"});
  CHECK(obj.actions[1].due()->kind == model::Due::Kind::ongoing);
  CHECK(obj.actions[1].id == "mettre-en-place-des-rencontres");
  CHECK(obj.actions[2].id == "mettre-en-place-des-rencontres-2");  // equal titles stay distinct
  CHECK(obj.actions[2].due()->kind == model::Due::Kind::text);
  CHECK(obj.actions[2].fields.notes()[0].date == base::Date{2022, 3, 0});
  CHECK(plan->sections[1].code == "B");
  CHECK(plan->sections[1].actions[0].code == "B.1");
  // A text given only in French falls back to it, and says so.
  std::string shown;
  CHECK(obj.title.get("en", "fr", &shown) == "Relocaliser les services");
  CHECK(shown == "fr");
  CHECK(obj.title.lang_pos.at("fr").line == 16);

  auto counts = model::count_plan(*plan);
  CHECK(counts.per_level == std::vector<int>{2, 1});
  CHECK(counts.actions == 4);
  CHECK(counts.per_status[model::Status::planned] == 3);
}

TEST_CASE("plan: ids made from titles are stable across reads", "[load]") {
  base::Diagnostics d1, d2;
  auto a = load::read_plan(sample, "p", langs, d1);
  auto b = load::read_plan(sample, "p", langs, d2);
  CHECK(a->sections[0].sections[0].actions[2].id == b->sections[0].sections[0].actions[2].id);
}

TEST_CASE("plan: every error is reported, not only the first", "[load]") {
  base::Diagnostics d;
  auto plan = load::read_plan(R"(title: Plan
levels: [Axe]
columns: [due, budget]
sections:
  - id: A B
    title: Un
    actions:
      - title: X
        status: finished
        years: [2020]
        due: 2021-02-29
)",
                              "p.plan.yaml", langs, d);
  std::vector<std::string> lines;
  for (const auto& x : d.sorted()) lines.push_back(x.format());
  CHECK(
      lines ==
      std::vector<std::string>{
          "p.plan.yaml:3:16: error: columns: unknown field \"budget\" (fields: details, strategy, "
          "due, years, leads, partners, results, indicators, follow_up, progress, updated, weight, "
          "notes)",
          "p.plan.yaml:5:9: error: id \"A B\" may only hold lowercase letters, digits, hyphens and "
          "underscores (try \"a-b\")",
          "p.plan.yaml:9:17: error: unknown status \"finished\"; a status is one of planned, "
          "in_progress, "
          "done, postponed, cancelled",
          "p.plan.yaml:10:17: error: years: \"2020\" is not one of the plan's years (the plan has "
          "no "
          "`years:`)",
          "p.plan.yaml:11:14: error: due: malformed date \"2021-02-29\": February 2021 has no day "
          "29; write "
          "YYYY-MM-DD, YYYY-MM, YYYY, ongoing, tbd, or a text {fr: ..., en: ...}"});
}

TEST_CASE("plan: a text in an unknown language is an error", "[load]") {
  base::Diagnostics d;
  load::read_plan("title: {fr: Plan, eng: Plan}\nlevels: [Axe]\n", "p.plan.yaml", langs, d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.sorted()[0].format() ==
        "p.plan.yaml:1:19: error: title: \"eng\" is not a language of this site (fr, en); did you "
        "mean \"en\"?");
}

TEST_CASE("plan: levels are required", "[load]") {
  base::Diagnostics d;
  load::read_plan("title: Plan\nsections: []\n", "p.plan.yaml", langs, d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.sorted()[0].message.find("must name its levels") != std::string::npos);
}

TEST_CASE("plan: ids the plan page uses for itself are not given to sections", "[load]") {
  base::Diagnostics d;
  auto plan = load::read_plan(
      "title: P\nlevels: [Axe]\nsections:\n  - title: Overview\n  - title: Toc\n"
      "  - id: main\n    title: Principal\n",
      "p.plan.yaml", langs, d);
  REQUIRE(plan);
  REQUIRE(plan->sections.size() == 3);
  CHECK(plan->sections[0].id == "overview-2");
  CHECK(plan->sections[1].id == "toc-2");
  REQUIRE(d.error_count() == 1);
  CHECK(d.sorted()[0].format() ==
        "p.plan.yaml:6:9: error: id \"main\" is taken by the plan's own page (its main content); "
        "choose another");
}

TEST_CASE("plan: numbering gives each level its own style of codes", "[load]") {
  base::Diagnostics diags;
  auto plan = load::read_plan(R"(title: P
levels: [Axe, Objectif]
numbering: [upper-roman, upper-alpha, decimal]
sections:
  - title: Premier axe
  - title: Deuxième axe
    sections:
      - title: Un
      - title: Deux
        actions:
          - title: a
          - title: b
          - title: c
  - code: "X"
    title: Écrit
    sections:
      - title: Sous
)",
                              "p.plan.yaml", langs, diags);
  REQUIRE(plan);
  CHECK(diags.items().empty());
  CHECK(plan->sections[0].code == "I");
  CHECK(plan->sections[1].code == "II");
  CHECK(plan->sections[1].sections[1].code == "II.B");
  CHECK(plan->sections[1].sections[1].actions[2].code == "II.B.3");
  CHECK(plan->sections[2].code == "X");  // written codes stay as written
  CHECK(plan->sections[2].sections[0].code == "X.A");
}

TEST_CASE("plan: a wrong numbering style or too many styles is an error", "[load]") {
  base::Diagnostics diags;
  load::read_plan("title: P\nlevels: [Axe]\nnumbering: [upper-roman, uper-alpha, decimal]\n",
                  "p.plan.yaml", langs, diags);
  std::vector<std::string> lines;
  for (const auto& d : diags.sorted()) lines.push_back(d.format());
  CHECK(lines == std::vector<std::string>{
                     "p.plan.yaml:3:12: error: numbering: 3 styles for 1 level(s) and their "
                     "actions; give at most 2",
                     "p.plan.yaml:3:26: error: numbering: unknown style \"uper-alpha\" (did you "
                     "mean \"upper-alpha\"?)"});
}

TEST_CASE("plan: numbers in every style", "[model]") {
  using model::Numbering;
  CHECK(model::format_number(Numbering::upper_roman, 4) == "IV");
  CHECK(model::format_number(Numbering::upper_roman, 1994) == "MCMXCIV");
  CHECK(model::format_number(Numbering::lower_roman, 9) == "ix");
  CHECK(model::format_number(Numbering::upper_alpha, 1) == "A");
  CHECK(model::format_number(Numbering::upper_alpha, 27) == "AA");
  CHECK(model::format_number(Numbering::lower_alpha, 28) == "ab");
  CHECK(model::format_number(Numbering::decimal, 12) == "12");
}

TEST_CASE("plan: a YAML alias repeats the value of an anchor written before it", "[load][yaml]") {
  const char* const text = R"(title: Plan
levels: [Axe]
sections:
  - title: Axe
    actions:
      - title: Une
        partners: &usual [CLSC, "Table de quartier"]
      - title: Deux
        partners: *usual
)";
  base::Diagnostics d;
  auto plan = load::read_plan(text, "content/plans/p.plan.yaml", langs, d);
  REQUIRE(plan);
  REQUIRE_FALSE(d.has_errors());
  const auto& actions = plan->sections.at(0).actions;
  REQUIRE(actions.size() == 2);
  CHECK(actions[1].fields.texts("partners").size() == 2);
  CHECK(actions[1].fields.texts("partners")[1].get("fr", "fr") == "Table de quartier");

  base::Diagnostics bad;
  CHECK_FALSE(load::read_plan("title: Plan\nlevels: [Axe]\nsummary: *later\nintro: &later x\n",
                              "content/plans/p.plan.yaml", langs, bad));
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].format() ==
        "content/plans/p.plan.yaml:3:10: error: invalid YAML: the alias *later names no anchor "
        "(&later) written before it");
}
