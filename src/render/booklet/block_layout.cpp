#include "render/booklet/block_layout.hpp"

#include <glib.h>

#include <memory>

#include "render/booklet/data_blocks.hpp"

namespace carnet::render::booklet {

namespace {
constexpr double list_indent = 14;
constexpr double paragraph_gap = 0.55;  // of the font size
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
    if (b.kind == Block::Kind::data) {
      if (in_list) flow.close("L");
      in_list = false;
      if (b.data) place_data_block(flow, ts, *b.data, style, indent);
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
