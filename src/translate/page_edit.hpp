// A page's translation is a whole file, NAME.LANG.md beside the source page.
// Importing one either creates it — the source's front matter (date, menu,
// weight, translation_key, any key for templates) with the translated title
// and summary, and without the source's slug, which is its own language's —
// or updates an existing one: its title, summary and body change, the rest
// of its front matter (its own slug) stays as written.
#pragma once

#include <string>
#include <string_view>

namespace carnet::translate {

struct PageTranslation {
  std::string title, summary, body;
};

// The new file's text, from the source page's file text.
std::string make_translated_page(std::string_view source_page, const PageTranslation& t);

// The existing translation's text, updated.
std::string update_translated_page(std::string_view existing_page, const PageTranslation& t);

}  // namespace carnet::translate
