#include "model/links.hpp"

#include <algorithm>
#include <vector>

#include "base/text.hpp"
#include "base/url.hpp"

namespace carnet::model {

namespace {

bool has_scheme(const std::string& href) {
  auto colon = href.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = href[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

// "a/b/../c" → "a/c"; nullopt when it climbs above the root.
std::optional<std::string> normalize(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& seg : base::split(path, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (out.empty()) return std::nullopt;
      out.pop_back();
      continue;
    }
    out.push_back(seg);
  }
  return base::join(out, "/");
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool section_has(const PlanSection& s, const std::string& id) {
  if (s.id == id) return true;
  for (const auto& a : s.actions)
    if (a.id == id) return true;
  for (const auto& c : s.sections)
    if (section_has(c, id)) return true;
  return false;
}

}  // namespace

StaticResolution resolve_static_file(const Site& site, const std::string& from_url,
                                     const std::string& href) {
  StaticResolution r;
  if (href.empty() || href[0] == '#' || has_scheme(href) || href.rfind("//", 0) == 0) return r;
  std::string path = href.substr(0, href.find_first_of("?#"));
  const std::string decoded = percent_decode(path);
  auto norm = normalize(path[0] == '/' ? decoded : from_url + decoded);
  if (norm) {
    for (const auto& f : site.static_files)
      if (f.output == *norm) {
        r.file = &f;
        return r;
      }
  }
  r.error =
      "image \"" + path + "\": no such file (looked for static/" + norm.value_or(decoded) + ")";
  return r;
}

bool plan_has_anchor(const Plan& plan, const std::string& id) {
  for (const auto& s : plan.sections)
    if (section_has(s, id)) return true;
  return false;
}

LinkResolution resolve_link(const Site& site, const std::string& from_dir,
                            const std::string& from_url, const std::string& lang,
                            const std::string& href) {
  LinkResolution r;
  r.href = href;
  if (href.empty() || href[0] == '#' || has_scheme(href) || href.rfind("//", 0) == 0) return r;

  std::string path = href, suffix;
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) {
    suffix = path.substr(cut);
    path.resize(cut);
  }
  if (auto hash = suffix.find('#'); hash != std::string::npos) r.fragment = suffix.substr(hash + 1);

  if (path[0] == '/') {
    // Root-relative: relative to the page, so the base_url path is honoured
    // wherever the site is served.
    r.href = base::relative_url(from_url, path.substr(1)) + suffix;
    if (path == "/") r.href = base::relative_url(from_url, "") + suffix;
    return r;
  }

  const bool is_page = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
  const bool is_plan = path.size() > 10 && path.compare(path.size() - 10, 10, ".plan.yaml") == 0;
  if (!is_page && !is_plan) return r;

  const std::string decoded = percent_decode(path);
  std::vector<std::string> tried;
  for (const auto& candidate : {from_dir + "/" + decoded, "content/" + decoded}) {
    auto norm = normalize(candidate);
    if (!norm || norm->rfind("content/", 0) != 0) continue;
    if (std::find(tried.begin(), tried.end(), *norm) != tried.end()) continue;
    tried.push_back(*norm);
    if (is_page) {
      auto found = site.page_by_source.find(*norm);
      if (found == site.page_by_source.end()) continue;
      size_t target = site.find_page(site.pages[found->second].group, lang).value_or(found->second);
      r.page = target;
      r.href = base::relative_url(from_url, site.pages[target].url) + suffix;
      return r;
    }
    auto found = site.plan_by_source.find(*norm);
    if (found == site.plan_by_source.end()) continue;
    const Plan& plan = site.plans[found->second];
    r.plan = found->second;
    auto url = plan.url.find(lang);
    r.href = base::relative_url(from_url,
                                url != plan.url.end() ? url->second : plan.url.begin()->second) +
             suffix;
    return r;
  }
  r.error = "link to \"" + path + "\": no such " + (is_page ? "page" : "plan") + " (looked for " +
            base::join(tried, " and ") + ")";
  return r;
}

}  // namespace carnet::model
