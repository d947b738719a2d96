#include "render/booklet/typesetter.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/language.hpp"
#include "render/booklet/hyphenation.hpp"

namespace carnet::render::booklet {

namespace {

constexpr int max_hyphenated_in_a_row = 2;

guint16 channel(double v) { return static_cast<guint16>(std::clamp(v, 0.0, 1.0) * 65535.0 + 0.5); }

void insert(PangoAttrList* list, PangoAttribute* attr, size_t start, size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attr);  // takes ownership
}

}  // namespace

std::mutex& typesetting_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::string typographic_apostrophes(std::string text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    // An apostrophe after a letter ("l'organisme", "round table's") is
    // U+2019 in print; a quote at the start of a word stays as typed.
    if (text[i] == '\'' && i > 0 &&
        (std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
         (static_cast<unsigned char>(text[i - 1]) & 0x80))) {
      out += "\u2019";
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string keep_compounds(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    // A hyphen between letters becomes U+2011 NON-BREAKING HYPHEN.
    bool between = i > 0 && i + 1 < text.size() && text[i] == '-' &&
                   (std::isalpha(static_cast<unsigned char>(text[i - 1])) ||
                    (static_cast<unsigned char>(text[i - 1]) & 0x80)) &&
                   (std::isalpha(static_cast<unsigned char>(text[i + 1])) ||
                    (static_cast<unsigned char>(text[i + 1]) & 0x80));
    out += between ? std::string("\u2011") : std::string(1, text[i]);
  }
  return out;
}

std::string french_spacing(std::string text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' && i + 1 < text.size()) {
      char n = text[i + 1];
      // "»" is C2 BB in UTF-8.
      bool closing_guillemet = n == '\xC2' && i + 2 < text.size() && text[i + 2] == '\xBB';
      if (n == ':') {
        out += "\u00A0";  // a full no-break space before the colon
        continue;
      }
      if (n == ';' || n == '!' || n == '?' || closing_guillemet) {
        out += "\u202F";
        continue;
      }
    }
    // "« " → guillemet and a narrow no-break space.
    if (c == '\xC2' && i + 2 < text.size() && text[i + 1] == '\xAB' && text[i + 2] == ' ') {
      out += "\u00AB\u202F";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

namespace {
// One font map for the process, kept for its whole life: Pango caches in it
// the fonts that fontconfig found for each family, size and language, which
// costs some 80 ms the first time and nothing after.
PangoFontMap* shared_font_map() {
  static wrap::PangoFontMapPtr map = wrap::make_font_map();
  return map.get();
}
}  // namespace

Typesetter::Typesetter(std::string lang) : lang_(std::move(lang)) {
  context_ = wrap::make_context(shared_font_map());
  // One user unit is one point: Pango's cairo backend assumes 96 dpi otherwise.
  pango_cairo_context_set_resolution(context_.get(), 72);
  // Unhinted metrics and unrounded positions: the layout must not depend on
  // a pixel grid, since it is printed and also scaled for imposition.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  pango_context_set_language(context_.get(), pango_language_from_string(lang_.c_str()));
}

void Typesetter::set_language(std::string lang) { lang_ = std::move(lang); }

PangoFontDescription* Typesetter::font(const TextStyle& style) {
  char key[128];
  std::snprintf(key, sizeof key, "%s%s%s %.2fpx", style.family, style.bold ? " Bold" : "",
                style.italic ? " Italic" : "", style.size);
  auto& slot = fonts_[key];
  if (!slot) {
    slot.reset(pango_font_description_new());
    pango_font_description_set_family(slot.get(), style.family);
    pango_font_description_set_weight(slot.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(slot.get(),
                                     style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(slot.get(), style.size * PANGO_SCALE);
  }
  return slot.get();
}

Typesetter::Built Typesetter::build(const Inline& text, const TextStyle& style,
                                    const std::string& lang,
                                    const std::vector<int>& unbroken_words) const {
  Built b;
  b.attrs = wrap::make_attr_list();
  const std::string& text_lang = lang.empty() ? lang_ : lang;
  const Hyphenator* hyphenator = style.hyphenate ? &Hyphenator::for_language(text_lang) : nullptr;
  int word_id = 0;
  for (const auto& span : text) {
    std::string piece = span.code ? span.text : typographic_apostrophes(span.text);
    if (base::is_french(text_lang) && !span.code) piece = french_spacing(piece);
    if (style.keep_compounds) piece = keep_compounds(piece);
    size_t start = b.text.size();
    // Code and link text stay whole: a hyphen would change what they say.
    if (hyphenator && !span.code && span.href.empty()) {
      size_t last = 0;
      for (const auto& word : hyphenator->words(piece)) {
        bool allowed = std::find(unbroken_words.begin(), unbroken_words.end(), word_id) ==
                       unbroken_words.end();
        for (size_t at : word.breaks) {
          b.text.append(piece, last, at - last);
          last = at;
          if (!allowed) continue;
          b.text += "\u00AD";
          b.marks.push_back({b.text.size(), word_id});
        }
        word_id++;
      }
      b.text.append(piece, last, std::string::npos);
    } else {
      b.text += piece;
    }
    size_t end = b.text.size();
    if (start == end) continue;
    if (span.bold) insert(b.attrs.get(), pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (span.italic) insert(b.attrs.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (span.strike) insert(b.attrs.get(), pango_attr_strikethrough_new(TRUE), start, end);
    if (span.code) {
      insert(b.attrs.get(), pango_attr_family_new("monospace"), start, end);
      insert(b.attrs.get(),
             pango_attr_size_new_absolute(static_cast<int>(style.size * 0.9 * PANGO_SCALE)), start,
             end);
    }
    if (!span.href.empty()) {
      insert(b.attrs.get(),
             pango_attr_foreground_new(channel(palette::primary.r), channel(palette::primary.g),
                                       channel(palette::primary.b)),
             start, end);
      insert(b.attrs.get(), pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
      b.links.push_back({span.href, static_cast<int>(start), static_cast<int>(end)});
    }
  }
  // The language goes on the text, not on the context: a tête-bêche booklet
  // sets both languages with one font map, and changing the context's
  // language would make Pango lay out the first language's text again.
  insert(b.attrs.get(), pango_attr_language_new(pango_language_from_string(text_lang.c_str())), 0,
         b.text.size());
  if (style.letter_spacing > 0)
    insert(b.attrs.get(),
           pango_attr_letter_spacing_new(static_cast<int>(style.letter_spacing * PANGO_SCALE)), 0,
           b.text.size());
  cut_into_items(b);
  return b;
}

// Pango shapes an item (a run of one style) whole, and when a line ends
// inside it, shapes what is left of it again: a paragraph in one style took
// time growing with the square of its length (issue 13: 200 KB in a table
// cell, 4 minutes; one word of 32k letters, 15 s). Every attribute boundary
// ends an item, so a long text gets a boundary about every chunk_bytes,
// after a space where there is one near, marked by an attribute that changes
// nothing (font fallback on, Pango's default). Short texts, nearly all,
// keep one item per style, and so the same glyphs and bytes as before.
void Typesetter::cut_into_items(Built& b) {
  constexpr size_t long_text = 4000, chunk_bytes = 1000;
  const std::string& t = b.text;
  if (t.size() <= long_text) return;
  size_t start = 0;
  while (start < t.size()) {
    size_t end = start + chunk_bytes;
    if (end >= t.size()) {
      end = t.size();
    } else if (size_t space = t.find(' ', end);
               space != std::string::npos && space - end < chunk_bytes) {
      end = space + 1;
    } else {
      // An unbroken word: between two characters.
      while (end < t.size() && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) ++end;
    }
    insert(b.attrs.get(), pango_attr_fallback_new(TRUE), start, end);
    start = end;
  }
}

PangoLayout* Typesetter::make_layout(const Built& built, const TextStyle& style, double width,
                                     bool wrap_words_only) {
  layouts_.push_back(wrap::make_layout(context_.get()));
  PangoLayout* layout = layouts_.back().get();
  pango_layout_set_font_description(layout, font(style));
  pango_layout_set_text(layout, built.text.data(), static_cast<int>(built.text.size()));
  pango_layout_set_attributes(layout, built.attrs.get());
  if (width > 0) {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    // Words longer than a column (a URL) may break anywhere rather than spill.
    pango_layout_set_wrap(layout, wrap_words_only ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
  }
  if (style.ellipsize && width > 0) pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  if (style.line_spacing > 0)
    pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  switch (style.align) {
    case TextStyle::Align::left:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
      break;
    case TextStyle::Align::center:
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
      break;
    case TextStyle::Align::right:
      pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
      break;
    case TextStyle::Align::justify:
      pango_layout_set_justify(layout, TRUE);
      break;
  }
  return layout;
}

TextBlock Typesetter::set(const Inline& text, const TextStyle& style, double width,
                          const std::string& lang) {
  std::vector<int> unbroken;
  for (int attempt = 0;; ++attempt) {
    Built built = build(text, style, lang, unbroken);
    TextBlock block;
    block.color = style.color;
    block.layout = make_layout(built, style, width, false);
    block.links = built.links;
    auto iter = wrap::make_iter(block.layout);
    int in_a_row = 0;
    std::vector<int> too_many_at;  // byte offsets of the breaks that make a third hyphen in a row
    do {
      int y0 = 0, y1 = 0;
      pango_layout_iter_get_line_yrange(iter.get(), &y0, &y1);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
      LineBox box;
      box.top = y0 / double(PANGO_SCALE);
      box.height = (y1 - y0) / double(PANGO_SCALE);
      box.baseline = pango_layout_iter_get_baseline(iter.get()) / double(PANGO_SCALE);
      int end = line->start_index + line->length;
      box.line = line;
      box.hyphenated = end >= 2 && built.text.compare(end - 2, 2, "\u00AD") == 0;
      box.x = logical.x / double(PANGO_SCALE);
      box.right = (logical.x + logical.width) / double(PANGO_SCALE);
      block.width = std::max(block.width, box.right);
      in_a_row = box.hyphenated ? in_a_row + 1 : 0;
      if (in_a_row > max_hyphenated_in_a_row) {
        too_many_at.push_back(end);
        in_a_row = 0;
      }
      block.lines.push_back(box);
    } while (pango_layout_iter_next_line(iter.get()));
    if (too_many_at.empty() || attempt >= 20) return block;
    // Keep the words broken at those lines whole, and set the text again:
    // the lines after them move, so check again.
    size_t before = unbroken.size();
    for (const auto& mark : built.marks)
      if (std::find(too_many_at.begin(), too_many_at.end(), static_cast<int>(mark.after)) !=
          too_many_at.end())
        unbroken.push_back(mark.word);
    if (unbroken.size() == before)
      return block;  // breaks Pango made itself (a word wider than the line)
  }
}

TextBlock Typesetter::set(const std::string& text, const TextStyle& style, double width) {
  return set(plain(text), style, width);
}

Typesetter::Measure Typesetter::measure(const Inline& text, const TextStyle& style) {
  TextStyle s = style;
  s.hyphenate = false;
  s.align = TextStyle::Align::left;
  Built built = build(text, s, "", {});
  PangoLayout* layout = make_layout(built, s, -1, false);
  Measure m;
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  m.natural = logical.width / double(PANGO_SCALE);
  // Words lie between the line-break opportunities Pango found; each one's
  // width is read off the unbroken lines, so nothing is shaped twice. The x
  // of every cluster comes from one walk of the layout: asking Pango for the
  // x of each word's start (pango_layout_index_to_line_x) counts characters
  // from the start of the run, which made a long paragraph quadratic.
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  const std::string& t = built.text;
  std::vector<int> byte_of(static_cast<size_t>(n_attrs) + 1, static_cast<int>(t.size()));
  int chars = 0;
  for (const char* p = t.data(); p < t.data() + t.size() && chars < n_attrs;
       p = g_utf8_next_char(p))
    byte_of[static_cast<size_t>(chars++)] = static_cast<int>(p - t.data());
  struct ClusterAt {
    int line = -1, x = 0;
  };
  std::vector<ClusterAt> cluster_at(t.size() + 1);
  std::vector<PangoLayoutLine*> lines;  // by number: a hard line break starts one
  {
    auto iter = wrap::make_iter(layout);
    int line_no = 0;
    PangoLayoutLine* current = pango_layout_iter_get_line_readonly(iter.get());
    lines.push_back(current);
    do {
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
      if (line != current) {
        current = line;
        line_no++;
        lines.push_back(line);
      }
      PangoRectangle logical;
      pango_layout_iter_get_cluster_extents(iter.get(), nullptr, &logical);
      auto index = static_cast<size_t>(pango_layout_iter_get_index(iter.get()));
      if (index < cluster_at.size() && cluster_at[index].line < 0)
        cluster_at[index] = {line_no, logical.x};
    } while (pango_layout_iter_next_cluster(iter.get()));
  }
  auto x_at = [&](int byte) {
    int line = 0, x = 0;
    const ClusterAt& c = cluster_at[static_cast<size_t>(byte)];
    if (c.line >= 0) {
      line = c.line;
      x = c.x;
    } else {
      // Inside a cluster (a ligature across a break): rare, and Pango knows.
      pango_layout_index_to_line_x(layout, byte, FALSE, &line, &x);
    }
    return std::make_pair(line, x / double(PANGO_SCALE));
  };
  int start = 0;
  for (int i = 1; i <= chars; ++i) {
    bool boundary = i == chars || attrs[i].is_line_break || attrs[i].is_mandatory_break;
    if (!boundary) continue;
    int end = i;
    while (end > start && attrs[end - 1].is_white) end--;
    if (end > start) {
      auto [l0, x0] = x_at(byte_of[static_cast<size_t>(start)]);
      auto [l1, x1] =
          end == chars ? std::make_pair(l0, -1.0) : x_at(byte_of[static_cast<size_t>(end)]);
      double w = (x1 < 0 || l1 != l0) ? 0 : x1 - x0;
      if (x1 < 0 || l1 != l0) {
        // The word ends its line: measure to the line's end.
        PangoLayoutLine* line = lines[static_cast<size_t>(l0)];
        PangoRectangle r;
        pango_layout_line_get_extents(line, nullptr, &r);
        w = (r.x + r.width) / double(PANGO_SCALE) - x0;
      }
      m.widest_word = std::max(m.widest_word, w);
    }
    start = i;
  }
  layouts_.pop_back();  // measuring only
  return m;
}

std::vector<Rect> link_rects(const TextBlock& block, const LinkRange& link, size_t first,
                             size_t last) {
  std::vector<Rect> out;
  double origin = block.lines.empty() ? 0 : block.lines[first].top;
  last = std::min(last, block.lines.size());
  // From the link's first line on, found by bisection: a long cell drawn in
  // slices, each asked about every link, would otherwise visit every line
  // for every link.
  auto from = std::partition_point(
      block.lines.begin() + static_cast<std::ptrdiff_t>(std::min(first, last)),
      block.lines.begin() + static_cast<std::ptrdiff_t>(last),
      [&](const LineBox& l) { return l.line->start_index + l.line->length <= link.start; });
  for (auto i = static_cast<size_t>(from - block.lines.begin()); i < last; ++i) {
    PangoLayoutLine* line = block.lines[i].line;
    if (line->start_index >= link.end) break;
    // Pango extends a range that starts before the line to the layout's edge:
    // clip it to the line first.
    int start = std::max(link.start, line->start_index);
    int end = std::min(link.end, line->start_index + line->length);
    if (start >= end) continue;
    int* ranges = nullptr;
    int n = 0;
    pango_layout_line_get_x_ranges(line, start, end, &ranges, &n);
    for (int r = 0; r < n; ++r) {
      double x0 = ranges[2 * r] / double(PANGO_SCALE), x1 = ranges[2 * r + 1] / double(PANGO_SCALE);
      if (x1 > x0) out.push_back({x0, block.lines[i].top - origin, x1 - x0, block.lines[i].height});
    }
    g_free(ranges);
  }
  return out;
}

}  // namespace carnet::render::booklet
