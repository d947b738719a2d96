#include "base/slug.hpp"

#include <glib.h>

#include <algorithm>
#include <array>
#include <cstdint>
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

// A slug as it is written: pieces joined by one hyphen wherever something
// separated them, none at either end.
struct Slug {
  std::string text;
  bool pending_dash = false;
  void put(std::string_view piece) {
    if (pending_dash && !text.empty()) text += '-';
    pending_dash = false;
    text += piece;
  }
  void separate() { pending_dash = true; }
};

}  // namespace

namespace detail {

std::string slugify_general(std::string_view text) {
  // Fold case (É → é, ß → ss) and compose (e + U+0301 → é), so that each
  // letter below is one character with its accents.
  GString_ valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())), g_free);
  GString_ folded(g_utf8_casefold(valid.get(), -1), g_free);
  GString_ nfc(g_utf8_normalize(folded.get(), -1, G_NORMALIZE_NFC), g_free);
  const gchar* const folded_text = nfc.get();

  Slug slug;
  bool in_script = false;  // the last character was kept as it is
  for (const gchar* p = folded_text; *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        slug.put(std::string_view(p, 1));
      else
        slug.separate();
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
      slug.put(ascii);
    } else if (const char* spelled = ascii_spelling(c)) {
      slug.put(spelled);
    } else if (g_unichar_isalnum(c)) {
      // Arabic, Greek, Chinese… letters and digits: a name written in them
      // still makes an address.
      slug.put(as_is);
      in_script = true;
    } else if (g_unichar_ismark(c)) {
      // A vowel sign or accent of such a letter (Hindi's ि) belongs to it; a
      // mark on a folded Latin letter is dropped with the rest of its accent.
      if (after_kept) slug.text += as_is;
      in_script = after_kept;
    } else {
      slug.separate();
    }
  }
  return std::move(slug.text);
}

}  // namespace detail

namespace {

// What a character of U+00A0..U+017F (Latin-1 and Latin Extended-A: the
// accented letters of French, English and their neighbours) becomes in a
// slug, learnt from slugify_general itself so that the two cannot differ.
struct LatinPiece {
  enum Kind : uint8_t { letters, separator, other } kind = other;
  char text[3] = {};  // "e", "ss", "oe"
};
constexpr char32_t latin_first = 0xA0, latin_last = 0x17F;

std::array<LatinPiece, latin_last - latin_first + 1> make_latin_pieces() {
  std::array<LatinPiece, latin_last - latin_first + 1> pieces{};
  for (char32_t c = latin_first; c <= latin_last; ++c) {
    char utf8[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    const std::string_view ch(utf8, 2);
    const std::string alone = detail::slugify_general(ch);
    // Between two letters: a separator gives "a-b"; a letter gives its
    // letters with nothing around them. Anything else (a letter kept as it
    // is, such as ð) is left to the general path.
    const std::string between = detail::slugify_general("a" + std::string(ch) + "b");
    LatinPiece& piece = pieces[c - latin_first];
    const bool ascii_letters = !alone.empty() && alone.size() < sizeof piece.text &&
                               std::all_of(alone.begin(), alone.end(), [](char a) {
                                 return (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9');
                               });
    if (between == "a-b" && alone.empty()) {
      piece.kind = LatinPiece::separator;
    } else if (ascii_letters && between == "a" + alone + "b") {
      piece.kind = LatinPiece::letters;
      alone.copy(piece.text, alone.size());
    }
  }
  return pieces;
}

}  // namespace

// Headings are slugged for their anchors, tens of thousands in a large
// site, and nearly every French one has an accent: GLib's three copies of
// the text (validate, fold case, compose) and a decomposition per letter
// were 2 % of a build. A text of ASCII and Latin letters is slugged here,
// a character at a time; any other goes the general way.
std::string slugify(std::string_view text) {
  static const auto pieces = make_latin_pieces();
  Slug slug;
  slug.text.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == 0) return detail::slugify_general(text);
      const char lower = g_ascii_tolower(static_cast<char>(c));
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9'))
        slug.put(std::string_view(&lower, 1));
      else
        slug.separate();
      ++i;
      continue;
    }
    // Two bytes, 110xxxxx 10xxxxxx, for U+00A0..U+017F: leads C2..C5.
    if (c < 0xC2 || c > 0xC5 || i + 1 == text.size()) return detail::slugify_general(text);
    const auto c2 = static_cast<unsigned char>(text[i + 1]);
    const char32_t code = (char32_t{c} & 0x1F) << 6 | (c2 & 0x3F);
    if ((c2 & 0xC0) != 0x80 || code < latin_first) return detail::slugify_general(text);
    const LatinPiece& piece = pieces[code - latin_first];
    if (piece.kind == LatinPiece::other) return detail::slugify_general(text);
    if (piece.kind == LatinPiece::letters)
      slug.put(piece.text);
    else
      slug.separate();
    i += 2;
  }
  return std::move(slug.text);
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
