// A page's data blocks on the web: key figures as a description list, a
// chart as inline SVG (role="img", titled) with its numbers in a table for
// screen readers, and a plan excerpt as the table of actions the plan page
// shows. load/ leaves a marker where each block goes (model/data_blocks.hpp);
// this is the stage that has the view, so it draws them.
#pragma once

#include <string>

#include "model/site.hpp"
#include "view/data_blocks.hpp"

namespace carnet::render::html {

// `page_html` with each data block marker replaced by its block, drawn for
// the page at output folder path `page_url` in `page.lang`.
std::string expand_data_blocks(const model::Site& site, const model::Page& page,
                               const std::string& page_html, const std::string& page_url);

// One block's HTML; `n` makes its ids unique within the page.
std::string data_block_html(const view::DataBlockView& block, const std::string& page_url,
                            size_t n);

}  // namespace carnet::render::html
