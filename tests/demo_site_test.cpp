// The demo site at the repository root, built by the real binary: every page
// in both languages, feeds, sitemap, links that work under a sub-path and at
// the root, every action of every plan on its page, identical bytes twice.
#include <catch2/catch.hpp>

#include <functional>

#include "base/fs.hpp"
#include "base/text.hpp"
#include "e2e_support.hpp"
#include "load/site_loader.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;

namespace {
const std::map<std::string, std::string>& demo_output() {
  static const auto tree = [] {
    auto out = scratch("demo") / "output";
    auto r = run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return read_tree(out);
  }();
  return tree;
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("demo: the site loads without errors or warnings", "[e2e][demo]") {
  base::Diagnostics d;
  auto site = load::load_site(source_dir, {}, d);
  for (const auto& x : d.sorted()) INFO(x.format());
  CHECK(d.empty());
  CHECK(site.plans.size() == 2);
  CHECK(site.pages.size() >= 12);
}

TEST_CASE("demo: fully translated, with no image lacking a description", "[e2e][demo]") {
  auto r = run_carnet({"check", source_dir.string(), "--strict"});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  for (const auto& line : carnet::test::lines_of(r.out))
    if (line.rfind("  en: ", 0) == 0 || line.rfind("  fr: ", 0) == 0) {
      INFO(line);
      CHECK(contains(line, "texts translated (100%)"));
    }
  CHECK(contains(r.out, "  en: "));
}

TEST_CASE("demo: every page exists in both languages", "[e2e][demo]") {
  const auto& out = demo_output();
  for (const char* path :
       {"index.html", "en/index.html", "a-propos/index.html", "en/about/index.html",
        "rapports/index.html", "en/reports/index.html",
        "rapports/2019-rapport-pic-parc-extension/index.html",
        "en/reports/collective-impact-report/index.html", "plans/plan-action-2021-2023/index.html",
        "en/plans/action-plan-2021-2023/index.html", "plans/continuum-0-24/index.html", "index.xml",
        "en/index.xml", "sitemap.xml", "robots.txt", "404.html", ".nojekyll"}) {
    INFO(path);
    CHECK(out.count(path) == 1);
  }
  for (const auto& [path, bytes] : out) {
    if (path.size() < 10 || path.compare(path.size() - 10, 10, "index.html") != 0) continue;
    INFO(path);
    const bool english = path.rfind("en/", 0) == 0;
    CHECK(contains(bytes, english ? "<html lang=\"en\"" : "<html lang=\"fr\""));
    CHECK(contains(bytes, "rel=\"canonical\" href=\"https://carnet-demo.github.io/carnet/"));
    CHECK_FALSE(contains(bytes, "EventSource"));  // the preview's reload script stays out of builds
  }
}

TEST_CASE("demo: pages link to their translation and alternates are absolute", "[e2e][demo]") {
  const auto& fr = demo_output().at("rapports/2019-rapport-pic-parc-extension/index.html");
  CHECK(contains(
      fr,
      "hreflang=\"en\" "
      "href=\"https://carnet-demo.github.io/carnet/en/reports/collective-impact-report/\""));
  CHECK(contains(fr, "../../en/reports/collective-impact-report/"));
  const auto& en = demo_output().at("en/reports/collective-impact-report/index.html");
  CHECK(contains(en, "../../../rapports/2019-rapport-pic-parc-extension/"));
}

TEST_CASE("demo: every relative link and asset resolves inside the output", "[e2e][demo]") {
  auto out = scratch("demo-links") / "output";
  REQUIRE(run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet"}).status == 0);
  auto broken = broken_relative_links(out);
  for (const auto& b : broken) INFO(b);
  CHECK(broken.empty());
}

TEST_CASE("demo: every action title is on its plan page in each language", "[e2e][demo]") {
  base::Diagnostics d;
  auto site = load::load_site(source_dir, {}, d);
  const auto& out = demo_output();
  for (const auto& plan : site.plans) {
    for (const auto& lang : site.config.languages) {
      const auto& html = out.at(plan.url.at(lang) + "index.html");
      std::function<void(const model::PlanSection&)> walk = [&](const model::PlanSection& s) {
        CHECK(contains(html, "id=\"" + s.id + "\""));
        for (const auto& a : s.actions) {
          INFO(plan.source << " " << lang << " " << a.id);
          CHECK(contains(html, base::html_escape(a.title.get(lang, "fr"))));
          CHECK(contains(html, "id=\"" + a.id + "\""));
        }
        for (const auto& c : s.sections) walk(c);
      };
      for (const auto& s : plan.sections) walk(s);
    }
  }
}

TEST_CASE("demo: feeds, sitemap and robots", "[e2e][demo]") {
  const auto& out = demo_output();
  const auto& feed = out.at("en/index.xml");
  CHECK(contains(feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  CHECK(
      contains(feed, "https://carnet-demo.github.io/carnet/en/reports/collective-impact-report/"));
  const auto& sitemap = out.at("sitemap.xml");
  CHECK(contains(sitemap, "xhtml:link rel=\"alternate\" hreflang=\"en\""));
  CHECK(
      contains(out.at("robots.txt"), "Sitemap: https://carnet-demo.github.io/carnet/sitemap.xml"));
  CHECK(contains(out.at("404.html"), "/carnet/"));
}

TEST_CASE("demo: two builds give byte-identical output", "[e2e][demo]") {
  auto out = scratch("demo-again") / "output";
  REQUIRE(run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet"}).status == 0);
  auto again = read_tree(out);
  const auto& first = demo_output();
  REQUIRE(again.size() == first.size());
  for (const auto& [path, bytes] : first) {
    INFO(path);
    CHECK(again.at(path) == bytes);
  }
}

TEST_CASE("demo: --base-url serves the same site at a domain's root", "[e2e][demo]") {
  auto out = scratch("demo-root") / "output";
  REQUIRE(run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet", "--base-url",
                      "https://plans.example.org/"})
              .status == 0);
  auto index = base::read_file(out / "index.html");
  CHECK(contains(index, "rel=\"canonical\" href=\"https://plans.example.org/\""));
  CHECK(contains(base::read_file(out / "404.html"), "href=\"/"));
  CHECK(broken_relative_links(out).empty());
}
