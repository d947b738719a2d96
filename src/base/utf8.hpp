// UTF-8 validation (by GLib): content saved in Latin-1 or Windows-1252 (Word's habit)
// is common among our users and must be caught with its exact position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace carnet::base
