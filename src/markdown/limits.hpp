// What Carnet hands cmark-gfm, and so every later walk of a Markdown tree:
// a text within these limits is parsed in time proportional to its size.
// cmark-gfm 0.29.0.gfm.6 (Debian's) reads the rest of a word at every
// autolink candidate and fills every short table row to the header's width,
// so some small inputs take minutes; and Carnet's tree walks recurse once per
// level of nesting. The values and why are in docs/decisions.md ("Limits on
// Markdown").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace carnet::markdown {

inline constexpr size_t max_markdown_bytes = 1 << 20;  // one text: a page body, a plan field
inline constexpr int max_autolinks_per_word = 16;      // "://", "www." and "@" in one word
inline constexpr int max_table_columns = 100;
inline constexpr long max_table_cells = 100'000;  // in one text, short rows counted full
inline constexpr int max_nesting = 100;           // blocks and inlines, one inside another

struct LimitError {
  int line = 1;    // 1-based, within the Markdown given
  int column = 1;  // 1-based, in bytes
  std::string message;
};

// The first limit the text passes, or nullopt. Parses the text once (for the
// nesting), which is linear once the other limits hold.
std::optional<LimitError> check_limits(std::string_view markdown);

// The limits read from the bytes alone (all but the nesting): what must
// hold before cmark-gfm sees the text.
std::optional<LimitError> check_text_limits(std::string_view markdown);

}  // namespace carnet::markdown
