// Links written by authors, resolved against the site: a link to a content
// file ("rapports/bilan.fr.md", "../plans/x.plan.yaml#anchor") becomes the
// URL of that page in the reader's language; a link starting with '/' is
// relative to the site root. Both are written as relative URLs so the site
// works under a sub-path and at a domain's root alike.
#pragma once

#include <optional>
#include <string>

#include "model/site.hpp"

namespace carnet::model {

struct LinkResolution {
  std::string href;                  // what to write in the HTML
  std::string error;                 // not empty: the link is broken (a content error)
  std::optional<size_t> page, plan;  // the content file it points to, if any
  std::string fragment;              // "#anchor" without '#', to check against the target
};

// `from_dir`: the folder of the file holding the link, relative to the site
// ("content/rapports"); `from_url`: the output path of the page being written
// ("en/reports/x/"); `lang`: the reader's language.
LinkResolution resolve_link(const Site& site, const std::string& from_dir,
                            const std::string& from_url, const std::string& lang,
                            const std::string& href);

// The file of static/ a local image's URL names, as the site publishes it
// ("/images/x.png" at the site root, "x.png" beside the page's URL), with
// `error` set when the URL is local and names no file. A URL with a scheme
// ("https:") or a host ("//") is not local: nullptr and no error.
struct StaticResolution {
  const StaticFile* file = nullptr;
  std::string error;
};
StaticResolution resolve_static_file(const Site& site, const std::string& from_url,
                                     const std::string& href);

// The anchors a link "#x" to this plan may use: every section and action id.
bool plan_has_anchor(const Plan& plan, const std::string& id);

}  // namespace carnet::model
