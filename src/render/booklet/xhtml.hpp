// Rich text as XHTML (EPUB content documents) and XML escaping shared by the
// EPUB and ODT writers.
#pragma once

#include <string>
#include <string_view>

#include "render/booklet/rich_text.hpp"

namespace carnet::render::booklet {

// Escapes & < > " for XML text and attribute values.
std::string xml_escape(std::string_view s);

// An id that is a valid XML name: "section-2.1" stays, anything else → '-'.
std::string xml_id(std::string_view s);

std::string inline_xhtml(const Inline& text);

// Paragraphs as <p>, list items as nested <ul>/<ol>, quotes as <blockquote>.
std::string blocks_xhtml(const Blocks& blocks, const std::string& paragraph_class = "");

}  // namespace carnet::render::booklet
