#include "view/palette.hpp"

#include <cstdio>

namespace carnet::view {

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

const StatusColors& status_colors(model::Status status) {
  // planned, in_progress, done, postponed, cancelled: told apart in grey
  // scale too, and always named in text beside the colour.
  static const StatusColors colors[] = {
      {{0x6b, 0x72, 0x80}, {0xe6, 0xe8, 0xeb}, {0x2e, 0x33, 0x38}},  // planned: grey
      {{0xb7, 0x79, 0x1f}, {0xfd, 0xef, 0xc3}, {0x4d, 0x38, 0x00}},  // in progress: amber
      {{0x2f, 0x85, 0x5a}, {0xd3, 0xee, 0xdb}, {0x0b, 0x44, 0x20}},  // done: green
      {{0xc0, 0x56, 0x21}, {0xfd, 0xe2, 0xcf}, {0x6a, 0x2a, 0x00}},  // postponed: orange
      {{0x9b, 0x2c, 0x2c}, {0xf4, 0xd6, 0xd6}, {0x5c, 0x10, 0x10}},  // cancelled: brick
  };
  return colors[static_cast<int>(status)];
}

const char* status_mark(model::Status status) {
  static const char* const marks[] = {"\u25CB", "\u25D0", "\u25CF", "\u2016", "\u2715"};
  return marks[static_cast<int>(status)];
}

std::string status_css() {
  std::string vars = ":root{", rules;
  for (auto st : model::all_statuses) {
    const std::string name = model::status_name(st);
    const auto& c = status_colors(st);
    vars += "--" + name + ":" + c.tint.hex() + ";--" + name + "-t:" + c.ink.hex() + ";--" + name +
            "-s:" + c.strong.hex() + ";";
    rules += ".bar-fill.status-" + name + "{background:var(--" + name + "-s)}";
  }
  return vars + "}\n" + rules + "\n";
}

}  // namespace carnet::view
