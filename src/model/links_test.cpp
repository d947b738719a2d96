#include <catch2/catch.hpp>

#include "model/links.hpp"

using namespace carnet::model;

namespace {
Site sample_site() {
  Site s;
  auto page = [&](std::string source, std::string lang, std::string group, std::string url) {
    Page p;
    p.source = std::move(source);
    p.lang = std::move(lang);
    p.group = std::move(group);
    p.url = std::move(url);
    s.page_by_source[p.source] = s.pages.size();
    s.groups[p.group].push_back(s.pages.size());
    s.pages.push_back(std::move(p));
  };
  page("content/rapports/bilan.fr.md", "fr", "rapports/bilan", "rapports/bilan/");
  page("content/rapports/bilan.en.md", "en", "rapports/bilan", "en/reports/2019-report/");
  page("content/a-propos.fr.md", "fr", "key:about", "a-propos/");
  Plan plan;
  plan.source = "content/plans/x.plan.yaml";
  plan.url = {{"fr", "plans/x/"}, {"en", "en/plans/x/"}};
  PlanSection sec;
  sec.id = "relocalisation";
  plan.sections.push_back(sec);
  s.plan_by_source[plan.source] = 0;
  s.plans.push_back(plan);
  return s;
}
}  // namespace

TEST_CASE("links to content files become the page's URL in the reader's language", "[model]") {
  auto s = sample_site();
  auto r = resolve_link(s, "content", "en/about/", "en", "rapports/bilan.fr.md");
  CHECK(r.error.empty());
  CHECK(r.href == "../reports/2019-report/");
  r = resolve_link(s, "content/rapports", "rapports/bilan/", "fr",
                   "../plans/x.plan.yaml#relocalisation");
  CHECK(r.href == "../../plans/x/#relocalisation");
  CHECK(r.fragment == "relocalisation");
  CHECK(plan_has_anchor(s.plans[0], "relocalisation"));
  CHECK_FALSE(plan_has_anchor(s.plans[0], "nulle-part"));
  // No English version: the French page is linked.
  r = resolve_link(s, "content", "en/", "en", "a-propos.fr.md");
  CHECK(r.href == "../a-propos/");
}

TEST_CASE("root-relative links honour the base path; others pass through", "[model]") {
  auto s = sample_site();
  CHECK(resolve_link(s, "content", "rapports/bilan/", "fr", "/notes/x/").href == "../../notes/x/");
  CHECK(resolve_link(s, "content", "", "fr", "/img/a.png").href == "img/a.png");
  CHECK(resolve_link(s, "content", "a/", "fr", "https://example.org/x.md").href ==
        "https://example.org/x.md");
  CHECK(resolve_link(s, "content", "a/", "fr", "mailto:info@example.org").href ==
        "mailto:info@example.org");
  CHECK(resolve_link(s, "content", "a/", "fr", "#top").href == "#top");
}

TEST_CASE("a link to a missing content file is an error that names it", "[model]") {
  auto s = sample_site();
  auto r = resolve_link(s, "content/rapports", "rapports/bilan/", "fr", "bilan-2020.fr.md");
  CHECK(r.error ==
        "link to \"bilan-2020.fr.md\": no such page (looked for content/rapports/bilan-2020.fr.md "
        "and "
        "content/bilan-2020.fr.md)");
  r = resolve_link(s, "content", "", "fr", "../../etc/passwd.md");
  CHECK_FALSE(r.error.empty());
}

TEST_CASE("an image names a file of static/, at the root or beside the page", "[model]") {
  Site s = sample_site();
  s.static_files.push_back({"static/images/photo.png", "images/photo.png"});
  s.static_files.push_back({"static/rapports/bilan/plan.svg", "rapports/bilan/plan.svg"});
  auto root = resolve_static_file(s, "rapports/bilan/", "/images/photo.png?v=2");
  REQUIRE(root.file);
  CHECK(root.file->source == "static/images/photo.png");
  CHECK(resolve_static_file(s, "rapports/bilan/", "../../images/photo.png").file);
  auto beside = resolve_static_file(s, "rapports/bilan/", "plan.svg");
  REQUIRE(beside.file);
  CHECK(beside.file->source == "static/rapports/bilan/plan.svg");
  auto missing = resolve_static_file(s, "rapports/bilan/", "/images/absente.png");
  CHECK_FALSE(missing.file);
  CHECK(missing.error ==
        "image \"/images/absente.png\": no such file (looked for static/images/absente.png)");
  // Other sites' images are not ours to check.
  auto remote = resolve_static_file(s, "", "https://example.org/x.png");
  CHECK_FALSE(remote.file);
  CHECK(remote.error.empty());
}
