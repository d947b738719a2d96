// The only door to cmark-gfm: CommonMark with GitHub's extensions (tables,
// strikethrough, autolinks, task lists, footnotes) to HTML, with heading ids
// and a hook that rewrites every link and image URL.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/limits.hpp"

namespace carnet::markdown {

struct LinkContext {
  int line = 0;    // 1-based, within the Markdown given (add Options::first_line - 1)
  int column = 0;  // 1-based
  bool image = false;
};

// Returns the URL to write instead of `url` (return `url` to keep it).
using LinkRewriter = std::function<std::string(const std::string& url, const LinkContext& where)>;

// A fenced code block, for Options::fenced_block.
struct FencedCode {
  std::string info;     // "figures", "python", ...
  std::string literal;  // its content
  int line = 0;         // the opening fence's line in the file (first_line applied)
  int column = 0;       // 1-based
};

// Returns the HTML to write instead of the code block, or nullopt to keep it.
using FencedBlockHook = std::function<std::optional<std::string>(const FencedCode&)>;

struct Options {
  bool unsafe_html = false;   // raw HTML passes through (markdown.unsafe_html: true)
  LinkRewriter rewrite_link;  // may be empty
  int first_line = 1;         // line of the Markdown's first line in its file, for LinkContext
  bool heading_ids = true;
  FencedBlockHook fenced_block;  // may be empty
};

struct Html {
  std::string html;
  std::vector<std::string> anchors;  // ids given to headings, in order
  // Set when the text passes a limit of limits.hpp: it was not parsed, and
  // `html` is the text escaped, in one paragraph. The loader reports it.
  std::optional<LimitError> limit;
};

// Block Markdown (a page body, a plan's description) to HTML.
Html to_html(std::string_view markdown, const Options& options);

// A short text (a title, a list item) to HTML without the enclosing <p>.
std::string inline_html(std::string_view markdown, const Options& options);

// Plain text of Markdown (for meta descriptions, search, PDF text); a text
// past the limits (limits.hpp) comes back as it is.
std::string to_plain_text(std::string_view markdown);

}  // namespace carnet::markdown
