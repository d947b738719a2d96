// The Markdown texts of a site as found in its files: which plan fields are
// Markdown, where a position inside a text falls in its file, and every link
// and image those texts hold as the Markdown stage parses them. The build
// checks plan links with the first two; `carnet check` lists links to other
// sites and images without a description with the third, so it sees what a
// build renders: a URL in a code span is not a link, a reference-style link
// is, at the place it is used.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/localized_text.hpp"
#include "model/plan.hpp"
#include "model/site.hpp"

namespace carnet::load {

// Calls `visit` on each Markdown text of a plan (summary, introduction, and
// the descriptions, strategies, details and notes of sections and actions).
void for_each_plan_markdown(const model::Plan& plan,
                            const std::function<void(const model::LocalizedText&)>& visit);

// Where the character at 1-based `line` and `column` of the `lang` text of
// `t` is in its file. Exact in a block scalar and on a text's first line; in
// a folded quoted text, later lines are shown at the text's own column.
base::SourcePos position_in_text(const model::LocalizedText& t, const std::string& lang,
                                 const std::string& file, int line, int column);

struct FoundLink {
  enum class Kind { link, image, html_image };
  Kind kind = Kind::link;
  base::SourcePos pos;
  std::string url;         // as written (a reference link's target); "" for html_image
  bool described = false;  // an image with a description (alt text)
};

// Links and images of every page body and plan text, sorted by file, line
// and column. `<img>` tags in raw HTML are found whether or not the site
// lets raw HTML through.
std::vector<FoundLink> find_links(const model::Site& site);

}  // namespace carnet::load
