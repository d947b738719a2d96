// The demo's reports carry key figures, a chart and a plan excerpt (issue
// 11): each shows on the page in both languages, the excerpt with the plan's
// actions as the plan file has them.
#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "e2e_support.hpp"

using namespace carnet::test;

TEST_CASE("demo: data blocks on the report pages in both languages", "[e2e][blocks]") {
  auto out = scratch("demo-blocks") / "output";
  auto r = run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  struct Expect {
    const char* page;
    std::vector<std::string> found;
  };
  const Expect expected[] = {
      {"rapports/2021-planification-solidarite-ahuntsic/index.html",
       {"<dl class=\"key-figures\">", "<dd class=\"figure-value\">25+</dd>",
        "role=\"img\" aria-labelledby=\"chart-2\"", "<summary>Données du graphique</summary>",
        "<th scope=\"row\">Stratégies d&#39;action</th><td>73</td>"}},
      {"en/reports/solidarite-ahuntsic-strategic-planning/index.html",
       {"<dd class=\"figure-value\">100+</dd>", "<summary>Chart data</summary>",
        "<th scope=\"row\">Action strategies</th><td>73</td>"}},
      {"rapports/2019-rapport-pic-parc-extension/index.html",
       {"<dd class=\"figure-value\">12 000 $</dd>", "<table class=\"excerpt\">",
        "../../plans/plan-action-2021-2023/#espaces-disponibles",
        "<span class=\"status status-done\">Réalisée</span>"}},
      {"en/reports/collective-impact-report/index.html",
       {"<dd class=\"figure-value\">$12,000</dd>", "Action Plan 2021-2023 – Parc-Extension",
        "<span class=\"status status-done\">Done</span>"}},
  };
  for (const auto& e : expected) {
    INFO(e.page);
    const std::string html = carnet::base::read_file(out / e.page);
    for (const auto& s : e.found) {
      INFO(s);
      CHECK(html.find(s) != std::string::npos);
    }
    CHECK(html.find("carnet-data-block") == std::string::npos);
  }
}
