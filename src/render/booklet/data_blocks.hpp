// A page's data blocks (```figures, ```chart, ```plan) on their way into a
// booklet: the source markdown_to_blocks asks for the block at a fence's
// line, computed once per block in the booklet's language by the same view
// the web page uses (view::data_block_view), and how each format draws one:
// the PDF with the layout's own vectors (rectangles, lines, text), EPUB as
// XHTML with an inline SVG chart and its table, ODT as tables.
#pragma once

#include <string>

#include "model/site.hpp"
#include "render/booklet/flow.hpp"
#include "render/booklet/rich_text.hpp"
#include "wrap/xml_writer.hpp"

namespace carnet::render::booklet {

// The data blocks of `page` as its booklet in `lang` shows them.
DataBlockSource page_data_blocks(const model::Site& site, const model::Page& page,
                                 const std::string& lang);

// PDF: the block in the flow at `indent` from the left margin, tagged
// (a figure row as a list, a chart as a Figure with its numbers as alternative
// text, a plan excerpt as a Table).
void place_data_block(Flow& flow, Typesetter& ts, const view::DataBlockView& block,
                      const TextStyle& style, double indent);

// EPUB (XHTML) and ODT (office:text content).
void write_data_block_xhtml(wrap::XmlWriter& w, const view::DataBlockView& block);
void write_data_block_odt(wrap::XmlWriter& w, const view::DataBlockView& block);

}  // namespace carnet::render::booklet
