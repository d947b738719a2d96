// The colours every output gives a status: the web page's badges and bars,
// the PDF's dots, the EPUB's and ODT's marks. One table, so that "postponed"
// is the same colour wherever a reader meets it.
#pragma once

#include <string>

#include "model/plan.hpp"

namespace carnet::view {

struct Rgb {
  unsigned char r = 0, g = 0, b = 0;
  std::string hex() const;  // "#b7791f"
};

struct StatusColors {
  Rgb strong;  // bars, dots, marks: at least 3:1 against white
  Rgb tint;    // a badge's background
  Rgb ink;     // text on the tint: at least 4.5:1 against it
};

const StatusColors& status_colors(model::Status status);

// The colours as CSS custom properties and rules, for the web stylesheet:
// ":root{--planned:#e6e8eb;--planned-t:#2e3338;--planned-s:#6b7280;...}".
std::string status_css();

}  // namespace carnet::view
