#include <catch2/catch.hpp>

#include "load/plan_history.hpp"

using namespace carnet;
using carnet::model::Status;

TEST_CASE("scan_action_statuses: ids and statuses of actions at any depth", "[history]") {
  auto s = load::scan_action_statuses(R"(title: Plan
levels: [Axe, Objectif]
sections:
  - id: axe
    title: {fr: Axe, en: Axis}
    actions:
      - {id: a, title: A, status: done, notes: [{text: "status: planned"}]}
    sections:
      - id: objectif
        status: cancelled   # not an action: a level
        actions:
          - id: b
            title: B
          - id: c
            status: in_progress
)");
  REQUIRE(s);
  CHECK(*s == load::ActionStatuses{
                  {"a", Status::done}, {"b", Status::planned}, {"c", Status::in_progress}});
}

TEST_CASE("scan_action_statuses: a byte order mark before the plan is read past", "[history]") {
  auto s = load::scan_action_statuses(
      "\xEF\xBB\xBFtitle: Plan\nsections:\n  - actions:\n      - {id: a, status: done}\n");
  REQUIRE(s);
  CHECK(*s == load::ActionStatuses{{"a", Status::done}});
}

TEST_CASE("scan_action_statuses: unsure cases fall back to the full parse", "[history]") {
  // An action with no id (the plan reader numbers it), an unknown status,
  // an alias, and YAML that does not parse.
  CHECK(!load::scan_action_statuses("sections:\n  - actions:\n      - title: A\n"));
  CHECK(
      !load::scan_action_statuses("sections:\n  - actions:\n      - {id: a, status: finished}\n"));
  CHECK(!load::scan_action_statuses(
      "x: &s done\nsections:\n  - actions:\n      - {id: a, status: *s}\n"));
  CHECK(!load::scan_action_statuses("sections: [\n"));
  CHECK(load::scan_action_statuses("") == load::ActionStatuses{});
}
