// The reload event's data: the pages a snapshot changed, as the browser's
// location.pathname shows them, or "*" when every open page must reload.
#include <catch2/catch.hpp>

#include <deque>
#include <memory>

#include "cli/serve/preview_server.hpp"

using carnet::cli::serve::SiteSnapshot;

namespace {
// The event for snapshots published since the page's last one, oldest
// first; a null one is no longer kept.
std::string event_for(std::vector<const SiteSnapshot*> since) {
  return carnet::cli::serve::reload_event_data(since);
}
std::string event_for(const SiteSnapshot& s) { return event_for({&s}); }
}  // namespace

namespace {

SiteSnapshot named(std::vector<std::string> changed) {
  SiteSnapshot s;
  s.base_path = "/parc-ex/";
  s.changed = std::move(changed);
  s.everything = false;
  return s;
}

}  // namespace

TEST_CASE("reload event: the changed pages at their addresses", "[serve]") {
  CHECK(event_for(named({"index.html", "rapports/bilan/index.html", "css/style.css"})) ==
        "reload\n/parc-ex/\n/parc-ex/rapports/bilan/\n/parc-ex/css/style.css");
  CHECK(event_for(named({})) == "reload");
}

TEST_CASE("reload event: every page when the change cannot be named", "[serve]") {
  // A stream that missed a snapshot no longer kept does not know what it
  // changed.
  const SiteSnapshot a = named({"a/index.html"});
  CHECK(event_for({nullptr, &a}) == "reload\n*");
  SiteSnapshot all = named({"a/index.html"});
  all.everything = true;
  CHECK(event_for(all) == "reload\n*");
  const SiteSnapshot b = named({"b/index.html"});
  CHECK(event_for({&all, &b}) == "reload\n*");
  SiteSnapshot error = named({});
  error.error_html = "<p>errors</p>";
  CHECK(event_for(error) == "reload\n*");
  // The errors shown by a snapshot the page missed go with the next one.
  CHECK(event_for({&error, &b}) == "reload\n*");
  // A newline would end the event's field.
  CHECK(event_for(named({"a\nb/index.html"})) == "reload\n*");
  std::vector<std::string> many;
  for (int i = 0; i < 2001; ++i) many.push_back("p" + std::to_string(i) + "/index.html");
  CHECK(event_for(named(many)) == "reload\n*");
}

TEST_CASE("reload event: the pages every missed snapshot changed, each once", "[serve]") {
  // A title saved publishes its page, then the whole site: a stream that
  // woke after both names what both changed, not every page.
  const SiteSnapshot page = named({"rapports/bilan/index.html"});
  const SiteSnapshot site =
      named({"rapports/index.html", "rapports/bilan/index.html", "index.html"});
  CHECK(event_for({&page, &site}) ==
        "reload\n/parc-ex/rapports/bilan/\n/parc-ex/rapports/\n/parc-ex/");
  std::vector<std::string> half;
  for (int i = 0; i < 1500; ++i) half.push_back("p" + std::to_string(i) + "/index.html");
  std::vector<std::string> other;
  for (int i = 1000; i < 2600; ++i) other.push_back("p" + std::to_string(i) + "/index.html");
  const SiteSnapshot first = named(half), second = named(other);
  CHECK(event_for({&first, &second}) == "reload\n*");  // 2,600 pages in all
}

TEST_CASE("reload event: the snapshots a stream missed, from the kept ones", "[serve]") {
  using carnet::cli::serve::snapshots_since;
  std::deque<std::shared_ptr<const SiteSnapshot>> history;
  for (int i = 0; i < 3; ++i)
    history.push_back(std::make_shared<SiteSnapshot>(named({std::to_string(i) + "/index.html"})));
  auto since = snapshots_since(history, 2);
  REQUIRE(since.size() == 2);
  CHECK(since[0] == history[1]);
  CHECK(since[1] == history[2]);
  since = snapshots_since(history, 3);
  REQUIRE(since.size() == 3);
  CHECK(since[0] == history[0]);
  // More than were kept: one unknown first, and a page reloads whatever.
  since = snapshots_since(history, 1000000);
  REQUIRE(since.size() == 4);
  CHECK(since[0] == nullptr);
  CHECK(since[3] == history[2]);
  std::vector<const SiteSnapshot*> views;
  for (const auto& s : since) views.push_back(s.get());
  CHECK(event_for(views) == "reload\n*");
}
