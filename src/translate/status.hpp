// Where each text of a site stands in each language: translated, missing, or
// out of date (its source changed after it was translated, according to the
// translation record). Shared by `carnet check` and `carnet translations
// export`, so that both always agree on what is left to translate.
#pragma once

#include <string>
#include <vector>

#include "translate/record.hpp"
#include "translate/texts.hpp"

namespace carnet::translate {

enum class TranslationState { source, translated, missing, stale };

struct TextStatus {
  const SiteText* text = nullptr;
  std::string lang;         // the language looked at
  std::string source_lang;  // the language the text was written in
  TranslationState state = TranslationState::translated;
};

// The status of every text in `lang`.
std::vector<TextStatus> translation_status(const std::vector<SiteText>& texts,
                                           const model::Site& site, const TranslationRecord& record,
                                           const std::string& lang);

}  // namespace carnet::translate
