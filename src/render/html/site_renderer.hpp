// Renders the whole website: every page, section index, plan page, feed,
// sitemap, robots.txt, 404, stylesheet and static file, as output files.
// Templates come from the built-in theme (themes/default, embedded in the
// binary) unless the site's layouts/ has a file of the same name.
#pragma once

#include <vector>

#include "base/diagnostics.hpp"
#include "base/output_file.hpp"
#include "model/site.hpp"

namespace carnet::render::html {

struct RenderOptions {
  bool live_reload = false;  // carnet serve: inject the reload script
  std::string live_reload_url = "/__carnet/events";
};

// Template errors in the site's layouts/ are reported to `diags` (path:line).
std::vector<base::OutputFile> render_site(const model::Site& site, const RenderOptions& options,
                                          base::Diagnostics& diags);

}  // namespace carnet::render::html
