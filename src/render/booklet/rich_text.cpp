#include "render/booklet/rich_text.hpp"

#include <algorithm>

#include "markdown/document.hpp"

namespace carnet::render::booklet {

Inline plain(std::string text) {
  Inline out;
  out.push_back(Span{std::move(text)});
  return out;
}

Block paragraph(std::string text) {
  Block b;
  b.text = plain(std::move(text));
  return b;
}

std::string plain_text(const Inline& text) {
  std::string out;
  for (const auto& s : text) out += s.text;
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += '\n';
    out += plain_text(b.text);
  }
  return out;
}

namespace {

// "12" → "¹²": a note's call, in characters every booklet face has.
std::string superscript(int number) {
  static const char* const digits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string out;
  for (char c : std::to_string(number)) out += digits[c - '0'];
  return out;
}

// Builds blocks from the Markdown tree the way a browser would lay out the
// site's HTML, flattened to what a booklet shows: one block per paragraph,
// heading, list item, quoted paragraph, code block and table row.
struct Builder {
  const DataBlockSource* data = nullptr;
  Blocks blocks;
  Block current;
  bool open = false;
  int lists = 0;  // enclosing lists, for an item's depth
  int quote = 0;
  Span style;                           // the styles and link of the text being added
  bool after_space = true;              // white space collapses, as in HTML
  bool note_links = false;              // footnote references link to "#note-N"
  const ImageSource* images = nullptr;  // set: tables and images as blocks of their own
  bool in_table = false;

  bool structured() const { return images && *images; }

