#include <catch2/catch.hpp>

#include "model/tracking.hpp"
#include "view/data_blocks.hpp"

using namespace carnet;

TEST_CASE("data blocks: numbers as each language writes them", "[view][blocks]") {
  CHECK(view::format_number(1234.5, "fr") == "1\u202f234,5");
  CHECK(view::format_number(1234.5, "en") == "1,234.5");
  CHECK(view::format_number(12, "fr") == "12");
  CHECK(view::format_number(0.25, "en") == "0.25");
  CHECK(view::format_number(-3, "en") == "-3");
}

TEST_CASE("data blocks: a chart's scale starts at zero and ends on a nice tick", "[view][blocks]") {
  auto s = view::nice_scale(4, 73);
  CHECK(s.low == 0);
  CHECK(s.high == 80);
  CHECK(s.ticks == std::vector<double>{0, 20, 40, 60, 80});
  auto neg = view::nice_scale(-12, 30);
  CHECK(neg.low == -20);
  CHECK(neg.high == 30);
}

TEST_CASE("data blocks: done_between reads the plan's status history", "[view][blocks]") {
  model::Plan plan;
  model::PlanSection s;
  s.id = "o1";
  for (const char* id : {"a1", "a2", "a3"}) {
    model::Action a;
    a.id = id;
    a.status = model::Status::done;
    s.actions.push_back(a);
  }
  s.actions[2].status = model::Status::in_progress;
  plan.sections.push_back(s);
  auto h = std::make_shared<model::PlanHistory>();
  h->status_history["a1"] = {
      {{2023, 9, 14}, "abc", model::Status::in_progress, model::Status::done}};
  h->status_history["a2"] = {{{2022, 3, 1}, "def", model::Status::planned, model::Status::done}};
  h->status_history["a3"] = {
      {{2023, 10, 1}, "123", model::Status::done, model::Status::in_progress}};
  plan.history = h;

  model::PlanExcerpt e;
  e.done_from = base::Date{2023, 7, 1};
  e.done_to = base::Date{2024, 6};
  auto picked = model::select_actions(plan, e);
  REQUIRE(picked.size() == 1);
  CHECK(picked[0].action->id == "a1");
  CHECK(picked[0].done == base::Date{2023, 9, 14});

  model::PlanExcerpt by_status;
  by_status.statuses = {model::Status::in_progress};
  picked = model::select_actions(plan, by_status);
  REQUIRE(picked.size() == 1);
  CHECK(picked[0].action->id == "a3");

  // Without Git history nothing can be said to have been done in a window.
  plan.history.reset();
  CHECK(model::select_actions(plan, e).empty());
}
