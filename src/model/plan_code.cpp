// Plain scanning, no std::regex: codes are read from spreadsheet cells, and
// libstdc++'s regex recurses once per character of a long one.
#include "model/plan_code.hpp"

#include <algorithm>

namespace carnet::model {

bool is_code_part(std::string_view part, bool first) {
  auto all = [&](auto pred, size_t max) {
    return !part.empty() && part.size() <= max && std::all_of(part.begin(), part.end(), pred);
  };
  if (all([](char c) { return c >= '0' && c <= '9'; }, 3)) return true;
  if (all([](char c) { return c == 'I' || c == 'V' || c == 'X'; }, 5)) return true;
  if (first) return false;
  if (all([](char c) { return c == 'i' || c == 'v' || c == 'x'; }, 5)) return true;
  return part.size() == 1 &&
         ((part[0] >= 'a' && part[0] <= 'z') || (part[0] >= 'A' && part[0] <= 'Z'));
}

bool is_plan_code(std::string_view code) {
  const size_t dot = code.find('.');
  if (dot == std::string_view::npos) return is_code_part(code, false);
  bool first = true;
  for (size_t start = 0;;) {
    const size_t end = code.find('.', start);
    if (!is_code_part(code.substr(start, end == std::string_view::npos ? end : end - start), first))
      return false;
    if (end == std::string_view::npos) return true;
    first = false;
    start = end + 1;
  }
}

}  // namespace carnet::model
