// How a printed booklet looks: page geometry per paper size, colours and
// text styles. Noto Serif for reading text and Noto Sans for headings and
// tables (Debian's fonts-noto-core: free, full French coverage including the
// narrow no-break space French punctuation needs). Sizes are in points; no
// text is set below 8 pt.
#pragma once

#include <string>

namespace carnet::render::booklet {

struct Color {
  double r = 0, g = 0, b = 0;
};

namespace palette {
inline constexpr Color ink{0.11, 0.12, 0.14};
inline constexpr Color muted{0.38, 0.41, 0.45};
inline constexpr Color default_primary{0.063, 0.275, 0.349};  // deep teal, #104659
inline constexpr Color default_primary_light{0.88, 0.925, 0.94};
// Headings, rules, table heads and the cover band: the brand colour (its
// text strength, view::BrandColors) when carnet.yaml sets one. Set by
// use_brand_palette (render/booklet/brand.hpp) on the thread that lays out
// or writes a booklet, so that booklets of different sites may be made at
// once.
inline thread_local Color primary = default_primary;
inline thread_local Color primary_light = default_primary_light;
inline constexpr Color accent{0.80, 0.40, 0.13};  // warm orange, for the cover band
inline constexpr Color rule{0.78, 0.81, 0.84};
inline constexpr Color zebra{0.955, 0.965, 0.972};
inline constexpr Color white{1, 1, 1};
}  // namespace palette

// "#104659": the colour as CSS and ODF write it (EPUB stylesheet, ODT styles).
std::string hex(Color c);

// Status colours: distinct in grey scale too, and each status is also named
// in text wherever its colour appears.
Color status_color(int status_index);

// The family of a status mark (view::status_mark). Pango falls back to
// another font for a glyph its family lacks; naming the symbol font first
// makes the marks come from the same font on every machine with
// fonts-noto-core (Noto Sans has "‖" but not "◐").
inline constexpr const char* status_mark_family = "Noto Sans Symbols2, Noto Sans";

struct TextStyle {
  const char* family = "Noto Serif";
  double size = 10;
  bool bold = false;
  bool italic = false;
  Color color = palette::ink;
  double line_spacing = 1.3;  // a factor of the font's line height
  bool hyphenate = false;
  enum class Align { left, center, right, justify } align = Align::left;
  double letter_spacing = 0;    // points
  bool ellipsize = false;       // one line, cut with "…" (running heads)
  bool keep_compounds = false;  // no line break after the hyphen of "Parc-Extension" (headings)
};

namespace styles {
TextStyle body();
TextStyle body_small();
TextStyle heading(int level);  // 1: a part or outermost level, 2, 3...
TextStyle kicker();            // "ORIENTATION 2" above a heading
TextStyle field_label();       // "Résultats attendus" above a list
TextStyle data();              // a level's fields: the face of the action tables
TextStyle table_cell();
TextStyle table_header();
TextStyle table_context();  // "Orientation 2 › Objectif 2.1 (suite)"
TextStyle toc(int level);
TextStyle running();  // header and footer
}  // namespace styles

struct PageGeometry {
  double width = 612, height = 792;  // letter, portrait
  double top = 64, bottom = 64, left = 58, right = 58;
  double header_y = 34;  // baseline area of the running header, from the top
  double footer_y = 36;  // from the bottom

  double content_width() const { return width - left - right; }
  double content_height() const { return height - top - bottom; }
  PageGeometry landscape() const;
};

// The reading page for `paper` ("letter" or "a4"); `half` gives the page of a
// saddle-stitched booklet printed two per side of that paper.
PageGeometry page_geometry(const std::string& paper, bool half);
// The sheet a saddle-stitched booklet is printed on: the paper, landscape.
PageGeometry sheet_geometry(const std::string& paper);

}  // namespace carnet::render::booklet
