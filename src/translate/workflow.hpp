// The translation workflow as plans, not as commands: what an export holds,
// and what an import would write — every edit checked by reading the edited
// file back, every conflict and refusal as a diagnostic — computed from the
// loaded site, the record and the exchange file, without touching the disk.
// `carnet translations` only parses its arguments, calls these, writes what
// they return and prints.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/site.hpp"
#include "translate/exchange.hpp"
#include "translate/record.hpp"

namespace carnet::translate {

// A site is written in its first language and translated into the others.
// Why `lang` is not a language the site translates into (it is the language
// the site is written in, or none of its languages), as a phrase to follow
// "LANG is"; empty when it is one.
std::string refuse_target_language(const model::Site& site, const std::string& lang);

struct ExportPlan {
  TranslationExchange exchange;
  size_t words = 0;    // in the source texts
  size_t skipped = 0;  // texts written in neither the source nor the target language
};

// Every text missing or out of date in `lang` (which the site must translate
// into). A text that XML cannot carry (a control character) is reported to
// `diags` at the text.
ExportPlan plan_export(const model::Site& site, const TranslationRecord& record,
                       const std::string& lang, base::Diagnostics& diags);

// Whether `text` is an exchange file as an export writes it, with no
// translation in it yet: one that a new export may replace. A file with
// translations in it is a translator's work.
bool is_untranslated_export(std::string_view text);

// The text of a site file (path relative to the site), nullopt when it does
// not exist.
using ReadSource = std::function<std::optional<std::string>(const std::string& rel)>;

struct SourceWrite {
  std::string path;  // relative to the site
  std::string text;
};

struct ImportPlan {
  std::vector<SourceWrite> writes;  // each one read back and checked
  TranslationRecord record;         // updated for what is written or already there
  base::Diagnostics diags;          // conflicts and refusals
  size_t written = 0, unchanged = 0, untranslated = 0, conflicts = 0;
  std::set<std::string> files;  // the sources written
  bool refused = false;         // the whole file was refused: write nothing
};

// What importing `x` (read from `exchange_path`) into the site would do.
ImportPlan plan_import(const model::Site& site, const TranslationExchange& x,
                       const std::string& exchange_path, TranslationRecord record,
                       const ReadSource& read);

// Records, for every text that has a `lang` version today, the source it
// matches (what `translations accept` does); returns how many.
size_t record_current(const model::Site& site, const std::string& lang, TranslationRecord& record);

}  // namespace carnet::translate
