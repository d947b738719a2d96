// The reload event's data: the pages a snapshot changed, as the browser's
// location.pathname shows them, or "*" when every open page must reload.
#include <catch2/catch.hpp>

#include "cli/serve/preview_server.hpp"

using carnet::cli::serve::reload_event_data;
using carnet::cli::serve::SiteSnapshot;

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
  CHECK(reload_event_data(named({"index.html", "rapports/bilan/index.html", "css/style.css"}),
                          false) ==
        "reload\n/parc-ex/\n/parc-ex/rapports/bilan/\n/parc-ex/css/style.css");
  CHECK(reload_event_data(named({}), false) == "reload");
}

TEST_CASE("reload event: every page when the change cannot be named", "[serve]") {
  // A stream that missed an event does not know what the one before changed.
  CHECK(reload_event_data(named({"a/index.html"}), true) == "reload\n*");
  SiteSnapshot all = named({"a/index.html"});
  all.everything = true;
  CHECK(reload_event_data(all, false) == "reload\n*");
  SiteSnapshot error = named({});
  error.error_html = "<p>errors</p>";
  CHECK(reload_event_data(error, false) == "reload\n*");
  // A newline would end the event's field.
  CHECK(reload_event_data(named({"a\nb/index.html"}), false) == "reload\n*");
  std::vector<std::string> many;
  for (int i = 0; i < 2001; ++i) many.push_back("p" + std::to_string(i) + "/index.html");
  CHECK(reload_event_data(named(many), false) == "reload\n*");
}
