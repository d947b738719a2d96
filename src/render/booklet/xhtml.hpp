// Rich text as XHTML (EPUB content documents), written through libxml2's
// writer so that no text, whatever it holds, can make a document
// ill-formed; and the small helpers the EPUB and ODT writers share.
#pragma once

#include <string>
#include <string_view>

#include "render/booklet/rich_text.hpp"
#include "wrap/xml_writer.hpp"

namespace carnet::render::booklet {

// An id that is a valid XML name: "section-2.1" stays, anything else → '-'.
std::string xml_id(std::string_view s);

// One element holding text: <name>text</name>.
void write_element(wrap::XmlWriter& w, const char* name, std::string_view text);

// The same, then a line break: a heading, a title.
void write_line(wrap::XmlWriter& w, const char* name, std::string_view text);

// lang and xml:lang, when `lang` is set (a text in a fallback language).
void write_lang(wrap::XmlWriter& w, const std::string& lang);

// A line break between block elements, so that the files read well in a
// diff; never inside an element that holds text.
void write_newline(wrap::XmlWriter& w);

void write_inline(wrap::XmlWriter& w, const Inline& text);

// Paragraphs as <p> (with `paragraph_class`), list items as nested
// <ul>/<ol>, quotes as <blockquote>, code as <pre>.
void write_blocks(wrap::XmlWriter& w, const Blocks& blocks, const char* paragraph_class = nullptr);

// The blocks as an XHTML fragment (no declaration): for tests.
std::string blocks_xhtml(const Blocks& blocks);

// What a document from wrap::XmlWriter::finish() starts with.
inline constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace carnet::render::booklet
