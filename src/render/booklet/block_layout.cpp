#include "render/booklet/block_layout.hpp"

#include <glib.h>

#include <algorithm>
#include <memory>

#include "render/booklet/data_blocks.hpp"
#include "render/booklet/table_layout.hpp"
#include "wrap/image.hpp"

namespace carnet::render::booklet {

namespace {
constexpr double list_indent = 14;
constexpr double paragraph_gap = 0.55;  // of the font size
TextStyle::Align text_align(TableBlock::Align a) {
  switch (a) {
    case TableBlock::Align::center:
      return TextStyle::Align::center;
    case TableBlock::Align::right:
      return TextStyle::Align::right;
    case TableBlock::Align::left:
    case TableBlock::Align::none:
      break;
  }
  return TextStyle::Align::left;
}

// A page's Markdown table, set as a plan's tables are: columns fitted to
// their content, the header row again on every page the table spans.
void place_markdown_table(Flow& flow, Typesetter& ts, const TableBlock& t, const TextStyle& style,
                          double indent) {
  TableSpec spec;
  const TextStyle cell = styles::table_cell();
  for (size_t c = 0; c < t.header.size(); ++c) {
    spec.headers.push_back(plain_text(t.header[c]));
    spec.header_align.push_back(text_align(t.align[c]));
  }
  for (const auto& r : t.rows) {
    TableRow row;
    for (size_t c = 0; c < r.size(); ++c) {
      CellPara p{r[c], cell, "", 0, "", std::nullopt, 0};
      p.style.align = text_align(c < t.align.size() ? t.align[c] : TableBlock::Align::none);
      row.cells.push_back({std::move(p)});
    }
    spec.rows.push_back(std::move(row));
  }
  const double width = flow.width() - indent;
  auto widths = fit_columns(ts, spec, width);
  // Too many columns for the measure even at their narrowest: equal shares,
  // and the words break.
  if (!widths) widths = std::vector<double>(t.header.size(), width / t.header.size());
  flow.space(style.size * 0.3);
  place_table(flow, ts, spec, *widths);
  flow.space(style.size * 0.8);
}

// An image at the text's width, never beyond its natural size nor taller
// than `max_height` of the page, kept on one page with its caption (the
// description, in italics, under it). Tagged Figure, the description as its
// alternative text.
constexpr double max_height = 0.6;

void place_image(Flow& flow, Typesetter& ts, const Block& b, const TextStyle& style,
                 double indent) {
  auto image = std::make_shared<const wrap::Image>(wrap::Image::load(b.image_file));
  const double room = flow.width() - indent;
  const double scale =
      std::min({1.0, room / std::max(1.0, image->width()),
                flow.geometry().content_height() * max_height / std::max(1.0, image->height())});
  const double w = image->width() * scale, h = image->height() * scale;
  TextStyle cs = style;
  cs.italic = true;
  cs.size *= 0.9;
  cs.color = palette::muted;
  cs.align = TextStyle::Align::center;
  TextBlock caption = b.text.empty() ? TextBlock{} : ts.set(b.text, cs, room, b.lang);
  const double gap = style.size * 0.4;
  flow.space(style.size * 0.3);
  flow.ensure(h + gap + caption.height());
  const std::string alt = plain_text(b.text);
  flow.add(TagBegin{"Figure", alt});
  flow.add(DrawImage{image, {flow.left() + indent + (room - w) / 2, flow.y(), w, h}});
  flow.add(TagEnd{"Figure"});
  flow.advance(h + gap);
  if (!caption.empty()) flow.text(caption, indent, "Caption");
  flow.space(style.size * paragraph_gap);
}

}  // namespace

std::string upper(const std::string& text) {
  std::unique_ptr<gchar, decltype(&g_free)> up(g_utf8_strup(text.c_str(), -1), g_free);
  return up.get();
}

void place_blocks(Flow& flow, Typesetter& ts, const Blocks& blocks, const TextStyle& style,
                  double indent) {
  bool in_list = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.kind == Block::Kind::data || b.kind == Block::Kind::table ||
        b.kind == Block::Kind::image) {
      if (in_list) flow.close("L");
      in_list = false;
      if (b.data) place_data_block(flow, ts, *b.data, style, indent);
      if (b.table) place_markdown_table(flow, ts, *b.table, style, indent);
      if (b.kind == Block::Kind::image) place_image(flow, ts, b, style, indent);
      continue;
    }
    bool item = b.kind == Block::Kind::item;
    if (item && !in_list) {
      flow.open("L");
      in_list = true;
    } else if (!item && in_list) {
      flow.close("L");
      in_list = false;
    }
    TextStyle s = style;
    double x = indent;
    if (b.heading) {
      s.family = "Noto Sans";
      s.bold = true;
      s.hyphenate = false;
      s.align = TextStyle::Align::left;
    }
    if (b.kind == Block::Kind::quote) {
      s.italic = true;
      s.color = palette::muted;
      x += list_indent;
    }
    if (b.kind == Block::Kind::code) {
      s.family = "monospace";
      s.size *= 0.9;
      s.hyphenate = false;
      s.align = TextStyle::Align::left;
    }
    if (item) {
      x += list_indent * (b.depth + 1);
      // Lists read better ragged: justified short lines gape.
      s.align = TextStyle::Align::left;
      TextStyle ms = s;
      ms.hyphenate = false;
      ms.color = b.ordered ? s.color : palette::primary;
      TextBlock marker = ts.set(b.ordered ? std::to_string(b.number) + "." : "\u2022", ms, -1);
      TextBlock body = ts.set(b.text, s, flow.width() - x, b.lang);
      flow.open("LI");
      flow.text(body, x, "LBody", &marker, x - list_indent + (b.ordered ? 0 : 3));
      flow.close("LI");
      flow.space(s.size * 0.25);
    } else {
      TextBlock body = ts.set(b.text, s, flow.width() - x, b.lang);
      flow.text(body, x, "P");
      flow.space(s.size * paragraph_gap);
    }
    // The last item of a list is followed by a paragraph's gap.
    if (item && (i + 1 == blocks.size() || blocks[i + 1].kind != Block::Kind::item))
      flow.space(s.size * (paragraph_gap - 0.25));
  }
  if (in_list) flow.close("L");
}

void place_heading(Flow& flow, Typesetter& ts, const std::string& kicker, const std::string& title,
                   int level, const std::string& dest, double keep_after) {
  TextStyle hs = styles::heading(level);
  TextBlock k =
      kicker.empty() ? TextBlock{} : ts.set(upper(kicker), styles::kicker(), flow.width());
  TextBlock t = ts.set(title, hs, flow.width());
  double gap = kicker.empty() ? 0 : 3;
  flow.ensure(k.height() + gap + t.height() + keep_after);
  if (!dest.empty()) flow.add(Dest{dest, flow.left(), flow.y()});
  std::string tag = "H" + std::to_string(std::min(level, 6));
  flow.add(TagBegin{tag, ""});
  if (!k.empty()) {
    flow.add(DrawText{k, 0, k.lines.size(), flow.left(), flow.y()});
    flow.advance(k.height() + gap);
  }
  flow.add(DrawText{t, 0, t.lines.size(), flow.left(), flow.y()});
  flow.advance(t.height());
  flow.add(TagEnd{tag});
}

}  // namespace carnet::render::booklet
