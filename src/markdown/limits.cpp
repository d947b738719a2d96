// The limits of limits.hpp: a scan of the bytes for what makes cmark-gfm's
// extensions quadratic, before any parse, then the depth of the parsed tree.
#include "markdown/limits.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "markdown/cmark_tree.hpp"

namespace carnet::markdown {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Columns of a GFM table's delimiter row ("| --- | :-: |"), or 0 when the
// line is not one. A line of dashes without a pipe is a rule or a heading's
// underline, which cmark-gfm never fills.
int delimiter_columns(std::string_view line) {
  int columns = 0;
  bool pipe = false, in_cell = false, dashes = false;
  for (char c : line) {
    if (c == '|') {
      pipe = true;
      if (in_cell) {
        if (!dashes) return 0;
        columns++;
      }
      in_cell = false;
      dashes = false;
    } else if (c == '-' || c == ':') {
      in_cell = true;
      dashes = dashes || c == '-';
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return 0;
    }
  }
  if (in_cell) {
    if (!dashes) return 0;
    columns++;
  }
  return pipe ? columns : 0;
}

struct Scanner {
  std::string_view text;
  int line = 1;
  size_t line_start = 0;

  LimitError at(size_t offset, std::string message) const {
    return {line, static_cast<int>(offset - line_start) + 1, std::move(message)};
  }

  static bool candidate_at(std::string_view s, size_t i) {
    const char c = s[i];
    return c == '@' || (c == ':' && s.compare(i, 3, "://") == 0) ||
           (c == 'w' && s.compare(i, 4, "www.") == 0);
  }

  // "@", "://" and "www." in a line.
  static size_t candidates(std::string_view line) {
    size_t n = static_cast<size_t>(std::count(line.begin(), line.end(), '@'));
    for (size_t at = line.find("://"); at != std::string_view::npos; at = line.find("://", at + 1))
      ++n;
    for (size_t at = line.find("www."); at != std::string_view::npos;
         at = line.find("www.", at + 1))
      ++n;
    return n;
  }

  // The first word of text[from, to) with more addresses than the limit.
  std::optional<LimitError> autolinks_in_words(size_t from, size_t to) const {
    int autolinks = 0;  // in the current word
    for (size_t i = from; i < to; ++i) {
      if (is_space(text[i])) {
        autolinks = 0;
      } else if (candidate_at(text, i) && ++autolinks > max_autolinks_per_word) {
        return at(i, fmt::format("more than {} web or e-mail addresses (\"://\", \"www.\", \"@\") "
                                 "in one word without spaces; Carnet reads at most {} (the "
                                 "Markdown library rereads the word at each one)",
                                 max_autolinks_per_word, max_autolinks_per_word));
      }
    }
    return std::nullopt;
  }

  std::optional<LimitError> run() {
    if (text.size() > max_markdown_bytes) {
      // Where the limit falls, so that the author sees how much is too much.
      size_t limit_line_start = 0;
      int limit_line = 1;
      for (size_t i = 0; i < max_markdown_bytes; ++i)
        if (text[i] == '\n') {
          limit_line++;
          limit_line_start = i + 1;
        }
      return LimitError{limit_line, static_cast<int>(max_markdown_bytes - limit_line_start) + 1,
                        fmt::format("this Markdown text is {} bytes; Carnet reads at most {} "
                                    "(1 MiB) in one text: split it",
                                    text.size(), max_markdown_bytes)};
    }
    long cells = 0;
    int table_columns = 0;  // of the table being read, 0 outside one
    // Line by line: the tables are a property of lines, and a word can hold
    // more addresses than the limit only in a line that does, so the byte
    // by byte scan of words runs only there (this scan reads every page).
    for (size_t i = 0; i < text.size();) {
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view this_line = text.substr(i, end - i);
      const bool blank = this_line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (blank) {
        table_columns = 0;
      } else if (int columns = delimiter_columns(this_line); columns > 0) {
        if (columns > max_table_columns)
          return at(i, fmt::format("this table has {} columns; Carnet reads at most {} (the "
                                   "Markdown library fills every row to the header's width)",
                                   columns, max_table_columns));
        table_columns = columns;
        cells += 2L * columns;  // the header and this row
      } else if (table_columns > 0) {
        cells += table_columns;
      }
      if (cells > max_table_cells)
        return at(i, fmt::format("the tables of this Markdown text reach {} cells here; Carnet "
                                 "reads at most {} in one text (short rows count in full)",
                                 max_table_cells, max_table_cells));
      if (candidates(this_line) > max_autolinks_per_word)
        if (auto e = autolinks_in_words(i, end)) return e;
      if (end == text.size()) break;
      i = end + 1;
      line++;
      line_start = i;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<LimitError> check_text_limits(std::string_view markdown) {
  return Scanner{markdown}.run();
}

namespace {

// The first place where `root` nests deeper than max_nesting.
std::optional<LimitError> check_nesting(cmark_node* root) {
  wrap::CmarkIter it(cmark_iter_new(root));
  int depth = 0;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_EXIT) {
      if (cmark_node_get_type(n) != CMARK_NODE_DOCUMENT) depth--;
      continue;
    }
    // The iterator gives leaves (cmark's S_is_leaf: text, code, breaks, raw
    // HTML) no exit event.
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_DOCUMENT:  // not a level an author wrote
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_THEMATIC_BREAK:
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        continue;
      default:
        break;
    }
    if (++depth > max_nesting) {
      // Inline nodes may lack positions: the nearest block's.
      int line = 0, column = 0;
      for (cmark_node* p = n; line == 0 && p; p = cmark_node_parent(p)) {
        line = cmark_node_get_start_line(p);
        column = cmark_node_get_start_column(p);
      }
      return LimitError{
          std::max(line, 1), std::max(column, 1),
          fmt::format("Markdown nested more than {} levels deep (quotes, lists, "
                      "emphasis or links one inside another); Carnet reads at most {}",
                      max_nesting, max_nesting)};
    }
  }
  return std::nullopt;
}

}  // namespace

namespace detail {

std::optional<ParsedText> parse_within_limits(std::string_view markdown, const Options& options,
                                              LimitError& error) {
  if (auto e = check_text_limits(markdown)) {
    error = std::move(*e);
    return std::nullopt;
  }
  ParsedText parsed;
  parsed.cmark_options = parse_options(options, markdown);
  parsed.parser = make_parser(parsed.cmark_options);
  parsed.root = parse(parsed.parser.get(), markdown);
  if (auto e = check_nesting(parsed.root.get())) {
    error = std::move(*e);
    return std::nullopt;
  }
  return parsed;
}

}  // namespace detail

std::optional<LimitError> check_limits(std::string_view markdown) {
  LimitError error;
  if (detail::parse_within_limits(markdown, {}, error)) return std::nullopt;
  return error;
}

}  // namespace carnet::markdown
