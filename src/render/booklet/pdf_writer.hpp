// Writes laid-out pages as a PDF with cairo: text through Pango, structure
// tags (Tagged PDF) and links, bookmarks, metadata dated from the content.
// Pages are placed on sheets: one page per sheet for reading, two per sheet
// side for a saddle-stitched booklet, half of them upside down for a
// tête-bêche booklet.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "render/booklet/page.hpp"

namespace carnet::render::booklet {

struct Placement {
  long page = -1;                              // index into the pages, -1 for a blank
  double x = 0, y = 0, width = 0, height = 0;  // the slot on the sheet
  int rotation = 0;  // 0 or 180; a landscape page in a portrait slot also turns 90°
};

struct Sheet {
  double width = 0, height = 0;
  std::vector<Placement> placements;
};

// Draws one page on any cairo context (an image, for the ODT's chart), with
// no tags or links.
void draw_page(cairo_t* cr, const Page& page);

// One sheet per page, as laid out: the reading PDF.
std::vector<Sheet> reading_sheets(const std::vector<Page>& pages);

// `context` names the file in error messages.
// A document whose sheets are its pages unchanged (reading_sheets) is tagged
// and gets links and named destinations; an imposed one is for printing only.
std::string write_pdf(const LaidOutBooklet& booklet, const std::vector<Sheet>& sheets,
                      const std::string& context);

}  // namespace carnet::render::booklet
