// The text of a booklet, independent of its format: blocks (paragraphs, list
// items, quotes) made of spans with a few inline styles. Markdown fields
// reach the booklet as the Markdown stage's tree (markdown::parse), read
// here into this small structure, which the PDF, EPUB and ODT writers each
// serialize their own way.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/document.hpp"
#include "markdown/markdown.hpp"
#include "view/data_blocks.hpp"

namespace carnet::render::booklet {

struct Span {
  Span() = default;
  explicit Span(std::string t) : text(std::move(t)) {}

  std::string text;  // UTF-8; "\n" is a forced line break
  bool bold = false;
  bool italic = false;
  bool code = false;
  bool strike = false;
  std::string href;  // absolute URL, "#note-N" (a page's footnote, see
                     // nodes_to_blocks), or "" when not a link
};

using Inline = std::vector<Span>;

// A Markdown table of a page: its header cells, its rows (each as long as
// the header: a short row is padded, as GFM does) and each column's
// alignment from the delimiter row.
struct TableBlock {
  enum class Align { none, left, center, right };
  std::vector<Align> align;
  std::vector<Inline> header;
  std::vector<std::vector<Inline>> rows;
};

struct Block {
  // data: a page's ```figures, ```chart or ```plan block, drawn from `data`.
  // table: a Markdown table of a page, from `table`.
  // image: a page's image, the file `image_file`; `text` is its description,
  // shown as its caption and given as its alternative text.
  enum class Kind { paragraph, item, quote, code, data, table, image };
  Kind kind = Kind::paragraph;
  int depth = 0;         // list nesting of an item: 0 for a top-level item
  bool ordered = false;  // item of a numbered list
  int number = 0;        // its number
  bool heading = false;  // a Markdown heading inside a field: shown bold
  Inline text;
  std::string lang;  // the text's language when not the booklet's (a fallback)
  std::shared_ptr<const view::DataBlockView> data;  // Kind::data
  std::shared_ptr<const TableBlock> table;          // Kind::table
  std::string image_file;                           // Kind::image: the file on disk
  std::string image_name;  // Kind::image: its name in an EPUB or ODT (packaged_image_name)
};

using Blocks = std::vector<Block>;

// One plain span.
Inline plain(std::string text);
// A paragraph of one plain span.
Block paragraph(std::string text);
// The text of spans, without styles.
std::string plain_text(const Inline& text);
std::string plain_text(const Blocks& blocks);

// Block Markdown (a plan's description, a note) as blocks, laid out as the
// site shows it: one block per paragraph, heading, list item, quoted
// paragraph, code block and table row. Links are rewritten by
// `options.rewrite_link` and lose an in-page target ('#...', footnote
// references): it means nothing on paper. Raw HTML is left out.
Blocks markdown_to_blocks(std::string_view md, const markdown::Options& options);

// The data block whose fence is on `line` of the file, or nullptr (the
// fenced block is then shown as code).
using DataBlockSource = std::function<std::shared_ptr<const view::DataBlockView>(int line)>;

// The same, with a page's data blocks (```figures, ```chart, ```plan) as
// Kind::data blocks from `data` (render/booklet/data_blocks.hpp makes it).
Blocks markdown_to_blocks(std::string_view md, const markdown::Options& options,
                          const DataBlockSource& data);

// The file on disk an image's (rewritten) URL names and its name in a
// package, or an empty path when it names none (the image is then shown as
// its description, in brackets).
struct ImageFile {
  std::string path;
  std::string name;
};
using ImageSource = std::function<ImageFile(const std::string& url)>;

// The same from the Markdown stage's tree (a page's body, cut at its
// headings). With `note_links`, a footnote reference reads as its number in
// superscript, linked to "#note-N": the booklet places note N itself (at the
// foot of the page, or at the end); without, it is the plain number. With
// `data`, the page's data blocks as in markdown_to_blocks. With `images`,
// the page is laid out as a document rather than a table's cell: a table is
// one Kind::table block, and an image outside lists and tables whose file
// `images` finds is a Kind::image block of its own (the text around it
// continues in paragraphs before and after).
Blocks nodes_to_blocks(const std::vector<markdown::Node>& nodes, bool note_links,
                       const DataBlockSource& data = {}, const ImageSource& images = {});

}  // namespace carnet::render::booklet
