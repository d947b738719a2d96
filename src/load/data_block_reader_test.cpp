#include <catch2/catch.hpp>

#include "load/data_block_reader.hpp"

using namespace carnet;
using Kind = model::DataBlock::Kind;

namespace {

const std::vector<std::string> langs = {"fr", "en"};

std::vector<model::Plan> one_plan() {
  model::Plan p;
  p.name = "plan-2021";
  p.source = "content/plans/plan-2021.plan.yaml";
  model::PlanSection s;
  s.id = "logement";
  model::Action a;
  a.id = "a1";
  a.status = model::Status::done;
  s.actions.push_back(a);
  p.sections.push_back(s);
  return {p};
}

struct Read {
  std::optional<model::DataBlock> block;
  std::vector<std::string> errors;
};

Read read(Kind kind, std::string_view yaml, std::string lang = "fr") {
  static const auto plans = one_plan();
  base::Diagnostics d;
  load::DataBlockContext ctx{"content/bilan.fr.md", lang, &langs, &plans};
  Read r;
  r.block = load::read_data_block(kind, yaml, 10, ctx, d);
  for (const auto& e : d.items()) r.errors.push_back(e.format());
  return r;
}

}  // namespace

TEST_CASE("data blocks: figures, a plain text in the page's language", "[load][blocks]") {
  auto r = read(Kind::figures,
                "- value: 12\n  label: organismes\n  note: {fr: membres, en: members}\n"
                "- {value: \"87 %\", label: taux}\n",
                "en");
  REQUIRE(r.errors.empty());
  REQUIRE(r.block);
  REQUIRE(r.block->figures.size() == 2);
  CHECK(r.block->line == 10);
  CHECK(r.block->figures[0].value == "12");
  CHECK(r.block->figures[0].label.text.at("en") == "organismes");
  CHECK(r.block->figures[0].note.text.at("fr") == "membres");
  CHECK(r.block->figures[1].value == "87 %");
}

TEST_CASE("data blocks: a chart", "[load][blocks]") {
  auto r = read(Kind::chart,
                "kind: line\ntitle: Membres\nlabels: [2019, 2020]\n"
                "series:\n  - {name: A, values: [1, 2.5]}\n  - {name: B, values: [3, 4]}\n");
  REQUIRE(r.errors.empty());
  const auto& c = r.block->chart;
  CHECK(c.kind == model::ChartKind::line);
  CHECK(c.labels.size() == 2);
  REQUIRE(c.series.size() == 2);
  CHECK(c.series[0].values == std::vector<double>{1, 2.5});
}

TEST_CASE("data blocks: errors at their place in the page, all of them", "[load][blocks]") {
  auto r = read(Kind::chart, "kind: pie\nlabels: [a, b]\nseries:\n  - {name: A, values: [1]}\n");
  CHECK_FALSE(r.block);
  CHECK(r.errors == std::vector<std::string>{
                        "content/bilan.fr.md:11:7: error: kind: \"pie\" is not a kind of chart "
                        "(bar, line)",
                        "content/bilan.fr.md:14:5: error: series 1 has 1 values but the chart has "
                        "2 labels: give one value per label"});
}

TEST_CASE("data blocks: a plan excerpt", "[load][blocks]") {
  auto r = read(Kind::plan,
                "plan: plan-2021\nlevel: logement\nstatus: [done, in_progress]\n"
                "done_between: [2023-07-01, 2024-06-30]\n");
  REQUIRE(r.errors.empty());
  const auto& e = r.block->plan;
  CHECK(e.plan_index == 0);
  CHECK(e.level == "logement");
  CHECK(e.statuses == std::vector{model::Status::done, model::Status::in_progress});
  CHECK(e.done_from == base::Date{2023, 7, 1});
  CHECK(e.done_to == base::Date{2024, 6, 30});

  auto bad = read(Kind::plan, "plan: plan-2012\n");
  CHECK(bad.errors ==
        std::vector<std::string>{"content/bilan.fr.md:11:7: error: plan: no plan is "
                                 "named \"plan-2012\" (did you mean \"plan-2021\"?)"});
}
