// The organisation registry, `content/organisations.yaml` (PRODUCT.md §8):
// what the site says of the organisations its plans name as leads and
// partners (bilingual names, a short name, the other spellings that mean
// each, a website). Optional: a name no entry claims is an organisation of
// its own (view/organisations.hpp resolves names to organisations).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/localized_text.hpp"

namespace carnet::model {

// Where the registry lives, relative to the site.
inline constexpr const char* organisations_source = "content/organisations.yaml";

struct OrganisationEntry {
  std::string id;  // the slug in URLs and filters: as given, else made from the name
  LocalizedText name;
  LocalizedText short_name;          // "CLSC", or empty
  std::vector<std::string> aliases;  // other spellings that mean it
  std::vector<base::SourcePos> alias_pos;
  std::string website;  // http(s) URL, or ""
  base::SourcePos pos;  // the entry
};

}  // namespace carnet::model
