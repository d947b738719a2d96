// The words of the search index: how a text becomes terms. The browser
// (themes/default/js/search.js) does the same to a query, so that what a
// reader types meets what the build wrote: NFC, words as runs of letters and
// digits, lowercase, the Snowball stem of the language, then accents folded
// (decomposed, marks dropped: "école" and "ecole" give one term).
#pragma once

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
// Whether the character at `p` (not ASCII) is part of a word; `next` is
// set to the byte after it. A byte that starts no valid character is
// neither (texts come validated from load/; this only keeps a bad one safe).
bool word_char_at(const char* p, const char* end, const char*& next);
}  // namespace detail

// Calls `f` with each word of `text` as written (not normalized, not
// lowercase): the same runs as words(), without copying them. A template:
// it runs once per word of every page, and a std::function call per word
// was a visible share of the index's time.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* start = nullptr;
  for (const char* p = begin;;) {
    const auto byte = p < end ? static_cast<unsigned char>(*p) : 0;  // 0 ends the last word
    const char* next = p + 1;
    bool word;
    if (byte < 0x80)
      word = (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
    else
      word = detail::word_char_at(p, end, next);
    if (word && !start) start = p;
    if (!word && start) {
      f(std::string_view(start, static_cast<size_t>(p - start)));
      start = nullptr;
    }
    if (p == end) break;
    p = next;
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
