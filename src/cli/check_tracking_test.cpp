#include <catch2/catch.hpp>

#include "cli/check_command.hpp"

using namespace carnet;

namespace {
model::Action action(const std::string& id, model::Status status, base::Date due, int line) {
  model::Action a;
  a.id = id;
  a.status = status;
  a.fields.set("due").due = model::Due{model::Due::Kind::date, due, {}};
  a.pos = {"content/plans/p.plan.yaml", line, 13};
  return a;
}

std::vector<std::string> lines(const base::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}
}  // namespace

TEST_CASE("check: a plan with no as-of date is a warning", "[check][tracking]") {
  model::Site site;
  model::Plan plan;
  plan.source = "content/plans/x.plan.yaml";
  site.plans.push_back(plan);
  base::Diagnostics d;
  cli::report_tracking(site, d);
  CHECK(lines(d) ==
        std::vector<std::string>{"content/plans/x.plan.yaml:1:1: warning: the plan does not say "
                                 "when its statuses are true: add `updated: YYYY-MM-DD`, or commit "
                                 "it in Git (the date of its last commit is then used)"});
}

TEST_CASE("check: late actions are warnings at their positions", "[check][tracking]") {
  model::Site site;
  model::Plan plan;
  plan.source = "content/plans/p.plan.yaml";
  plan.updated = base::Date{2023, 6, 30};
  model::PlanSection s;
  s.actions.push_back(action("a", model::Status::in_progress, {2022, 12, 31}, 10));
  s.actions.push_back(action("b", model::Status::planned, {2023, 3, 0}, 14));
  s.actions.push_back(action("c", model::Status::done, {2022, 1, 1}, 18));     // done: not late
  s.actions.push_back(action("d", model::Status::planned, {2023, 6, 0}, 22));  // June: not yet
  plan.sections.push_back(s);
  site.plans.push_back(plan);
  base::Diagnostics d;
  cli::report_tracking(site, d);
  CHECK(lines(d) ==
        std::vector<std::string>{
            "content/plans/p.plan.yaml:10:13: warning: late: due 2022-12-31, still in progress as "
            "of 2023-06-30",
            "content/plans/p.plan.yaml:14:13: warning: late: due 2023-03, still planned as of "
            "2023-06-30"});
}
