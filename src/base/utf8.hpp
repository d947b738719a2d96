// UTF-8 validation (by GLib): content saved in Latin-1 or Windows-1252 (Word's habit)
// is common among our users and must be caught with its exact position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace carnet::base {

// Byte offset of the first invalid sequence, or nullopt when `s` is valid UTF-8.
std::optional<size_t> find_invalid_utf8(std::string_view s);

// Appends code point `cp` encoded as UTF-8 (by GLib); nothing for a value
// that is not a Unicode scalar value.
void append_utf8(std::string& out, char32_t cp);

// 1-based line and column (in characters) of byte `offset` in `s`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view s, size_t offset);

// A character XML 1.0 cannot hold (a C0 control other than tab, line feed
// and carriage return: a raw U+000B that Word pasted, a NUL), written raw or,
// with `references`, as a numeric character reference ("&#1;", "&#x0B;",
// which cmark decodes). Every file Carnet writes as XML (feeds, EPUB, ODT,
// XLIFF, SVG) would be broken by one, so the loaders refuse them.
struct ControlChar {
  size_t offset = 0;  // byte offset of the character (or of its "&#")
  LineColumn at;      // its line and column in the text
  char32_t code = 0;
  std::string_view reference;  // "&#1;" when written as a reference
};
std::vector<ControlChar> find_control_chars(std::string_view s, bool references);

// "control character U+000B is not allowed", or for a reference "character
// reference &#1; is the control character U+0001, which is not allowed".
std::string control_char_message(const ControlChar& c);

// Reports each of them as an error of `path`, at `first_line` + their line
// (the text's first line is line `first_line` of the file); true when there
// is none.
bool check_control_chars(std::string_view s, const std::string& path, int first_line,
                         bool references, Diagnostics& diags);

// `s` with control characters written as escapes ("\n", "\t", "\x0b"), for
// messages that must stay on one line: a file name may hold a line break.
std::string escape_controls(std::string_view s);

}  // namespace carnet::base
