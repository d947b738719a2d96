#include "base/language.hpp"

namespace carnet::base {

namespace {

struct LanguageNames {
  const char* code;
  const char* en;   // in English
  const char* fr;   // in French
  const char* own;  // in the language itself
};

const LanguageNames languages[] = {
    {"fr", "French", "Français", "Français"}, {"en", "English", "Anglais", "English"},
    {"es", "Spanish", "Espagnol", "Español"}, {"de", "German", "Allemand", "Deutsch"},
    {"it", "Italian", "Italien", "Italiano"}, {"pt", "Portuguese", "Portugais", "Português"},
    {"ar", "Arabic", "Arabe", "العربية"},
};

}  // namespace

std::string language_name(std::string_view lang, std::string_view in) {
  for (const auto& l : languages) {
    if (lang != l.code) continue;
    if (in == lang) return l.own;
    return in == "fr" ? l.fr : l.en;
  }
  return std::string(lang);
}

bool is_french(std::string_view lang) { return lang == "fr" || lang.starts_with("fr-"); }

}  // namespace carnet::base
