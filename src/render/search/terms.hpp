// The words of the search index: how a text becomes terms. The browser
// (themes/default/js/search.js) does the same to a query, so that what a
// reader types meets what the build wrote: NFC, words as runs of letters and
// digits, lowercase, the Snowball stem of the language, then accents folded
// (decomposed, marks dropped: "école" and "ecole" give one term).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wrap/stemmer.hpp"

namespace carnet::render::search {

// The words of `text`, lowercase, in order: runs of letters and digits (an
// apostrophe or a hyphen separates two words: "l'école" → "l", "école").
std::vector<std::string> words(std::string_view text);

namespace detail {
// Which ASCII bytes are part of a word: letters and digits.
inline constexpr auto ascii_word = [] {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  return t;
}();
// Whether the character at `p` (not ASCII) is part of a word; `next` is
// set to the byte after it. A byte that starts no valid character is
// neither (texts come validated from load/; this only keeps a bad one safe).
bool word_char_at(const char* p, const char* end, const char*& next);
}  // namespace detail

// Calls `f` with each word of `text` as written (not normalized, not
// lowercase): the same runs as words(), without copying them. A template:
// it runs once per word of every page, and a std::function call per word
// was a visible share of the index's time. ASCII bytes, nearly all of the
// text, are told by a table in two tight loops (separators, then a word's
// letters); any other byte is decoded.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  const char* p = text.data();
  const char* const end = p + text.size();
  // Whether the character at `p` is part of a word; `next` after it.
  auto word_at = [&](const char* at, const char*& next) {
    const auto byte = static_cast<unsigned char>(*at);
    if (byte < 0x80) {
      next = at + 1;
      return detail::ascii_word[byte];
    }
    return detail::word_char_at(at, end, next);
  };
  while (p < end) {
    while (p < end && static_cast<unsigned char>(*p) < 0x80 &&
           !detail::ascii_word[static_cast<unsigned char>(*p)])
      ++p;
    if (p == end) return;
    const char* next;
    if (!word_at(p, next)) {
      p = next;
      continue;
    }
    const char* const start = p;
    p = next;
    for (;;) {
      while (p < end && detail::ascii_word[static_cast<unsigned char>(*p)]) ++p;
      if (p == end || static_cast<unsigned char>(*p) < 0x80 || !word_at(p, next)) break;
      p = next;
    }
    f(std::string_view(start, static_cast<size_t>(p - start)));
  }
}

// "École" → "ecole": lowercase, accents and other combining marks removed.
std::string fold(std::string_view word);

// A language's analyzer: word → term. Not thread-safe (the Snowball stemmer
// keeps state); one per language and thread.
class Analyzer {
 public:
  // `lang`: "fr", "en", or any language libstemmer knows; another language
  // gets terms that are only folded.
  explicit Analyzer(const std::string& lang);
  // A lowercase word → its term ("financement" → "financ").
  std::string term(const std::string& word) const;
  // Every term of `text`, in order (words of one letter left out).
  std::vector<std::string> terms(std::string_view text) const;

 private:
  std::unique_ptr<wrap::Stemmer> stemmer_;
  mutable std::unordered_map<std::string, std::string> cache_;  // word → term
};

}  // namespace carnet::render::search
