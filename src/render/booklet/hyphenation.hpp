// Where words may be hyphenated, by libhyphen and the hyphen-fr / hyphen-en-us
// patterns, with the booklet's rules: words of six letters or more only,
// at least three letters on each side of a break, no capitalised words
// (proper names, acronyms) or words with digits, and nothing at all for a
// language without patterns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carnet::render::booklet {

class Hyphenator {
 public:
  // The patterns for `lang` ("fr", "en"); loaded once per process and shared:
  // a loaded dictionary is only read afterwards, so threads may share it.
  static const Hyphenator& for_language(const std::string& lang);

  // A word that may be broken: its bytes [start, end) in the text, and the
  // byte offsets after which a break with a hyphen is allowed.
  struct Word {
    size_t start = 0, end = 0;
    std::vector<size_t> breaks;
  };
  std::vector<Word> words(std::string_view text) const;

  // Every break point of `text`, in order.
  std::vector<size_t> break_points(std::string_view text) const;

  // `text` with U+00AD SOFT HYPHEN at every break point.
  std::string soft_hyphenate(std::string_view text) const;

  bool enabled() const { return dict_ != nullptr; }

 private:
  explicit Hyphenator(const void* dict) : dict_(dict) {}
  const void* dict_;  // HyphenDict, owned by the process-wide cache
};

// The folder holding hyph_LANG.dic files: $CARNET_HYPHEN_DIR, else
// /usr/share/hyphen (Debian's hyphen-* packages).
std::string hyphen_dir();

}  // namespace carnet::render::booklet
