// Places text blocks (paragraphs, list items, quotes) and headings in the
// flow, with their structure tags. Shared by the parts of the PDF layout.
#pragma once

#include <string>

#include "render/booklet/flow.hpp"
#include "render/booklet/rich_text.hpp"

namespace carnet::render::booklet {

// Paragraphs and lists in `style`, at `indent` from the left margin.
void place_blocks(Flow& flow, Typesetter& ts, const Blocks& blocks, const TextStyle& style,
                  double indent = 0);

// A heading: an optional kicker line above ("ORIENTATION 2"), kept with
// `keep_after` points of what follows, tagged H`level`, with a named
// destination for links and bookmarks.
void place_heading(Flow& flow, Typesetter& ts, const std::string& kicker, const std::string& title,
                   int level, const std::string& dest, double keep_after);

// The uppercase form of a label, for kickers.
std::string upper(const std::string& text);

}  // namespace carnet::render::booklet
