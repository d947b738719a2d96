#include "model/localized_text.hpp"

namespace carnet::model {

const std::string& LocalizedText::get(const std::string& lang, const std::string& fallback,
                                      std::string* shown_lang) const {
  static const std::string empty_text;
  auto found = text.find(lang);
  if (found == text.end()) found = text.find(fallback);
  if (found == text.end()) found = text.begin();
  if (found == text.end()) {
    if (shown_lang) *shown_lang = lang;
    return empty_text;
  }
  if (shown_lang) *shown_lang = found->first;
  return found->second;
}

LocalizedText make_text(const std::string& lang, std::string text) {
  LocalizedText t;
  t.text.emplace(lang, std::move(text));
  return t;
}

}  // namespace carnet::model
