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

// A page's text cut in two: the YAML between a first line `---` and the next
// `---` line (trailing spaces allowed), and the Markdown after it. A leading
// byte order mark is skipped. The views point into the text given.
struct FrontMatterSplit {
  bool has_front = false;  // the first line is ---
  bool closed = false;     // ... and a later line closes it
  std::string_view front;  // the lines between, when closed
  std::string_view body;   // after the closing line (the whole text without front matter)
  int body_line = 1;       // the line the body starts on
};
FrontMatterSplit split_front_matter(std::string_view text);

// Reads the page's text into `page` (whose source, lang, dir, name and kind
// are already set). Returns false when the page cannot be used.
bool read_page(std::string_view text, model::Page& page, const std::vector<std::string>& languages,
               base::Diagnostics& diags);

// Reports text that is not UTF-8 (Latin-1 or Windows-1252 files saved by
// Word) at its line and column. Returns false when it is not.
bool check_utf8(std::string_view text, const std::string& path, base::Diagnostics& diags);

}  // namespace carnet::load
