#include "translate/status.hpp"

namespace carnet::translate {

std::vector<TextStatus> translation_status(const std::vector<SiteText>& texts,
                                           const model::Site& site, const TranslationRecord& record,
                                           const std::string& lang) {
  std::vector<TextStatus> out;
  out.reserve(texts.size());
  for (const auto& t : texts) {
    TextStatus s;
    s.text = &t;
    s.lang = lang;
    s.source_lang = source_language(t, site);
    if (s.source_lang == lang) {
      s.state = TranslationState::source;
    } else if (text_in(t, site, lang).empty()) {
      s.state = TranslationState::missing;
    } else {
      const std::string recorded = record.get(t.file, t.key, lang);
      s.state = !recorded.empty() && !fingerprint_matches(recorded, text_in(t, site, s.source_lang))
                    ? TranslationState::stale
                    : TranslationState::translated;
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace carnet::translate
