#include "base/fold.hpp"

#include <glib.h>

#include <memory>

#include "base/utf8.hpp"

namespace carnet::base {

namespace {

using GString_ = std::unique_ptr<gchar, decltype(&g_free)>;

// The base letters of `s` (NFD without combining marks), not yet case-folded.
std::string strip_marks(std::string_view s) {
  if (!g_utf8_validate_len(s.data(), static_cast<gssize>(s.size()), nullptr)) return std::string(s);
  GString_ nfd(g_utf8_normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFD), g_free);
  if (!nfd) return std::string(s);
  std::string out;
  for (const gchar* p = nfd.get(); *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    const auto type = g_unichar_type(c);
    if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
        type == G_UNICODE_ENCLOSING_MARK)
      continue;
    append_utf8(out, c);
  }
  return out;
}

std::string casefold(std::string_view s) {
  if (!g_utf8_validate_len(s.data(), static_cast<gssize>(s.size()), nullptr)) return std::string(s);
  GString_ f(g_utf8_casefold(s.data(), static_cast<gssize>(s.size())), g_free);
  return f ? std::string(f.get()) : std::string(s);
}

}  // namespace

std::string fold_name(std::string_view s) {
  const std::string folded = casefold(strip_marks(s));
  std::string out;
  bool space = false;
  for (const gchar* p = folded.c_str(); *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(out, c);
  }
  return out;
}

std::string fold_loose(std::string_view s) {
  const std::string folded = fold_name(s);
  std::string out;
  for (const gchar* p = folded.c_str(); *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isalnum(c)) append_utf8(out, c);
  }
  return out;
}

std::string name_sort_key(std::string_view s) {
  // Levels joined by a byte lower than any text byte, so that a shorter
  // primary key sorts first ("Table" before "Table de quartier").
  std::string key = fold_loose(s);
  key += '\x01';
  key += casefold(s);
  key += '\x01';
  key += strip_marks(s);
  key += '\x01';
  key += s;
  return key;
}

}  // namespace carnet::base
