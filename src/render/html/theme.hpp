// The theme a build renders with: the built-in theme's files, overridden file
// by file by the site's own themes/default/ and then layouts/ (templates).
// Its words are not here: load/ reads them into model::Site::words, for the
// booklets as well as the pages. Templates are read and parsed once per build;
// `{{> name}}` partials are spliced in before parsing, because kainjow
// mustache would otherwise re-parse a partial each time a page uses it.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.hpp"
#include "model/site.hpp"

namespace carnet::render::html {

namespace mustache = kainjow::mustache;

// Parsed templates by name ("page", "plan", ...). A copy per worker thread:
// kainjow's render() is not const (it records errors in the template).
struct Templates {
  std::map<std::string, mustache::mustache> by_name;
  mustache::mustache& get(const std::string& name) { return by_name.at(name); }
};

// A file the pages load by a fingerprinted name, so that a cache may keep it
// for ever: a new version is a new name.
struct Asset {
  std::string path;  // "js/filters.<fingerprint>.js"
  std::string bytes;
};

struct Theme {
  Templates templates;
  std::string css;       // the stylesheet's bytes
  std::string css_path;  // "css/style.<fingerprint>.css"
  // Every js/NAME.js of the theme by NAME; a page finds it as `script_NAME`
  // (its URL relative to the page), e.g. {{script_filters}}.
  std::map<std::string, Asset> scripts;
};

// The templates every build needs.
inline constexpr const char* required_templates[] = {"home", "page", "section",
                                                     "plan", "404",  "chooser"};

// Reports template errors in the site's files to `diags`
// ("layouts/page.mustache:3:7: error: template: unclosed tag") and returns
// nullopt when there is any.
std::optional<Theme> load_theme(const model::Site& site, base::Diagnostics& diags);

// Same, from given files (theme-relative path → bytes, and where each came
// from for error messages); for tests and load_theme. `brand_css` (the
// site's brand colours, view::brand_css) goes before the stylesheet.
struct ThemeFile {
  std::string bytes;
  std::string origin;  // "layouts/page.mustache" (site) or "(built-in) layouts/page.mustache"
};
std::optional<Theme> build_theme(const std::map<std::string, ThemeFile>& files,
                                 base::Diagnostics& diags, const std::string& brand_css = "");

}  // namespace carnet::render::html
