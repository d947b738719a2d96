#include "render/html/i18n.hpp"

#include "base/text.hpp"

namespace carnet::render::html {

namespace {
bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}
}  // namespace

std::vector<StringsError> parse_strings(std::string_view text, Strings& out) {
  std::vector<StringsError> errors;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM left by an editor
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = base::trim(line);
    if (t.empty() || t[0] == '#') {
      if (end == text.size()) break;
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      errors.push_back(
          {line_no, "indented line: i18n files are flat, one `key: \"value\"` per line"});
      if (end == text.size()) break;
      continue;
    }
    size_t k = 0;
    while (k < t.size() && key_char(t[k])) ++k;
    if (k == 0 || k >= t.size() || t[k] != ':') {
      errors.push_back({line_no, "expected a line `key: \"value\"`"});
      if (end == text.size()) break;
      continue;
    }
    std::string key(t.substr(0, k));
    std::string_view v = base::trim(t.substr(k + 1));
    std::string value;
    if (!v.empty() && v[0] == '"') {
      size_t i = 1;
      bool closed = false;
      for (; i < v.size(); ++i) {
        char c = v[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        if (c == '\\' && i + 1 < v.size()) {
          char n = v[++i];
          value += n == 'n' ? '\n' : n;
        } else {
          value += c;
        }
      }
      std::string_view rest = base::trim(v.substr(i));
      if (!closed) {
        errors.push_back({line_no, key + ": missing closing '\"'"});
      } else if (!rest.empty() && rest[0] != '#') {
        errors.push_back({line_no, key + ": unexpected text after the closing '\"'"});
      } else {
        out[key] = std::move(value);
      }
    } else {
      // A plain value ends at " #" (a YAML comment).
      auto hash = v.find(" #");
      out[key] = std::string(base::trim(v.substr(0, hash)));
    }
    if (end == text.size()) break;
  }
  return errors;
}

std::string format_count(const std::string& pattern, const std::string& value) {
  auto at = pattern.find("{n}");
  if (at == std::string::npos) return pattern;
  return pattern.substr(0, at) + value + pattern.substr(at + 3);
}

}  // namespace carnet::render::html
