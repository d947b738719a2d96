// Sets text with Pango: rich text in a style and a width becomes a TextBlock,
// a laid-out paragraph whose lines the paginator may split between pages.
// Hyphenation goes in as soft hyphens (libhyphen) and is then held in check:
// no more than two hyphenated lines in a row. French text gets its no-break
// spaces before ; : ! ? and inside « ».
//
// One Typesetter per booklet: it owns every layout it made, which stay valid
// as long as it lives. All typesetters share one Pango font map, so that the
// fonts found for a booklet serve the next one; Pango objects are not
// thread-safe, so whoever uses a typesetter or draws its layouts holds
// typesetting_mutex().
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "render/booklet/rich_text.hpp"
#include "render/booklet/theme.hpp"
#include "wrap/pango.hpp"

namespace carnet::render::booklet {

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

struct LineBox {
  double top = 0;       // from the layout's top
  double height = 0;    // including line spacing
  double baseline = 0;  // from the layout's top
  double x = 0;         // where the line's text starts (alignment), from the layout's left
  double right = 0;     // where the line's text ends, from the layout's left
  bool hyphenated = false;
  // The layout's line, held so that drawing line i of a long paragraph does
  // not walk Pango's list of lines from the first (quadratic, issue 13).
  PangoLayoutLine* line = nullptr;
};

struct LinkRange {
  std::string href;
  int start = 0, end = 0;  // bytes in the layout's text
};

struct TextBlock {
  PangoLayout* layout = nullptr;  // owned by the Typesetter
  std::vector<LineBox> lines;
  std::vector<LinkRange> links;
  Color color;
  double width = 0;  // widest line

  bool empty() const { return lines.empty(); }
  double height() const { return lines.empty() ? 0 : lines.back().top + lines.back().height; }
  // Height of lines [first, last).
  double height_of(size_t first, size_t last) const {
    if (first >= last) return 0;
    return lines[last - 1].top + lines[last - 1].height - lines[first].top;
  }
};

class Typesetter {
 public:
  explicit Typesetter(std::string lang);
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // `width` <= 0: no wrapping. `lang`: the text's language, when it is not
  // the booklet's (a fallback text), for hyphenation and shaping.
  TextBlock set(const Inline& text, const TextStyle& style, double width,
                const std::string& lang = "");
  TextBlock set(const std::string& text, const TextStyle& style, double width);

  // The text's width on one line, and the width of its widest piece that
  // cannot be broken (a word, without hyphenation), from one layout.
  struct Measure {
    double natural = 0;
    double widest_word = 0;
  };
  Measure measure(const Inline& text, const TextStyle& style);

  const std::string& lang() const { return lang_; }
  // The language of the text set from now on. One typesetter (one font map)
  // per PDF: cairo writes the same font reached through two font maps in an
  // order that varies between runs.
  void set_language(std::string lang);

 private:
  struct Built {
    std::string text;
    wrap::PangoAttrListPtr attrs;
    std::vector<LinkRange> links;
    struct Mark {
      size_t after;  // byte offset just after an inserted soft hyphen
      int word;      // which word it breaks
    };
    std::vector<Mark> marks;
  };
  Built build(const Inline& text, const TextStyle& style, const std::string& lang,
              const std::vector<int>& unbroken_words) const;
  static void cut_into_items(Built& built);
  PangoLayout* make_layout(const Built& built, const TextStyle& style, double width,
                           bool wrap_words_only);
  PangoFontDescription* font(const TextStyle& style);

  std::string lang_;
  wrap::PangoContextPtr context_;
  std::map<std::string, wrap::PangoFontDescriptionPtr> fonts_;
  std::vector<wrap::PangoLayoutPtr> layouts_;
};

// Held while text is typeset or drawn (Pango) anywhere in the process: the
// font map is shared, and Pango is not thread-safe. (With a font map per
// thread, typesetting on several threads at once still gave, now and then, a
// paragraph different word spacing: some state below Pango 1.50 / cairo 1.16
// is shared, and builds must be byte-identical.) EPUB and ODT text, zipping
// and everything else stay parallel.
std::mutex& typesetting_mutex();

// The link's area on lines [first, last), relative to the block's left and
// the top of line `first`.
std::vector<Rect> link_rects(const TextBlock& block, const LinkRange& link, size_t first,
                             size_t last);

// "l'organisme" → "l’organisme": the typographic apostrophe.
std::string typographic_apostrophes(std::string text);

// "Parc-Extension" with a non-breaking hyphen, for headings.
std::string keep_compounds(std::string text);

// French typography: no-break spaces before high punctuation and inside
// guillemets, so that no line starts with ":" or "»".
std::string french_spacing(std::string text);

}  // namespace carnet::render::booklet
