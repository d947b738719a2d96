#include "base/json_string.hpp"

#include <array>
#include <cstdint>

#include "base/byte_words.hpp"

namespace carnet::base {

namespace {

// How many bytes a byte becomes: 1, 2 for a short escape, 6 for \u00XX.
constexpr auto escaped_size = [] {
  std::array<unsigned char, 256> t{};
  t.fill(1);
  for (int c = 0; c < 0x20; ++c) t[c] = 6;
  for (unsigned char c : {'"', '\\', '\b', '\f', '\n', '\r', '\t'}) t[c] = 2;
  return t;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  // Runs of characters that need no escape are copied whole, eight bytes at
  // a time while none is a control, a quote or a backslash (nearly every
  // excerpt and title of the search index: three comparisons a byte were
  // 3 % of a build's instructions).
  const auto any_escaped = [](uint64_t w) {
    return bytes::any_below(w, 0x20) | bytes::any_equal(w, '"') | bytes::any_equal(w, '\\');
  };
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && !any_escaped(bytes::word_at(s.data() + i))) i += 8;
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (escaped_size[c] == 1) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static const char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

size_t json_string_size(std::string_view s) {
  size_t n = 2;
  for (unsigned char c : s) n += escaped_size[c];
  return n;
}

}  // namespace carnet::base
