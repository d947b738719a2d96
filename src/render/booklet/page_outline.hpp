// The printable outline of a page marked `booklet: true` (a report, an
// annual report, a planning summary): the same Booklet a plan gets, so that
// the cover, contents, bookmarks and running heads of every format work
// unchanged. The page's headings become its sections (the shallowest
// heading level is the outermost), the text under each heading their
// description, what comes before the first heading the introduction, the
// front matter's summary the summary, and its footnotes Booklet::notes.
#pragma once

#include "model/site.hpp"
#include "render/booklet/outline.hpp"

namespace carnet::render::booklet {

Booklet build_page_outline(const model::Site& site, const model::Page& page);

}  // namespace carnet::render::booklet
