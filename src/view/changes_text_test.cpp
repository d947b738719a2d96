#include <catch2/catch.hpp>

#include "model/tracking.hpp"
#include "view/changes_text.hpp"

using namespace carnet;

namespace {
model::Words words() {
  model::Words w;
  w.by_lang["en"] = {{"tracking_changes_since", "Changes since"},
                     {"tracking_changes_added", "Actions added"},
                     {"tracking_changes_none", "No change."},
                     {"tracking_changes_unreadable",
                      "The plan as it was then cannot be read: its changes are not listed."},
                     {"status_planned", "Planned"},
                     {"colon", ": "}};
  return w;
}

model::Plan plan_with(std::shared_ptr<model::PlanHistory> h) {
  model::Plan p;
  p.source = "content/plans/p.plan.yaml";
  p.title = model::make_text("en", "Plan");
  model::PlanSection s;
  model::Action a;
  a.id = "a";
  a.code = "1.1";
  a.title = model::make_text("en", "First");
  s.actions.push_back(a);
  p.sections.push_back(s);
  p.history = std::move(h);
  return p;
}
}  // namespace

TEST_CASE("changes_text: nothing without a reference", "[changes]") {
  CHECK(view::changes_text(plan_with(nullptr), words(), "en", "en").empty());
  CHECK(view::changes_text(plan_with(std::make_shared<model::PlanHistory>()), words(), "en", "en")
            .empty());
}

TEST_CASE("changes_text: a plan that did not exist then has every action added", "[changes]") {
  auto h = std::make_shared<model::PlanHistory>();
  h->since = "ag-2012";
  h->since_date = base::Date{2012, 6, 14};
  CHECK(view::changes_text(plan_with(h), words(), "en", "en") ==
        "Plan (content/plans/p.plan.yaml)\n"
        "Changes since ag-2012 (June 14, 2012)\n"
        "  Actions added\n"
        "    1.1 a  First (Planned)\n");
}

TEST_CASE("changes_text: a version at the reference that does not parse is said so", "[changes]") {
  auto h = std::make_shared<model::PlanHistory>();
  h->since = "ag-2012";
  h->since_date = base::Date{2012, 6, 14};
  h->existed_then = true;
  CHECK(view::changes_text(plan_with(h), words(), "en", "en") ==
        "Plan (content/plans/p.plan.yaml)\n"
        "Changes since ag-2012 (June 14, 2012)\n"
        "  The plan as it was then cannot be read: its changes are not listed.\n");
}
