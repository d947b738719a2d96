#include "translate/yaml_edit.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/yaml_quote.hpp"

namespace carnet::translate {

namespace {

size_t line_start(std::string_view s, size_t at) {
  auto nl = s.rfind('\n', at == 0 ? 0 : at - 1);
  return at == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

size_t line_end(std::string_view s, size_t at) {
  auto nl = s.find('\n', at);
  return nl == std::string_view::npos ? s.size() : nl;
}

size_t indentation(std::string_view s, size_t start) {
  size_t n = 0;
  while (start + n < s.size() && s[start + n] == ' ') ++n;
  return n;
}

// Byte offset of a 1-based line and byte column.
std::optional<size_t> offset_of(std::string_view s, const base::SourcePos& pos) {
  if (pos.line < 1 || pos.column < 1) return std::nullopt;
  size_t at = 0;
  for (int line = 1; line < pos.line; ++line) {
    auto nl = s.find('\n', at);
    if (nl == std::string_view::npos) return std::nullopt;
    at = nl + 1;
  }
  at += static_cast<size_t>(pos.column - 1);
  if (at > s.size()) return std::nullopt;
  return at;
}

// True when `at` is inside a flow collection that opened on the same line.
bool in_flow(std::string_view s, size_t at) {
  int depth = 0;
  char quote = 0;
  for (size_t k = line_start(s, at); k < at; ++k) {
    char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'')
      quote = c;
    else if (c == '{' || c == '[')
      ++depth;
    else if (c == '}' || c == ']')
      --depth;
  }
  return depth > 0;
}

// The column where the key of the value at `at` starts ("  fr: x" → 2), or
// the column of a list's "-" for an item; npos when there is neither.
size_t owner_column(std::string_view s, size_t at) {
  size_t ls = line_start(s, at);
  size_t k = at;
  while (k > ls && s[k - 1] == ' ') --k;
  if (k > ls && s[k - 1] == '-') return k - 1 - ls;
  if (k == ls || s[k - 1] != ':') return std::string::npos;
  --k;
  while (k > ls && s[k - 1] != ' ' && s[k - 1] != '{' && s[k - 1] != ',' && s[k - 1] != '-') --k;
  return k - ls;
}

// The language key written just before the value at `at` ("fr" in "fr: x"),
// or "" when the value does not belong to a language key.
std::string key_before(std::string_view s, size_t at) {
  size_t ls = line_start(s, at);
  size_t k = at;
  while (k > ls && s[k - 1] == ' ') --k;
  if (k == ls || s[k - 1] != ':') return "";
  size_t end = --k;
  while (k > ls && s[k - 1] >= 'a' && s[k - 1] <= 'z') --k;
  return std::string(s.substr(k, end - k));
}

// The scalar to write: a literal block for Markdown on several lines, when
// a block can hold the text unchanged; a double-quoted scalar otherwise.
std::string scalar_for(const std::string& value, bool markdown, bool flow, size_t indent) {
  const bool multiline = value.find('\n') != std::string::npos;
  const bool blockable = !value.empty() && value.front() != ' ' && value.front() != '\n' &&
                         value.find('\t') == std::string::npos &&
                         value.find("\r") == std::string::npos;
  if (!markdown || !multiline || flow || !blockable) return base::yaml_quote(value);
  // Keep the text's final line breaks exactly: `|-` for none, `|` for
  // one, `|+` for more.
  size_t trailing = 0;
  while (trailing < value.size() && value[value.size() - 1 - trailing] == '\n') ++trailing;
  std::string body = value.substr(0, value.size() - trailing);
  std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  const std::string pad(indent, ' ');
  size_t at = 0;
  for (;;) {
    auto nl = body.find('\n', at);
    std::string_view line =
        std::string_view(body).substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    out += "\n";
    if (!line.empty()) out += pad + std::string(line);
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  for (size_t k = 1; k < trailing; ++k) out += "\n";
  return out;
}

struct Splice {
  size_t begin, end;
  std::string text;
};

}  // namespace

ScalarExtent scalar_extent(std::string_view s, size_t begin) {
  ScalarExtent e;
  e.begin = begin;
  e.flow = in_flow(s, begin);
  if (begin >= s.size()) {
    e.end = begin;
    return e;
  }
  const char c = s[begin];
  if (c == '"') {
    size_t k = begin + 1;
    while (k < s.size() && s[k] != '"') k += s[k] == '\\' ? 2 : 1;
    e.end = std::min(k + 1, s.size());
  } else if (c == '\'') {
    size_t k = begin + 1;
    while (k < s.size()) {
      if (s[k] == '\'' && k + 1 < s.size() && s[k + 1] == '\'')
        k += 2;
      else if (s[k] == '\'')
        break;
      else
        ++k;
    }
    e.end = std::min(k + 1, s.size());
  } else if ((c == '|' || c == '>') && !e.flow) {
    // A block: the lines after the header indented deeper than its owner.
    e.block = true;
    const size_t owner = owner_column(s, begin);
    size_t end = line_end(s, begin);
    for (size_t ls = end + 1; ls < s.size();) {
      size_t le = line_end(s, ls);
      bool blank = s.substr(ls, le - ls).find_first_not_of(' ') == std::string_view::npos;
      if (!blank && (owner == std::string::npos || indentation(s, ls) <= owner)) break;
      if (!blank) end = le;
      ls = le + 1;
    }
    e.end = end;
  } else {
    // A plain scalar: to the end of the line (or to , } ] in a flow), a
    // comment excluded; in a block it may go on over deeper lines.
    size_t k = begin;
    const size_t le = line_end(s, begin);
    while (k < le) {
      if (s[k] == '#' && k > begin && s[k - 1] == ' ') break;
      if (e.flow && (s[k] == ',' || s[k] == '}' || s[k] == ']')) break;
      ++k;
    }
    while (k > begin && s[k - 1] == ' ') --k;
    e.end = k;
    if (!e.flow) {
      const size_t owner = owner_column(s, begin);
      for (size_t ls = le + 1; ls < s.size() && owner != std::string::npos;) {
        size_t next_end = line_end(s, ls);
        std::string_view line = s.substr(ls, next_end - ls);
        auto first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || first <= owner || line[first] == '#') break;
        e.end = ls + line.find_last_not_of(' ') + 1;
        ls = next_end + 1;
      }
    }
  }
  e.multiline = s.substr(e.begin, e.end - e.begin).find('\n') != std::string_view::npos;
  return e;
}

std::string apply_yaml_edits(const std::string& yaml, const std::string& path,
                             const std::vector<YamlTextEdit>& edits, base::Diagnostics& diags) {
  std::vector<Splice> splices;
  for (const auto& edit : edits) {
    const model::LocalizedText& t = *edit.text;
    auto cannot = [&](const std::string& why) {
      diags.error(t.pos.line ? t.pos : base::SourcePos{path, 1, 1},
                  "cannot write the " + edit.lang + " text here (" + why + "); add it by hand");
    };
    // 1. The language is there: replace its value.
    if (auto it = t.lang_pos.find(edit.lang); it != t.lang_pos.end()) {
      auto at = offset_of(yaml, it->second);
      if (!at) {
        cannot("its position is outside the file");
        continue;
      }
      auto e = scalar_extent(yaml, *at);
      size_t owner = owner_column(yaml, *at);
      if (owner == std::string::npos) owner = indentation(yaml, line_start(yaml, *at));
      splices.push_back({e.begin, e.end, scalar_for(edit.value, edit.markdown, e.flow, owner + 2)});
      continue;
    }
    auto src = t.lang_pos.find(edit.source_lang);
    if (src == t.lang_pos.end()) {
      cannot("the text has no " + edit.source_lang + " value to stand beside");
      continue;
    }
    auto at = offset_of(yaml, src->second);
    if (!at) {
      cannot("its position is outside the file");
      continue;
    }
    // 2. A map of languages: add one more, after the last.
    if (key_before(yaml, *at) == edit.source_lang) {
      size_t last = *at;
      for (const auto& [lang, pos] : t.lang_pos)
        if (auto o = offset_of(yaml, pos); o && *o > last) last = *o;
      auto e = scalar_extent(yaml, last);
      if (e.flow) {
        splices.push_back({e.end, e.end, ", " + edit.lang + ": " + base::yaml_quote(edit.value)});
      } else {
        size_t key_col = owner_column(yaml, last);
        if (key_col == std::string::npos) {
          cannot("the languages are not written as `fr: ...` lines");
          continue;
        }
        // After the whole line, so that a comment stays with its value.
        const size_t after = e.multiline ? e.end : line_end(yaml, e.end);
        splices.push_back({after, after,
                           "\n" + std::string(key_col, ' ') + edit.lang + ": " +
                               scalar_for(edit.value, edit.markdown, false, key_col + 2)});
      }
      continue;
    }
    // 3. A plain text: make it a map of languages.
    auto e = scalar_extent(yaml, *at);
    const std::string original = yaml.substr(e.begin, e.end - e.begin);
    if (!e.multiline) {
      // On one line, as a flow map; a plain scalar is quoted, since a comma
      // or a brace in it would end it inside { }.
      const bool quoted = original.front() == '"' || original.front() == '\'';
      const std::string source_scalar =
          quoted ? original
                 : base::yaml_quote(t.text.count(edit.source_lang) ? t.text.at(edit.source_lang)
                                                                   : original);
      splices.push_back({e.begin, e.end,
                         "{" + edit.source_lang + ": " + source_scalar + ", " + edit.lang + ": " +
                             base::yaml_quote(edit.value) + "}"});
      continue;
    }
    if (e.flow) {
      cannot("a text on several lines inside { } or [ ]");
      continue;
    }
    // On several lines: a block map under the key, the original value
    // moved one level deeper, byte for byte apart from the indentation.
    size_t key_col = owner_column(yaml, *at);
    if (key_col == std::string::npos || yaml[line_start(yaml, *at) + key_col] == '-') {
      cannot("a text on several lines in a list");
      continue;
    }
    if (e.block && original.size() > 1 && std::isdigit(static_cast<unsigned char>(original[1]))) {
      cannot("a block with an explicit indentation");
      continue;
    }
    std::string moved;
    for (size_t k = 0; k < original.size(); ++k) {
      moved += original[k];
      if (original[k] == '\n' && k + 1 < original.size() && original[k + 1] != '\n') moved += "  ";
    }
    const std::string pad(key_col + 2, ' ');
    // Remove the space between "key:" and the value too.
    size_t begin = e.begin;
    while (begin > 0 && yaml[begin - 1] == ' ') --begin;
    splices.push_back({begin, e.end,
                       "\n" + pad + edit.source_lang + ": " + moved + "\n" + pad + edit.lang +
                           ": " + scalar_for(edit.value, edit.markdown, false, key_col + 4)});
  }
  // From the end of the file back, so that offsets stay true.
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin > b.begin; });
  std::string out = yaml;
  size_t limit = std::string::npos;
  for (const auto& s : splices) {
    if (s.end > limit) {
      diags.error({path, 1, 1}, "two translations overlap in this file; import them one at a time");
      continue;
    }
    out.replace(s.begin, s.end - s.begin, s.text);
    limit = s.begin;
  }
  return out;
}

}  // namespace carnet::translate
