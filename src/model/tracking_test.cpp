#include <catch2/catch.hpp>

#include "model/tracking.hpp"

using namespace carnet;
using model::Status;

namespace {

model::Action action(const std::string& id, Status status, std::optional<base::Date> due = {},
                     std::optional<int> progress = {}) {
  model::Action a;
  a.id = id;
  a.code = id;
  a.title = model::make_text("fr", "Action " + id);
  a.status = status;
  if (due) {
    model::Due d;
    d.kind = model::Due::Kind::date;
    d.date = *due;
    a.fields.set("due").due = d;
  }
  if (progress) a.fields.set("progress").percent = *progress;
  return a;
}

}  // namespace

TEST_CASE("tracking: a month or a year counts as its last day", "[model]") {
  CHECK(model::last_day({2023, 2, 0}) == base::Date{2023, 2, 28});
  CHECK(model::last_day({2024, 2, 0}) == base::Date{2024, 2, 29});
  CHECK(model::last_day({2021, 0, 0}) == base::Date{2021, 12, 31});
  CHECK(model::last_day({2021, 5, 4}) == base::Date{2021, 5, 4});
}

TEST_CASE("tracking: late is due before the as-of date and not finished", "[model]") {
  const base::Date as_of{2013, 9, 30};
  CHECK(model::is_late(action("a", Status::in_progress, base::Date{2013, 6, 30}), as_of));
  CHECK(model::is_late(action("a", Status::planned, base::Date{2013, 8, 0}), as_of));
  // Due in the as-of month: not yet late.
  CHECK_FALSE(model::is_late(action("a", Status::planned, base::Date{2013, 9, 0}), as_of));
  CHECK_FALSE(model::is_late(action("a", Status::done, base::Date{2012, 1, 1}), as_of));
  CHECK_FALSE(model::is_late(action("a", Status::postponed, base::Date{2012, 1, 1}), as_of));
  CHECK_FALSE(model::is_late(action("a", Status::planned), as_of));  // no due date
  CHECK_FALSE(model::is_late(action("a", Status::planned, base::Date{2012, 1, 1}), std::nullopt));
}

TEST_CASE("tracking: progress rolls up by weight, cancelled actions left out", "[model]") {
  model::TrackingSettings settings;
  model::PlanSection s;
  s.actions.push_back(action("a", Status::done));             // 100
  s.actions.push_back(action("b", Status::in_progress));      // 50
  s.actions.push_back(action("c", Status::planned, {}, 30));  // 30 (its own)
  s.actions.push_back(action("d", Status::cancelled));        // left out
  s.actions[0].fields.set("weight").number = 2;               // counts twice
  CHECK(*model::section_progress(s, settings) == Approx((200 + 50 + 30) / 4.0));
  settings.progress[Status::in_progress] = 0;
  CHECK(*model::section_progress(s, settings) == Approx((200 + 0 + 30) / 4.0));

  model::Plan plan;
  model::PlanSection empty;
  empty.actions.push_back(action("e", Status::cancelled));
  plan.sections = {s, empty};
  // A level where nothing counts does not drag the plan down.
  CHECK(*model::plan_progress(plan, settings) == Approx((200 + 0 + 30) / 4.0));
  CHECK_FALSE(model::section_progress(empty, settings));
}

TEST_CASE("tracking: the as-of date is updated, else the last commit", "[model]") {
  model::Plan plan;
  CHECK_FALSE(model::as_of(plan));
  auto history = std::make_shared<model::PlanHistory>();
  history->last_change = base::Date{2014, 2, 3};
  plan.history = history;
  CHECK(*model::as_of(plan) == base::Date{2014, 2, 3});
  plan.updated = base::Date{2013, 9, 30};
  CHECK(*model::as_of(plan) == base::Date{2013, 9, 30});
  auto a = action("a", Status::planned);
  a.fields.set("updated").date = base::Date{2013, 10, 15};
  CHECK(*model::as_of(plan, a) == base::Date{2013, 10, 15});
}

TEST_CASE("tracking: changes between two versions of a plan", "[model]") {
  model::Plan before, after;
  model::PlanSection s0, s1;
  s0.actions = {action("kept", Status::planned, base::Date{2013, 6, 0}, 10),
                action("gone", Status::planned)};
  s1.actions = {action("kept", Status::done, base::Date{2013, 9, 0}, 100),
                action("new", Status::planned)};
  model::Note n;
  n.text = model::make_text("fr", "Rencontre tenue.");
  s1.actions[0].fields.set("notes").notes.push_back(n);
  before.sections = {s0};
  after.sections = {s1};
  auto c = model::compare_plans(before, after);
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0].id == "new");
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0].id == "gone");
  CHECK(c.status.size() == 1);
  CHECK(c.progress.size() == 1);
  CHECK(c.due.size() == 1);
  REQUIRE(c.new_notes.size() == 1);
  CHECK(c.new_notes[0].notes.size() == 1);
  CHECK(model::compare_plans(after, after).empty());
}
