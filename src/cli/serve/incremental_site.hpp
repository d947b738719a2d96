// The preview's site in memory and its dependency graph: what a saved file
// changes among the outputs. The loaded site and every output (path →
// bytes) stay in memory between saves; a save of a page's body alone
// re-parses that file, renders its body again and re-renders only the HTML
// files that show it (render::html::PageRenderer). Every other change —
// front matter, a plan, carnet.yaml, layouts, words, static/, a new or
// deleted file, a save that brings an error — widens to a full build (with
// the parse cache), since its set of outputs (lists, menus, feeds, sitemap,
// alternates, link checks) is most of the site. Either way the outputs are
// exactly a full build's: tests/incremental_preview_test.cpp checks it on
// random edits. Each update names the outputs whose bytes changed, so that
// only the open pages among them reload. Booklets and the search index are
// not part of the builds: each booklet is made when its address is
// requested, and kept until a change that may touch it (any full build; a
// body-only save, for the page's own booklets); the search index (every
// page's text, a second's work at 10 000 pages) is made at the first request
// of one of its files, and kept until any save.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/output_file.hpp"
#include "cli/build_pipeline.hpp"
#include "cli/serve/outputs.hpp"

namespace carnet::render::html {
class PageRenderer;
}

namespace carnet::cli::serve {

// What one update did.
struct Update {
  bool full = false;  // the whole site was built again
  // Every output path added, removed or whose bytes changed, sorted; when
  // `everything`, open pages must all reload (the last or this build has
  // errors, or a file of static/ changed, whose bytes the outputs do not hold).
  std::vector<std::string> changed;
  bool everything = false;
};

class IncrementalSite {
 public:
  // `options.load.cache` is replaced by this site's own parse cache.
  IncrementalSite(std::filesystem::path root, BuildOptions options);
  ~IncrementalSite();
  IncrementalSite(const IncrementalSite&) = delete;
  IncrementalSite& operator=(const IncrementalSite&) = delete;

  // The options of the next builds (the preview sets base_url from
  // carnet.yaml before each full build).
  BuildOptions& options() { return options_; }

  // What a full build shows before it is done: the pages of the file just
  // saved, rendered from the new site as the build will render them, while
  // the other pages are still being made. `outputs()` holds them when it is
  // called; the Update returned at the end names only what differs from them.
  using EarlyUpdate = std::function<void(const Update&)>;

  // Builds everything.
  Update rebuild() { return rebuild({}, {}); }
  // After the files `changed` (relative to the site, as SiteWatcher gives
  // them) were saved, created or deleted. When one page was saved and its
  // change needs a full build (a title, a date), `early` is called with its
  // own pages first.
  Update update(const std::vector<std::string>& changed, const EarlyUpdate& early = {});

  // A booklet of the current site (PDF, EPUB, ODT, summary, imposed,
  // tête-bêche) or a file of its search index, made at its first request;
  // null when `path` is none of those or the last build has errors. The
  // only member that may be called from another thread (the server's) while
  // updates run.
  std::shared_ptr<const base::OutputFile> on_request(const std::string& path);

  // Makes what a body-only update needs (the page renderer: theme, menus,
  // lists; most of a second at 10 000 pages) now rather than at the next
  // save: the preview calls it after publishing a full build.
  void prepare();

  // The outputs of the last build, empty when it has errors.
  const Outputs& outputs() const { return outputs_; }
  OutputMap files() const { return outputs_.merged(); }
  // The last build's diagnostics (a body-only update: the page's own).
  const base::Diagnostics& diags() const { return diags_; }

 private:
  Update rebuild(const std::string& saved, const EarlyUpdate& early);
  // Tries the body-only path; false when the change needs a full build.
  bool update_body(const std::string& source, Update& update);
  // The pages of `source` rendered from `site`, put among the outputs and
  // named to `early`.
  void show_early(const model::Site& site, const std::string& source, const EarlyUpdate& early);
  std::shared_ptr<const base::OutputFile> booklet(const std::string& path);
  std::shared_ptr<const base::OutputFile> search_file(const std::string& path);

  std::filesystem::path root_;
  BuildOptions options_;
  std::unique_ptr<load::ParseCache> cache_;
  std::unique_ptr<model::Site> site_;                     // null after a build with errors
  std::unique_ptr<render::html::PageRenderer> renderer_;  // by prepare()
  Outputs outputs_;
  base::Diagnostics diags_;
  std::mutex mutex_;    // site_, booklets_ and search_, for on_request()
  OutputMap booklets_;  // made on request, by path
  OutputMap search_;    // the whole index once one of its files was asked for
};

// The text before line `line` (1-based) of `text`: a page's front matter,
// given its body_line.
std::string_view lines_before(std::string_view text, int line);

}  // namespace carnet::cli::serve
