// The words of the search index: how a text becomes terms. The browser
// (themes/default/js/search.js) does the same to a query, so that what a
// reader types meets what the build wrote: NFC, words as runs of letters and
// digits, lowercase, the Snowball stem of the language, then accents folded
// (decomposed, marks dropped: "école" and "ecole" give one term).
#pragma once

#include <functional>
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

// Calls `f` with each word of `text` as written (not normalized, not
// lowercase): the same runs as words(), without copying them.
void for_each_word(std::string_view text, const std::function<void(std::string_view)>& f);

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
