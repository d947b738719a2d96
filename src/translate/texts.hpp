// Every text of a site that a translator may have to translate, each with a
// stable address: the file it is written in and a key within that file
// ("sections/0/actions/2/title", "organization/name"). Keys follow the
// structure (positions in lists), not ids made from titles, so that editing a
// French title does not lose track of its English translation. A page is one
// text: its translation is a whole file (NAME.en.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"

namespace carnet::translate {

struct SiteText {
  std::string file;  // relative to the site: "content/plans/x.plan.yaml", "carnet.yaml"
  std::string key;   // within the file; "page" for a page
  std::string what;  // for people: "title of action 1.1.2 (ateliers-droits)"
  bool markdown = false;
  const model::LocalizedText* text = nullptr;  // plan and settings texts
  std::optional<size_t> page;                  // a page: the source page's index in Site::pages
};

// In file order, then document order.
std::vector<SiteText> collect_site_texts(const model::Site& site);

// The language a text was written in: the site's default language when the
// text has it, else the first site language it has.
std::string source_language(const SiteText& t, const model::Site& site);

// The text in `lang`, as a translator sees it: for a page, its title,
// summary and body. Empty when there is none.
struct PageTexts {
  std::string title, summary, body;
};
std::optional<PageTexts> page_texts(const SiteText& t, const model::Site& site,
                                    const std::string& lang);
std::string text_in(const SiteText& t, const model::Site& site, const std::string& lang);

// A fingerprint of a source text ("xxh3:" and 16 hex digits of
// base::hash64): recorded when a translation is made, compared later by
// fingerprint_matches to find translations out of date.
std::string text_fingerprint(std::string_view text);

// True when `recorded` (from the record or an exchange file) is the
// fingerprint of `text`: today's, or the FNV-1a one of records written
// before Carnet used XXH3.
bool fingerprint_matches(std::string_view recorded, std::string_view text);

// The position to report for a text: its key, or the page's first line.
base::SourcePos text_position(const SiteText& t, const model::Site& site);

// English and French names of languages, for messages ("English").
std::string language_name(const std::string& lang);

}  // namespace carnet::translate
