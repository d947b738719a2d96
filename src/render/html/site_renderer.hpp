// Renders the whole website: every page, section index, plan page, feed,
// sitemap, robots.txt, 404, stylesheet and static file, as output files.
// Templates come from the built-in theme (themes/default, embedded in the
// binary) unless the site's layouts/ has a file of the same name.
#pragma once

#include <functional>
#include <memory>
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

using BatchSink = std::function<void(std::vector<base::OutputFile>&&)>;

// The same files, in no set order, handed to `batch` as they are made:
// the HTML pages `batch_pages` at a time, then the files of the whole site
// (sitemap, feeds, stylesheet, scripts, static files), so that a large
// site's pages are never all held at once. Nothing is handed over when
// the theme has errors.
void render_site(const model::Site& site, const RenderOptions& options, base::Diagnostics& diags,
                 const BatchSink& batch, size_t batch_pages);

// The preview's renderer of one page at a time (cli/serve/incremental_site):
// it keeps the theme and what the whole site's pages share (menus, lists,
// addresses), made once from `site`, which must outlive it and must change
// only in page bodies (Page::markdown, html, anchors, blocks) while it lives.
class PageRenderer {
 public:
  // Null when the theme has errors (reported to `diags`).
  static std::unique_ptr<PageRenderer> make(const model::Site& site, const RenderOptions& options,
                                            base::Diagnostics& diags);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  // Every HTML file that shows the body of site.pages[page_index], exactly
  // as render_site makes it: the page's own, or the home page or section
  // index whose text it is.
  std::vector<base::OutputFile> render_body_of(size_t page_index);

 private:
  PageRenderer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace carnet::render::html
