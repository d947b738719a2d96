// The files a translator works on: XLIFF 2.0 (the exchange format of
// translation tools: OmegaT, memoQ, Trados, Weblate...) and CSV (for a
// spreadsheet). Both carry, for each text, where it comes from (file, key,
// line, a description of the field), the source text, its fingerprint at
// export time (so that an import can tell when the source changed since),
// and the translation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace carnet::translate {

struct TranslationUnit {
  std::string file;         // "content/plans/x.plan.yaml"
  std::string key;          // "sections/0/title", "page/body"
  std::string location;     // "content/plans/x.plan.yaml:42:7"
  std::string context;      // "title of section 1 (relocalisation)"
  std::string fingerprint;  // of the source text when exported
  std::string source;
  std::string target;    // the translation ("" when not done)
  std::string previous;  // the translation out of date, for reference
};

struct TranslationExchange {
  std::string source_lang, target_lang;
  std::vector<TranslationUnit> units;
};

std::string write_xliff(const TranslationExchange& x);
std::optional<TranslationExchange> read_xliff(std::string_view xml, const std::string& path,
                                              base::Diagnostics& diags);

std::string write_translation_csv(const TranslationExchange& x);
std::optional<TranslationExchange> read_translation_csv(std::string_view csv,
                                                        const std::string& path,
                                                        base::Diagnostics& diags);

}  // namespace carnet::translate
