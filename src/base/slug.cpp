#include "base/slug.hpp"

#include <glib.h>

#include <memory>

namespace carnet::base {

namespace {

using GString_ = std::unique_ptr<gchar, decltype(&g_free)>;

// Latin letters that no Unicode decomposition takes to ASCII but that
// readers of French and English spell with plain letters. (ß needs no entry:
// case folding already makes it "ss".)
const char* ascii_spelling(gunichar c) {
  switch (c) {
    case 0xE6:  // æ
      return "ae";
    case 0x153:  // œ
      return "oe";
    case 0xF8:  // ø
      return "o";
    case 0x111:  // đ
      return "d";
    case 0x142:  // ł
      return "l";
    default:
      return nullptr;
  }
}

}  // namespace

std::string slugify(std::string_view text) {
  // Fold case (É → é, ß → ss) and compose (e + U+0301 → é), so that each
  // letter below is one character with its accents. An ASCII text (file
  // names, many headings) is only lowercased: folding is that, and it is
  // composed already; GLib's three copies showed at 10,000 pages.
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != 0;
  std::string lower;
  GString_ nfc(nullptr, g_free);
  if (ascii) {
    lower.reserve(text.size());
    for (char c : text) lower += g_ascii_tolower(c);
  } else {
    GString_ valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())), g_free);
    GString_ folded(g_utf8_casefold(valid.get(), -1), g_free);
    nfc.reset(g_utf8_normalize(folded.get(), -1, G_NORMALIZE_NFC));
  }
  const gchar* const folded_text = ascii ? lower.c_str() : nfc.get();

  std::string out;
  bool pending_dash = false;
  bool in_script = false;  // the last character was kept as it is
  auto put = [&](std::string_view piece) {
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    out += piece;
  };
  for (const gchar* p = folded_text; *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        put(std::string_view(p, 1));
      else
        pending_dash = true;
      in_script = false;
      continue;
    }
    const std::string_view as_is(p, static_cast<size_t>(g_utf8_next_char(p) - p));
    // An accented Latin letter decomposes to its ASCII letter and marks
    // (é → e), and so do a superscript or a full-width form (the ᵉʳ of
    // "1ᵉʳ" → er).
    gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    const gsize n = g_unichar_fully_decompose(c, TRUE, parts, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
    std::string ascii;
    bool latin = true;
    for (gsize k = 0; k < n && latin; ++k) {
      if (parts[k] < 0x80 && g_ascii_isalnum(static_cast<gchar>(parts[k])))
        ascii += g_ascii_tolower(static_cast<gchar>(parts[k]));
      else
        latin = g_unichar_ismark(parts[k]);
    }
    const bool after_kept = in_script;
    in_script = false;
    if (latin && !ascii.empty()) {
      put(ascii);
    } else if (const char* spelled = ascii_spelling(c)) {
      put(spelled);
    } else if (g_unichar_isalnum(c)) {
      // Arabic, Greek, Chinese… letters and digits: a name written in them
      // still makes an address.
      put(as_is);
      in_script = true;
    } else if (g_unichar_ismark(c)) {
      // A vowel sign or accent of such a letter (Hindi's ि) belongs to it; a
      // mark on a folded Latin letter is dropped with the rest of its accent.
      if (after_kept) out += as_is;
      in_script = after_kept;
    } else {
      pending_dash = true;
    }
  }
  return out;
}

bool is_clean_segment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '~';
    if (!ok) return false;
  }
  return true;
}

}  // namespace carnet::base
