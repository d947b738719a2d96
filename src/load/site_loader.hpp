// Reads a whole site folder into the model: carnet.yaml, every page and plan
// under content/, the static files; then computes URLs, pairs translations,
// renders Markdown bodies and checks every link. Reports every content error
// to `diags` (paths relative to the site) and never stops at the first.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/plan_history.hpp"
#include "model/links.hpp"
#include "model/site.hpp"

namespace carnet::load {

// A link to an anchor of another page or plan, checked once every body is
// rendered (the target's anchors are known only then).
struct FragmentCheck {
  base::SourcePos pos;
  model::LinkResolution link;
};

// What a load parsed, file by file, for the next load of the same site: the
// preview rebuilds at every save, and parsing (above all the plans' YAML) is
// most of a load. A file whose bytes and the site's languages are the same
// as last time is not parsed again. Addresses and links are computed
// afresh, since they depend on other files; a page's rendered body is kept
// too, and used again while nothing it reads of the other files changed.
class ParseCache {
 public:
  struct File {
    std::string text;
    std::string languages;            // the site's languages it was parsed with
    std::optional<model::Page> page;  // drafts included
    std::optional<model::Plan> plan;
    base::Diagnostics diags;
  };
  // The files of the last load only: a deleted file is forgotten.
  std::map<std::string, File> files;

  // A page's body as render_page_body made it from this Markdown, starting
  // at this line of its file (its address and language are in the context
  // below). Bodies with data blocks are not kept (a block reads plans), nor
  // bodies with a diagnostic.
  struct Body {
    std::string markdown;
    int body_line = 1;
    std::string html;
    std::vector<std::string> anchors;
    base::Diagnostics diags;
    std::vector<FragmentCheck> checks;  // checked again at each load
  };
  // What every body of the last load read of the rest of the site (the
  // addresses, languages and translations of pages and plans, the static
  // files, raw HTML allowed or not): the bodies are used again only while
  // it is the same.
  std::string body_context;
  std::map<std::string, Body> bodies;  // by source
  // Versions of plan files read from Git (load/plan_history).
  HistoryCache history;
};

struct LoadOptions {
  bool include_drafts = false;
  std::string base_url;         // overrides carnet.yaml's base_url when not empty
  ParseCache* cache = nullptr;  // read and updated when given
  // When not empty, replaces tracking.since and every plan's `since`
  // (`carnet changes --since REF`); its errors are at the path "--since".
  std::string since;
  // Read what Git knows of each plan (as-of dates, changes, histories).
  // Off for work that never shows them, such as translation, so that a
  // history problem cannot stop it.
  bool history = true;
};

model::Site load_site(const std::filesystem::path& root, const LoadOptions& options,
                      base::Diagnostics& diags);

// Renders one page's body (`page.html`, `page.anchors`, `page.blocks`) with
// its links rewritten against `site`, whose addresses must be assigned:
// load_site does it for every page, the preview for the page just saved.
// Links to anchors are added to `checks`, for check_fragment.
void render_page_body(const model::Site& site, model::Page& page, base::Diagnostics& diags,
                      std::vector<FragmentCheck>& checks);
void check_fragment(const model::Site& site, const FragmentCheck& check, base::Diagnostics& diags);

}  // namespace carnet::load
