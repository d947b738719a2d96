#include "render/booklet/theme.hpp"

#include <algorithm>
#include <cmath>

#include "view/palette.hpp"

namespace carnet::render::booklet {

std::string hex(Color c) {
  auto byte = [](double v) {
    return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  return view::Rgb{byte(c.r), byte(c.g), byte(c.b)}.hex();
}

Color status_color(int status_index) {
  if (status_index < 0 || status_index > 4) return palette::muted;
  const auto rgb = view::status_colors(static_cast<model::Status>(status_index)).strong;
  return {rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0};
}

namespace styles {

TextStyle body() {
  TextStyle s;
  s.family = "Noto Serif";
  s.size = 10;
  s.line_spacing = 1.38;
  s.hyphenate = true;
  s.align = TextStyle::Align::justify;
  return s;
}

TextStyle body_small() {
  TextStyle s = body();
  s.size = 9;
  return s;
}

TextStyle heading(int level) {
  TextStyle s;
  s.family = "Noto Sans";
  s.bold = true;
  s.color = palette::primary;
  s.line_spacing = 1.15;
  s.size = level <= 1 ? 20 : level == 2 ? 13.5 : 11;
  s.keep_compounds = true;
  return s;
}

TextStyle kicker() {
  TextStyle s;
  s.family = "Noto Sans";
  s.bold = true;
  s.size = 8.5;
  s.color = palette::accent;
  s.letter_spacing = 0.6;  // more, and text extraction reads the letters apart
  return s;
}

TextStyle field_label() {
  TextStyle s;
  s.family = "Noto Sans";
  s.bold = true;
  s.size = 9;
  s.color = palette::primary;
  return s;
}

TextStyle data() {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = 9;
  s.line_spacing = 1.3;
  s.hyphenate = true;
  return s;
}

TextStyle table_cell() {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = 8.5;
  s.line_spacing = 1.2;
  s.hyphenate = true;
  return s;
}

TextStyle table_header() {
  TextStyle s = table_cell();
  s.bold = true;
  s.hyphenate = false;
  s.color = palette::white;
  return s;
}

TextStyle table_context() {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = 8.5;
  s.italic = true;
  s.color = palette::muted;
  return s;
}

TextStyle toc(int level) {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = level == 0 ? 10.5 : 9.5;
  s.bold = level == 0;
  s.color = level == 0 ? palette::ink : palette::muted;
  s.line_spacing = 1.2;
  return s;
}

TextStyle running() {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = 8;
  s.color = palette::muted;
  return s;
}

}  // namespace styles

PageGeometry PageGeometry::landscape() const {
  PageGeometry g = *this;
  g.width = height;
  g.height = width;
  return g;
}

PageGeometry page_geometry(const std::string& paper, bool half) {
  PageGeometry g;
  if (paper == "a4") {
    g.width = 595.28;
    g.height = 841.89;
  }
  if (half) {
    // Half-letter (5.5 × 8.5 in) or A5: narrower margins, same type sizes.
    double w = g.height / 2, h = g.width;
    g.width = w;
    g.height = h;
    g.top = 50;
    g.bottom = 50;
    g.left = g.right = 40;
    g.header_y = 26;
    g.footer_y = 28;
  }
  return g;
}

PageGeometry sheet_geometry(const std::string& paper) {
  PageGeometry g = page_geometry(paper, false);
  return g.landscape();
}

}  // namespace carnet::render::booklet
