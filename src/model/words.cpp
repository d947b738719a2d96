#include "model/words.hpp"

namespace carnet::model {

std::string Words::get(std::string_view lang, std::string_view key) const {
  auto l = by_lang.find(lang);
  if (l == by_lang.end()) return std::string(key);
  auto w = l->second.find(key);
  return w == l->second.end() ? std::string(key) : w->second;
}

std::string Words::format(std::string_view lang, std::string_view key,
                          std::string_view value) const {
  std::string pattern = get(lang, key);
  auto at = pattern.find("{n}");
  if (at == std::string::npos) return pattern;
  return pattern.replace(at, 3, value);
}

}  // namespace carnet::model
