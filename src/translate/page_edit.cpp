#include "translate/page_edit.hpp"

#include <vector>

#include "base/yaml_quote.hpp"

namespace carnet::translate {

namespace {

struct SplitPage {
  std::vector<std::string> front;  // the lines between the --- lines
  bool has_front = false;
  std::string body;
};

SplitPage split(std::string_view text) {
  SplitPage p;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto first_end = text.find('\n');
  if (first_end == std::string_view::npos ||
      (text.substr(0, first_end) != "---" && text.substr(0, first_end) != "---\r")) {
    p.body = std::string(text);
    return p;
  }
  size_t at = first_end + 1;
  while (at <= text.size()) {
    auto end = text.find('\n', at);
    std::string_view line =
        text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---") {
      p.has_front = true;
      p.body = end == std::string_view::npos ? "" : std::string(text.substr(end + 1));
      return p;
    }
    p.front.emplace_back(line);
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  p.front.clear();  // no closing line: not front matter
  p.body = std::string(text);
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
  set_key(p.front, "title", t.title, 0);
  set_key(p.front, "summary", t.summary, 1);
  return join(p.front, trimmed_body(t.body));
}

}  // namespace carnet::translate
