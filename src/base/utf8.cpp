#include "base/utf8.hpp"

#include <glib.h>

namespace carnet::base {

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  // GLib's validator refuses overlong forms, surrogates and values past
  // U+10FFFF, as UTF-8 does; it also stops at a NUL byte, which UTF-8
  // allows, so validation resumes after one.
  size_t from = 0;
  while (from < s.size()) {
    const gchar* end = nullptr;
    if (g_utf8_validate_len(s.data() + from, s.size() - from, &end)) return std::nullopt;
    const size_t at = static_cast<size_t>(end - s.data());
    if (s[at] != '\0') return at;
    from = at + 1;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
  char buf[6];
  out.append(buf, static_cast<size_t>(g_unichar_to_utf8(cp, buf)));
}

LineColumn line_column_at(std::string_view s, size_t offset) {
  LineColumn lc;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      ++lc.column;  // a character starts at every byte but a continuation byte
    }
  }
  return lc;
}

}  // namespace carnet::base
