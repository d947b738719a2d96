// Markdown as a small tree of plain values, for the outputs that are not
// HTML (the booklets) and for tools that look inside a text (carnet check):
// cmark-gfm's own tree, walked once, with links already rewritten through
// Options::rewrite_link and raw HTML kept only when the site lets it through.
// cmark's types stay behind this door.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/markdown.hpp"

namespace carnet::markdown {

struct Node {
  enum class Kind {
    // Blocks.
    paragraph,
    heading,         // level
    list,            // ordered, start; its children are items
    item,            // task (and checked) for a task-list item
    quote,           // a block quote
    code_block,      // text (the code), info (the language, or "")
    html_block,      // text, as written (not sanitized: print it only through
                     // sanitize_html); only with Options::unsafe_html
    thematic_break,  // ***
    table,           // align; its children are rows
    table_row,       // header for the first; its children are cells
    table_cell,
    footnote_definition,  // number; placed at the end of the document, in reference order
    // Inlines.
    text,                // text
    soft_break,          // a newline inside a paragraph
    line_break,          // a hard break: two spaces or a backslash at the end of a line
    code,                // text
    html_inline,         // text, as written, as html_block
    emphasis,            // *a*
    strong,              // **a**
    strike,              // ~~a~~
    link,                // url (rewritten), title; its children are what the link reads
    image,               // url (rewritten), title; its children are the description
    footnote_reference,  // number (the definition's)
  };

  Kind kind = Kind::paragraph;
  std::string text;
  std::string url;
  std::string title;
  std::string info;
  std::string align;  // table: one character per column, 'l', 'c', 'r' or ' ' (none)
  int level = 0;
  bool ordered = false;
  int start = 1;
  bool task = false;
  bool checked = false;
  bool header = false;
  int number = 0;
  int line = 0;    // 1-based in the file (Options::first_line applied); the
                   // enclosing node's where cmark gives none (autolinks)
  int column = 0;  // 1-based within the Markdown's line
  std::vector<Node> children;
};

// Block Markdown (a page body, a plan's description) as its top-level
// blocks. Links and images are rewritten as for to_html, and in the same
// order, so a hook that reports errors reports the same ones.
std::vector<Node> parse(std::string_view markdown, const Options& options);

// The text of inlines without their styles (an image reads as its description).
std::string plain_text(const std::vector<Node>& inlines);

// A URL as to_html writes it into an href: characters a URL may not hold
// (spaces, accents, brackets...) percent-encoded, byte by byte.
std::string escape_url(std::string_view url);

}  // namespace carnet::markdown
