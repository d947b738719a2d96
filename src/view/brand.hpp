// The brand colour (carnet.yaml brand.color) as every output uses it. An
// organisation's colour is often too light to read as text, so it comes in
// three strengths, computed once here for the web stylesheet and the
// booklets alike: as given for large areas, darkened as little as needed
// for rules and bars (3:1 against white, WCAG 1.4.11) and for text and for
// white text set on it (4.5:1 against white and the theme's light grey,
// WCAG 1.4.3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/site.hpp"
#include "view/palette.hpp"

namespace carnet::view {

struct BrandColors {
  Rgb given;              // as written in carnet.yaml
  Rgb strong;             // rules, bars, marks: at least 3:1 against white
  Rgb text;               // headings, links, and the background of white text: at least 4.5:1
  Rgb tint;               // a light background of the same hue (table rows)
  bool darkened = false;  // whether `text` differs from the colour given
};

// "#0b5d7a" → the colour; nullopt when it is not of that form.
std::optional<Rgb> parse_hex_color(std::string_view hex);

// WCAG 2.1 relative luminance and contrast ratio (1 to 21).
double relative_luminance(const Rgb& c);
double contrast_ratio(const Rgb& a, const Rgb& b);

BrandColors brand_colors(const Rgb& color);

// The brand colours as CSS custom properties, written before the theme's
// stylesheet (which reads them with fallbacks): ":root{--brand:#..;
// --brand-text:#..;--brand-tint:#..}", or "" when the site sets no colour.
std::string brand_css(const model::Brand& brand);

}  // namespace carnet::view
