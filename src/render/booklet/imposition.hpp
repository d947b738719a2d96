// Page orders for printing. Saddle stitch: the pages of a booklet printed two
// per sheet side, so that the sheets, printed double-sided, stacked and
// folded in the middle, read in order (a 8-page booklet prints 8|1 and 2|7
// on the first sheet, 6|3 and 4|5 on the second). Tête-bêche: one language
// from the front cover, the other from the back cover turned upside down.
#pragma once

#include <vector>

#include "render/booklet/pdf_writer.hpp"
#include "render/booklet/theme.hpp"

namespace carnet::render::booklet {

// A page of a printed sequence: index into the pages (-1: blank) and turn.
struct SequencePage {
  long page = -1;
  int rotation = 0;
};

// Pages [0, n) in order.
std::vector<SequencePage> in_order(long n);

// The first booklet's pages, then the second's in reverse order turned
// upside down; each half padded with blanks to an even count so that both
// covers are outer pages. `second_offset`: index of the second's first page.
std::vector<SequencePage> tete_beche(long first_count, long second_offset, long second_count);

// The sequence in saddle-stitch order, padded with blanks to a multiple of
// four: two pages per sheet side, sides alternating front and back.
std::vector<SequencePage> saddle_stitch_order(std::vector<SequencePage> pages);

// One sheet per page of `pages`' size (a sequence for reading or tête-bêche).
std::vector<Sheet> single_sheets(const std::vector<SequencePage>& sequence,
                                 const std::vector<Page>& pages, const PageGeometry& page);
// Two pages per sheet side: `sequence` is already in saddle-stitch order.
std::vector<Sheet> two_up_sheets(const std::vector<SequencePage>& ordered,
                                 const PageGeometry& sheet);

}  // namespace carnet::render::booklet
