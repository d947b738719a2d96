#include "base/text.hpp"

#include <glib.h>

#include <algorithm>
#include <array>
#include <memory>

namespace carnet::base {

void html_escape_to(std::string& out, std::string_view s) {
  // Runs of bytes that need no escape are copied whole (every variable of
  // every page comes through here): a table tells them, a byte at a time.
  static constexpr auto special = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
    return t;
  }();
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !special[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<size_t>(p - run));
    if (p == end) break;
    switch (*p++) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += "&#39;";
    }
  }
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  html_escape_to(out, s);
  return out;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_lower(std::string_view s) {
  // GLib's case mapping wants valid UTF-8; bytes that are not get ASCII's.
  if (!g_utf8_validate_len(s.data(), s.size(), nullptr)) return to_lower_ascii(s);
  std::unique_ptr<gchar, decltype(&g_free)> lower(
      g_utf8_strdown(s.data(), static_cast<gssize>(s.size())), g_free);
  return lower.get();
}

namespace {
// Optimal string alignment distance: a swapped pair of letters ("titel")
// counts as one typo, as people make them.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::string_view::npos;
  const std::string lw = to_lower(word);
  for (const auto& c : candidates) {
    size_t d = edit_distance(lw, to_lower(c));
    if (d < best_d) best_d = d, best = c;
  }
  // Up to a third of the word may differ: "partenrs" → "partners", not "due".
  if (best_d == 0 || best_d > std::max<size_t>(1, word.size() / 3)) return "";
  return best;
}

std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c == '\n' ? ' ' : c;
  }
  return std::string(trim(out));
}

}  // namespace carnet::base
