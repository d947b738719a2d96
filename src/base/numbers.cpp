#include "base/numbers.hpp"

#include <charconv>
#include <string>

#include "base/text.hpp"

namespace carnet::base {

std::optional<int> parse_percent(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
  int v = -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0 || v > 100)
    return std::nullopt;
  return v;
}

std::optional<double> parse_positive_number(std::string_view text) {
  std::string s(trim(text));
  for (auto& c : s)
    if (c == ',') c = '.';
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(v > 0) || v > 1e6)
    return std::nullopt;
  return v;
}

}  // namespace carnet::base
