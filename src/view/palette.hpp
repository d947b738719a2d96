// The colours and marks every output gives a status: the web page's badges
// and bars, the PDF's marks, the EPUB's and ODT's. One table, so that
// "postponed" is the same colour and the same shape wherever a reader meets
// it.
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

// A mark per status, told apart by its shape alone (a black-and-white
// photocopy): planned ○, in progress ◐, done ●, postponed ‖, cancelled ✕,
// always beside the status word. U+25CB, U+25D0, U+25CF and U+2715 are in
// Noto Sans Symbols2 (fonts-noto-core) and DejaVu Sans, U+2016 in Noto Sans.
const char* status_mark(model::Status status);

// The colours as CSS custom properties and rules, for the web stylesheet:
// ":root{--planned:#e6e8eb;--planned-t:#2e3338;--planned-s:#6b7280;...}".
std::string status_css();

}  // namespace carnet::view
