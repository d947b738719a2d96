#include "render/booklet/xhtml.hpp"

#include <vector>

#include "render/booklet/data_blocks.hpp"

namespace carnet::render::booklet {

std::string xml_id(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    out += ok ? c : '-';
  }
  if (out.empty() ||
      !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_'))
    out = "id-" + out;
  return out;
}

void write_element(wrap::XmlWriter& w, const char* name, std::string_view text) {
  w.start(name);
  w.text(text);
  w.end();
}

void write_line(wrap::XmlWriter& w, const char* name, std::string_view text) {
  write_element(w, name, text);
  write_newline(w);
}

void write_lang(wrap::XmlWriter& w, const std::string& lang) {
  if (lang.empty()) return;
  w.attribute("lang", lang);
  w.attribute("xml:lang", lang);
}

void write_newline(wrap::XmlWriter& w) { w.text("\n"); }

void write_inline(wrap::XmlWriter& w, const Inline& text) {
  for (const auto& s : text) {
    int open = 0;
    auto start = [&](const char* name) {
      w.start(name);
      ++open;
    };
    if (!s.href.empty() && s.href[0] == '#') {
      // A page's footnote call ("#note-N"): the notes are a document of
      // their own at the end of the EPUB.
      start("a");
      w.attribute("epub:type", "noteref");
      w.attribute("href", "notes.xhtml" + s.href);
    } else if (!s.href.empty()) {
      start("a");
      w.attribute("href", s.href);
    }
    if (s.bold) start("strong");
    if (s.italic) start("em");
    if (s.strike) start("del");
    if (s.code) start("code");
    size_t from = 0;
    for (size_t nl; (nl = s.text.find('\n', from)) != std::string::npos; from = nl + 1) {
      w.text(std::string_view(s.text).substr(from, nl - from));
      w.start("br");
      w.end();
    }
    w.text(std::string_view(s.text).substr(from));
    while (open-- > 0) w.end();
  }
}

namespace {

const char* align_class(TableBlock::Align a) {
  switch (a) {
    case TableBlock::Align::center:
      return "center";
    case TableBlock::Align::right:
      return "right";
    case TableBlock::Align::left:
    case TableBlock::Align::none:
      break;
  }
  return nullptr;
}

// A page's Markdown table: header cells as <th scope="col">, each column's
// alignment as a class the stylesheet sets.
void write_table(wrap::XmlWriter& w, const TableBlock& t) {
  w.start("table");
  w.attribute("class", "markdown");
  auto row = [&](const std::vector<Inline>& cells, bool header) {
    w.start("tr");
    for (size_t c = 0; c < cells.size(); ++c) {
      w.start(header ? "th" : "td");
      if (header) w.attribute("scope", "col");
      if (const char* a = c < t.align.size() ? align_class(t.align[c]) : nullptr)
        w.attribute("class", a);
      write_inline(w, cells[c]);
      w.end();
    }
    w.end();
  };
  if (!t.header.empty()) {
    w.start("thead");
    row(t.header, true);
    w.end();
  }
  w.start("tbody");
  for (const auto& r : t.rows) row(r, false);
  w.end();
  w.end();
}

// A page's image with its description as alternative text and caption.
void write_figure(wrap::XmlWriter& w, const Block& b) {
  w.start("figure");
  write_lang(w, b.lang);
  w.start("img");
  w.attribute("src", b.image_name);
  w.attribute("alt", plain_text(b.text));
  w.end();
  if (!b.text.empty()) {
    w.start("figcaption");
    write_inline(w, b.text);
    w.end();
  }
  w.end();
}

}  // namespace

void write_blocks(wrap::XmlWriter& w, const Blocks& blocks, const char* paragraph_class) {
  size_t lists = 0;  // open lists; each has an open <li>
  auto close_to = [&](size_t depth) {
    while (lists > depth) {
      w.end();  // li
      w.end();  // ul, ol
      --lists;
    }
  };
  bool in_quote = false;
  for (const auto& b : blocks) {
    if (b.kind == Block::Kind::item) {
      size_t depth = static_cast<size_t>(b.depth) + 1;
      if (in_quote) {
        w.end();
        in_quote = false;
      }
      close_to(depth);
      if (lists == depth) w.end();  // the previous item at this depth
      while (lists < depth) {
        w.start(b.ordered ? "ol" : "ul");
        if (b.ordered && b.number != 1 && lists + 1 == depth)
          w.attribute("start", std::to_string(b.number));
        if (++lists < depth) w.start("li");  // a list nested without an item of its own
      }
      w.start("li");
      write_lang(w, b.lang);
      write_inline(w, b.text);
      continue;
    }
    close_to(0);
    if (b.kind == Block::Kind::data || b.kind == Block::Kind::table ||
        b.kind == Block::Kind::image) {
      if (in_quote) w.end();
      in_quote = false;
      if (b.data) write_data_block_xhtml(w, *b.data);
      if (b.table) write_table(w, *b.table);
      if (b.kind == Block::Kind::image) write_figure(w, b);
      write_newline(w);
      continue;
    }
    if (b.kind == Block::Kind::quote && !in_quote) {
      w.start("blockquote");
      in_quote = true;
    } else if (b.kind != Block::Kind::quote && in_quote) {
      w.end();
      in_quote = false;
    }
    if (b.kind == Block::Kind::code) {
      w.start("pre");
      write_lang(w, b.lang);
      write_element(w, "code", plain_text(b.text));
      w.end();
      write_newline(w);
      continue;
    }
    w.start("p");
    if (paragraph_class) w.attribute("class", paragraph_class);
    write_lang(w, b.lang);
    if (b.heading) w.start("strong");
    write_inline(w, b.text);
    if (b.heading) w.end();
    w.end();
    write_newline(w);
  }
  close_to(0);
  if (in_quote) w.end();
}

std::string blocks_xhtml(const Blocks& blocks) {
  wrap::XmlWriter w(false);
  w.start("x");
  write_blocks(w, blocks);
  w.end();
  std::string doc = w.finish();
  // Drop the declaration, <x> and </x> (and the writer's final newline).
  const size_t open = doc.find("<x>") + 3;
  const size_t close = doc.rfind("</x>");
  return doc.substr(open, close - open);
}

}  // namespace carnet::render::booklet
