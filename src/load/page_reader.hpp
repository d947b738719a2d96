// A Markdown page file: checks its encoding, splits the YAML front matter
// from the body and reads the known keys (title, date, summary, slug, draft,
// weight, translation_key, menu); other keys are kept for templates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/page.hpp"

namespace carnet::load {

// Reads the page's text into `page` (whose source, lang, dir, name and kind
// are already set). Returns false when the page cannot be used.
bool read_page(std::string_view text, model::Page& page, const std::vector<std::string>& languages,
               base::Diagnostics& diags);

// Reports text that is not UTF-8 (Latin-1 or Windows-1252 files saved by
// Word) at its line and column. Returns false when it is not.
bool check_utf8(std::string_view text, const std::string& path, base::Diagnostics& diags);

}  // namespace carnet::load