  void start(Block::Kind kind) {
    finish();
    current = Block{};
    current.kind = kind;
    open = true;
    after_space = true;
  }
  Block::Kind text_kind() const { return quote ? Block::Kind::quote : Block::Kind::paragraph; }
  void ensure_open() {
    if (!open) start(text_kind());
  }
  void finish() {
    if (!open) return;
    // Trailing spaces and empty spans carry nothing.
    while (!current.text.empty()) {
      auto& t = current.text.back().text;
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (!t.empty()) break;
      current.text.pop_back();
    }
    if (!current.text.empty() || current.kind == Block::Kind::item) blocks.push_back(current);
    open = false;
  }
  void add(std::string t, bool collapse = true) {
    if (collapse) {
      std::string collapsed;
      for (char c : t) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
          if (!after_space) collapsed += ' ';
          after_space = true;
        } else {
          collapsed += c;
          after_space = false;
        }
      }
      t = std::move(collapsed);
    }
    if (t.empty()) return;
    ensure_open();
    auto& spans = current.text;
    if (!spans.empty()) {
      auto& last = spans.back();
      if (last.bold == style.bold && last.italic == style.italic && last.code == style.code &&
          last.strike == style.strike && last.href == style.href) {
        last.text += t;
        return;
      }
    }
    Span s = style;
    s.text = std::move(t);
    spans.push_back(std::move(s));
  }

  // A paragraph (or a table row) inside a list item continues the item
  // while it has no text yet: tight and loose lists read the same on paper.
  void start_text_block() {
    if (!(open && current.kind == Block::Kind::item && current.text.empty())) start(text_kind());
  }

  void blocks_of(const std::vector<markdown::Node>& nodes) {
    for (const auto& n : nodes) block(n);
  }

  void block(const markdown::Node& n) {
    using K = markdown::Node::Kind;
    switch (n.kind) {
      case K::paragraph:
        start_text_block();
        inlines(n.children);
        finish();
        break;
      case K::heading:
        start(Block::Kind::paragraph);
        current.heading = true;
        inlines(n.children);
        finish();
        break;
      case K::list: {
        finish();
        ++lists;
        int number = n.start;
        for (const auto& item : n.children) item_block(item, n.ordered, number++);
        --lists;
        finish();
        break;
      }
      case K::footnote_definition:
        // The site lists notes at the end as a numbered list; so does paper.
        finish();
        ++lists;
        item_block(n, true, n.number);
        --lists;
        break;
      case K::item:
        item_block(n, false, 1);
        break;
      case K::quote:
        finish();
        ++quote;
        blocks_of(n.children);
        finish();
        --quote;
        break;
      case K::code_block:
        if (data && *data && model::data_block_kind(n.info))
          if (auto view = (*data)(n.line)) {
            finish();
            Block b;
            b.kind = Block::Kind::data;
            b.data = std::move(view);
            blocks.push_back(std::move(b));
            break;
          }
        start(Block::Kind::code);
        style = Span{};
        style.code = true;
        add(n.text, false);
        style = Span{};
        finish();
        break;
      case K::table:
        if (structured() && !lists && !quote && !in_table) {
          table(n);
          break;
        }
        blocks_of(n.children);
        break;
      case K::table_row:
        start_text_block();
        for (const auto& cell : n.children) {
          inlines(cell.children);
          add(" ");
        }
        finish();
        break;
      default:
        // Raw HTML has no place on paper; a rule has no text.
        break;
    }
  }

  // A table as one block: each cell's inlines, read like a paragraph's.
  void table(const markdown::Node& n) {
    finish();
    auto t = std::make_shared<TableBlock>();
    for (char a : n.align)
      t->align.push_back(a == 'l'   ? TableBlock::Align::left
                         : a == 'c' ? TableBlock::Align::center
                         : a == 'r' ? TableBlock::Align::right
                                    : TableBlock::Align::none);
    in_table = true;
    for (const auto& row : n.children) {
      std::vector<Inline> cells;
      for (const auto& cell : row.children) {
        start(Block::Kind::paragraph);
        inlines(cell.children);
        // finish() drops an empty block; an empty cell is still a cell.
        Blocks saved = std::move(blocks);
        blocks.clear();
        finish();
        cells.push_back(blocks.empty() ? Inline{} : std::move(blocks.front().text));
        blocks = std::move(saved);
      }
      cells.resize(std::max(cells.size(), t->align.size()));
      if (row.header && t->header.empty())
        t->header = std::move(cells);
      else
        t->rows.push_back(std::move(cells));
    }
    in_table = false;
    t->align.resize(std::max(t->align.size(), t->header.size()), TableBlock::Align::none);
    Block b;
    b.kind = Block::Kind::table;
    b.table = std::move(t);
    blocks.push_back(std::move(b));
  }

  void item_block(const markdown::Node& item, bool ordered, int number) {
    start(Block::Kind::item);
    current.depth = lists - 1;
    current.ordered = ordered;
    current.number = number;
    if (item.task) add(item.checked ? "[x] " : "[ ] ");
    // A task's box and its text read as one line, even in a loose list.
    if (item.task && !item.children.empty() &&
        item.children.front().kind == markdown::Node::Kind::paragraph) {
      inlines(item.children.front().children);
      finish();
      blocks_of({item.children.begin() + 1, item.children.end()});
    } else {
      blocks_of(item.children);
    }
    finish();
  }

  void inlines(const std::vector<markdown::Node>& nodes) {
    using K = markdown::Node::Kind;
    for (const auto& n : nodes) {
      const Span saved = style;
      switch (n.kind) {
        case K::text:
        case K::code:
          style.code = style.code || n.kind == K::code;
          add(n.text);
          break;
        case K::soft_break:
          add("\n");
          break;
        case K::line_break:
          // A forced break is a span of its own; what follows joins it.
          ensure_open();
          current.text.push_back(Span{"\n"});
          after_space = true;
          break;
        case K::emphasis:
          style.italic = true;
          inlines(n.children);
          break;
        case K::strong:
          style.bold = true;
          inlines(n.children);
          break;
        case K::strike:
          style.strike = true;
          inlines(n.children);
          break;
        case K::link:
          // In-page targets (footnotes, headings) mean nothing on paper.
          style.href = n.url.empty() || n.url[0] == '#' ? "" : markdown::escape_url(n.url);
          inlines(n.children);
          break;
        case K::image: {
          std::string alt = markdown::plain_text(n.children);
          if (structured() && !lists && !in_table) {
            if (ImageFile file = (*images)(n.url); !file.path.empty()) {
              // The image stands on its own between the text before and after.
              const Block::Kind kind = open ? current.kind : text_kind();
              finish();
              Block b;
              b.kind = Block::Kind::image;
              b.image_file = std::move(file.path);
              b.image_name = std::move(file.name);
              b.text = plain(alt);
              blocks.push_back(std::move(b));
              start(kind);
              break;
            }
          }
          // Without its file, paper shows an image's description.
          if (!alt.empty()) add("[" + alt + "]");
          break;
        }
        case K::footnote_reference:
          if (note_links) {
            style.href = "#note-" + std::to_string(n.number);
            add(superscript(n.number));
          } else {
            style.href.clear();
            add(std::to_string(n.number));
          }
          break;
        default:
          break;
      }
      style = saved;
    }
  }
};

}  // namespace

Blocks nodes_to_blocks(const std::vector<markdown::Node>& nodes, bool note_links,
                       const DataBlockSource& data, const ImageSource& images) {
  Builder b;
  b.note_links = note_links;
  b.data = &data;
  b.images = &images;
  b.blocks_of(nodes);
  b.finish();
  return b.blocks;
}

Blocks markdown_to_blocks(std::string_view md, const markdown::Options& options) {
  return markdown_to_blocks(md, options, DataBlockSource());
}

Blocks markdown_to_blocks(std::string_view md, const markdown::Options& options,
                          const DataBlockSource& data) {
  Builder b;
  b.data = &data;
  b.blocks_of(markdown::parse(md, options));
  b.finish();
  return b.blocks;
}

}  // namespace carnet::render::booklet
