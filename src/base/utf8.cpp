#include "base/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include <glib.h>

#include "base/byte_words.hpp"

namespace carnet::base {

std::optional<size_t> find_invalid_utf8(std::string_view s) {
  // Runs of ASCII, most of any text, are passed over eight bytes at a time;
  // each other character goes to GLib's validator, which refuses overlong
  // forms, surrogates and values past U+10FFFF, as UTF-8 does. (Handed the
  // whole text, GLib read it a byte at a time: 1 % of a build.)
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = begin;
  while (p < end) {
    while (end - p >= 8 && !bytes::any_high(bytes::word_at(p))) p += 8;
    while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
    if (p == end) break;
    // Two bytes from C2..DF then 80..BF are always a character (U+0080 to
    // U+07FF: é, à, ç, most of a French text's others); anything else is
    // GLib's to judge, at the length its first byte announces (a byte that
    // starts none is refused as a character of one byte).
    const auto lead = static_cast<unsigned char>(*p);
    if (lead >= 0xC2 && lead <= 0xDF && end - p >= 2 &&
        (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80) {
      p += 2;
      continue;
    }
    const ptrdiff_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    const ptrdiff_t available = std::min(length, end - p);
    if (!g_utf8_validate_len(p, static_cast<gsize>(available), nullptr))
      return static_cast<size_t>(p - begin);
    p += available;
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

namespace {

bool is_xml_control(char32_t c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// "&#11;" or "&#x0B;" at `i`: its length and code point (0 when it is none).
std::pair<size_t, char32_t> numeric_reference(std::string_view s, size_t i) {
  if (s.substr(i, 2) != "&#") return {0, 0};
  size_t j = i + 2;
  const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  char32_t value = 0;
  size_t digits = 0;
  for (; j < s.size() && digits < 8; ++j, ++digits) {
    const char c = s[j];
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  if (digits == 0 || j >= s.size() || s[j] != ';') return {0, 0};
  return {j + 1 - i, value};
}

}  // namespace

std::vector<ControlChar> find_control_chars(std::string_view s, bool references) {
  // Every source file and YAML text goes through here, and nearly all hold
  // nothing to find: the scan looks at each byte once, and lines and
  // columns are counted only up to what it found.
  // The bytes to look at: controls, and '&' (a reference) when asked;
  // the others are passed over by a table, in a tight loop.
  static constexpr auto stops = [] {
    std::array<std::array<bool, 256>, 2> t{};
    for (int c = 0; c < 0x20; ++c) t[0][c] = t[1][c] = c != '\t' && c != '\n' && c != '\r';
    t[1]['&'] = true;
    return t;
  }();
  const auto& stop = stops[references ? 1 : 0];
  std::vector<ControlChar> out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // Eight bytes at a time while none is below 0x20 (nor '&' when asked);
  // the eight that hold one (a line's end, most often) go by the table,
  // then eight at a time again.
  const auto any = [&](uint64_t w) {
    return bytes::any_below(w, 0x20) | (references ? bytes::any_equal(w, '&') : 0);
  };
  for (size_t i = 0; i < n;) {
    while (i + 8 <= n && !any(bytes::word_at(p + i))) i += 8;
    const size_t window = std::min(n, i + 8);
    while (i < window && !stop[p[i]]) ++i;
    if (i == window) continue;
    const unsigned char c = p[i];
    if (is_xml_control(c)) {
      out.push_back({i, {}, c, {}});
    } else if (references && c == '&') {
      const auto [length, code] = numeric_reference(s, i);
      if (length && is_xml_control(code)) out.push_back({i, {}, code, s.substr(i, length)});
    }
    ++i;
  }
  LineColumn lc;
  size_t at = 0;
  for (auto& found : out) {
    for (; at < found.offset; ++at) {
      if (p[at] == '\n') {
        ++lc.line;
        lc.column = 1;
      } else if ((p[at] & 0xC0) != 0x80) {
        ++lc.column;
      }
    }
    found.at = lc;
  }
  return out;
}

std::string control_char_message(const ControlChar& c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c.code));
  if (!c.reference.empty())
    return "character reference " + std::string(c.reference) + " is the control character " + code +
           ", which is not allowed";
  return std::string("control character ") + code + " is not allowed";
}

bool check_control_chars(std::string_view s, const std::string& path, int first_line,
                         bool references, Diagnostics& diags) {
  const auto found = find_control_chars(s, references);
  for (const auto& c : found)
    diags.error({path, c.at.line + first_line - 1, c.at.column}, control_char_message(c));
  return found.empty();
}

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace carnet::base
