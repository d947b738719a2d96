// `.carnet/translations.yaml`: for each translated text, a fingerprint of
// the source text it was translated from. `carnet check` and `carnet
// translations export` compare it with the source text today: a difference
// means the source changed after the translation was made (a stale
// translation). `carnet translations import` writes it. The user commits it
// with the site; see docs/authoring.md for the format.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "base/diagnostics.hpp"

namespace carnet::translate {

class TranslationRecord {
 public:
  static constexpr const char* path = ".carnet/translations.yaml";

  // Reads SITE/.carnet/translations.yaml; a missing file is an empty record.
  // A malformed one is reported to `diags` and read as empty.
  static TranslationRecord load(const std::filesystem::path& site, base::Diagnostics& diags);

  // The fingerprint recorded for (file, key, lang), or "" when none.
  std::string get(const std::string& file, const std::string& key, const std::string& lang) const;
  void set(const std::string& file, const std::string& key, const std::string& lang,
           const std::string& fingerprint);
  void erase(const std::string& file, const std::string& key, const std::string& lang);

  // The file's text: sorted, so that the same record is the same bytes.
  std::string to_yaml() const;
  // Writes it when it changed; returns true when it did.
  bool save(const std::filesystem::path& site) const;

  bool operator==(const TranslationRecord&) const = default;

 private:
  // file → key → language → fingerprint
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>>> entries_;
};

}  // namespace carnet::translate
