// The machine-read files: an Atom feed per language, sitemap.xml with
// language alternates, and robots.txt. Every URL in them is absolute
// (base_url + path); dates come from content, never from the clock, so that
// the same input gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/html/render_context.hpp"

namespace carnet::render::html {

// Atom 1.0 of the language's dated pages, newest first.
std::string atom_feed(const RenderContext& ctx, const std::string& lang);

struct SitemapEntry {
  std::string url;  // output folder path
  std::vector<Alternate> alternates;
  std::optional<std::string> x_default;
  std::string lastmod;  // "2022-12-31" or ""
};
// Entries are written sorted by URL.
std::string sitemap(const RenderContext& ctx, std::vector<SitemapEntry> entries);

std::string robots_txt(const RenderContext& ctx);

}  // namespace carnet::render::html
