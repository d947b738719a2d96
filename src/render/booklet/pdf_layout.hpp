// Lays out a booklet on pages: cover, table of contents with page numbers,
// summary and introduction, every level with its heading and its actions
// (a table, a landscape table, or a card per action, whichever stays
// readable), progress notes, the progress page, and the running header and
// page number of every page after the cover.
#pragma once

#include "render/booklet/outline.hpp"
#include "render/booklet/page.hpp"
#include "render/booklet/theme.hpp"

namespace carnet::render::booklet {

// A PDF's document information from its outline (title, author, subject,
// language, date), with no page yet: every layout starts from it.
LaidOutBooklet document_of(const Booklet& booklet);

LaidOutBooklet lay_out(const Booklet& booklet, Typesetter& ts, const PageGeometry& geometry);

}  // namespace carnet::render::booklet
