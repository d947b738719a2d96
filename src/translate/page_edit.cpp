#include "translate/page_edit.hpp"

#include <vector>

#include "base/yaml_quote.hpp"
#include "load/page_reader.hpp"

namespace carnet::translate {

namespace {

struct SplitPage {
  std::vector<std::string> front;  // the lines between the --- lines
  bool has_front = false;
  std::string body;
};

// The loader's own split, so that import reads a page exactly as a build
// does; the front matter as lines, to edit key by key.
SplitPage split(std::string_view text) {
  const load::FrontMatterSplit f = load::split_front_matter(text);
  SplitPage p;
  p.has_front = f.closed;
  p.body = std::string(f.closed ? f.body : text);
  if (!f.closed) return p;
  for (std::string_view rest = f.front; !rest.empty();) {
    const size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    p.front.emplace_back(line);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return p;
}

// Top-level keys start at column 0; their value may go on over indented
// lines (a block scalar, a long plain text).
bool is_key_line(const std::string& line, std::string_view key) {
  return line.size() > key.size() && line.compare(0, key.size(), key) == 0 &&
         line[key.size()] == ':';
}

// Removes `key` (and its continuation lines); returns the index where it was
// or npos.
size_t remove_key(std::vector<std::string>& front, std::string_view key) {
  for (size_t i = 0; i < front.size(); ++i) {
    if (!is_key_line(front[i], key)) continue;
    size_t end = i + 1;
    while (end < front.size() &&
           (front[end].empty() || front[end][0] == ' ' || front[end][0] == '\t'))
      ++end;
    front.erase(front.begin() + static_cast<long>(i), front.begin() + static_cast<long>(end));
    return i;
  }
  return std::string::npos;
}

void set_key(std::vector<std::string>& front, std::string_view key, const std::string& value,
             size_t fallback) {
  size_t at = remove_key(front, key);
  if (value.empty()) return;
  if (at == std::string::npos) at = std::min(fallback, front.size());
  front.insert(front.begin() + static_cast<long>(at),
               std::string(key) + ": " + base::yaml_quote(value));
}

std::string join(const std::vector<std::string>& front, const std::string& body) {
  std::string out = "---\n";
  for (const auto& l : front) out += l + "\n";
  out += "---\n";
  if (!body.empty()) {
    out += "\n" + body;
    if (out.back() != '\n') out += "\n";
  }
  return out;
}

std::string trimmed_body(const std::string& body) {
  size_t start = body.find_first_not_of("\r\n");
  return start == std::string::npos ? "" : body.substr(start);
}

}  // namespace

std::string make_translated_page(std::string_view source_page, const PageTranslation& t) {
  SplitPage p = split(source_page);
  remove_key(p.front, "slug");
  set_key(p.front, "title", t.title, 0);
  set_key(p.front, "summary", t.summary, 1);
  return join(p.front, trimmed_body(t.body));
}

std::string update_translated_page(std::string_view existing_page, const PageTranslation& t) {
  SplitPage p = split(existing_page);
  // A text the translator left empty is not a translation: the page keeps
  // the one it has.
  if (!t.title.empty()) set_key(p.front, "title", t.title, 0);
  if (!t.summary.empty()) set_key(p.front, "summary", t.summary, 1);
  return join(p.front, trimmed_body(t.body));
}

}  // namespace carnet::translate
