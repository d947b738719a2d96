#include "base/url.hpp"

#include <vector>

#include "base/text.hpp"

namespace carnet::base {

std::string base_path_of(std::string_view base_url) {
  auto scheme = base_url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? base_url : base_url.substr(scheme + 3);
  if (scheme != std::string_view::npos) {
    auto slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  }
  std::string path(rest);
  if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
  if (path.back() != '/') path += '/';
  return path;
}

bool is_base_url(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || (!s.empty() && s[0] == '/');
}

std::string normalized_base_url(std::string_view base_url) {
  std::string out(base_url);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out + '/';
}

std::string relative_url(std::string_view from, std::string_view to) {
  // The folders of each: up to its last '/' (the rest of `from` is a file
  // name, and so is the rest of `to`). Their common folders, whole, are
  // left out; each other folder of `from` is a "../". Compared in place:
  // a page asks for some thirty of these, and lists of segments were two
  // allocations each.
  const auto folders = [](std::string_view p) {
    const size_t slash = p.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : p.substr(0, slash + 1);
  };
  const std::string_view a = folders(from), b = folders(to);
  size_t common = 0;  // bytes of whole folders both begin with
  for (;;) {
    const size_t end_a = a.find('/', common), end_b = b.find('/', common);
    if (end_a == std::string_view::npos || end_a != end_b ||
        a.substr(common, end_a - common) != b.substr(common, end_b - common))
      break;
    common = end_a + 1;
  }
  std::string out;
  for (size_t i = common; i < a.size(); ++i)
    if (a[i] == '/') out += "../";
  out += to.substr(common);
  if (out.empty()) out = "./";
  return out;
}

bool is_safe_output_path(std::string_view rel) {
  if (rel.empty() || rel[0] == '/') return false;
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos)
    return false;
  for (const auto& seg : split(rel, '/'))
    if (seg.empty() || seg == ".." || seg == ".") return false;
  return true;
}

bool is_web_address(std::string_view s) {
  const bool web =
      (s.starts_with("https://") && s.size() > 8) || (s.starts_with("http://") && s.size() > 7);
  return web && s.find_first_of(" \t\n\"<>") == std::string_view::npos;
}

}  // namespace carnet::base
