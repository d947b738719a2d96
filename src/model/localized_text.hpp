// A text given in one or more languages. In YAML it is either a plain string
// (the default language) or a map {fr: ..., en: ...}. A text missing in a
// language is shown in the default language and marked with its `lang`.
#pragma once

#include <map>
#include <string>

#include "base/diagnostics.hpp"

namespace carnet::model {

// Where a text's first character is in its file, to place what is found
// inside the text (a broken link). In a YAML block scalar (`|`, `>`) every
// line is indented by `indent` columns; elsewhere `indent` is -1.
struct TextStart {
  base::SourcePos pos;
  int indent = -1;
};

struct LocalizedText {
  std::map<std::string, std::string> text;          // language → text
  base::SourcePos pos;                              // the field (its key)
  std::map<std::string, base::SourcePos> lang_pos;  // each language's value
  std::map<std::string, TextStart> start;           // each language's first character

  bool empty() const { return text.empty(); }
  bool has(const std::string& lang) const { return text.count(lang) > 0; }

  // The text in `lang`, else in `fallback`, else any; `shown_lang` (optional)
  // receives the language actually returned. Empty when there is no text.
  const std::string& get(const std::string& lang, const std::string& fallback,
                         std::string* shown_lang = nullptr) const;
};

// Convenience for code and tests: a text in one language.
LocalizedText make_text(const std::string& lang, std::string text);

}  // namespace carnet::model
