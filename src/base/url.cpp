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
  // Folders of `from` (its last segment is a file name unless it ends in '/').
  std::vector<std::string_view> a, b;
  auto segs = [](std::string_view p, std::vector<std::string_view>& v, bool drop_last) {
    size_t start = 0;
    while (start < p.size()) {
      auto pos = p.find('/', start);
      if (pos == std::string_view::npos) {
        if (!drop_last) v.push_back(p.substr(start));
        break;
      }
      v.push_back(p.substr(start, pos - start));
      start = pos + 1;
    }
  };
  segs(from, a, true);
  segs(to, b, false);
  size_t common = 0;
  // The target's last segment is only a folder when `to` ends with '/'.
  size_t b_dirs = !to.empty() && to.back() == '/' ? b.size() : (b.empty() ? 0 : b.size() - 1);
  while (common < a.size() && common < b_dirs && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) {
    out += b[i];
    if (i + 1 < b.size() || (!to.empty() && to.back() == '/')) out += '/';
  }
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
