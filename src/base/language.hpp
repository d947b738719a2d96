// Names of languages, for messages and for the parts of a bilingual booklet.
// One table, so that a language Carnet learns to name is named alike
// everywhere.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// The name of language `lang` (an ISO 639-1 code) as language `in` writes it
// at the start of a title or a sentence: ("fr", "en") → "French",
// ("en", "fr") → "Anglais", ("fr", "fr") → "Français". In a language the
// table has no names in, the English name; for a code the table does not
// hold, the code itself.
std::string language_name(std::string_view lang, std::string_view in);

// "fr", "fr-CA": French, whose typography (spaces before ; : ! ?) and plural
// (0 and 1 are singular) differ from English.
bool is_french(std::string_view lang);

}  // namespace carnet::base
