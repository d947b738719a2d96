#include "render/html/feeds.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace carnet::render::html {

namespace {
// XML text and attribute values: the HTML escape is valid XML (&#39; included).
std::string x(std::string_view s) { return base::html_escape(s); }
}  // namespace

std::string atom_feed(const RenderContext& ctx, const std::string& lang) {
  const auto& site = ctx.site;
  const auto& ld = ctx.langs.at(lang);
  const std::string& def = ctx.default_lang();
  const std::string home = ctx.absolute(site.home_url(lang));
  const std::string title = text_plain(site.config.title, lang, def);
  std::string author = text_plain(site.config.organization.name, lang, def);
  if (author.empty()) author = title;
  // Atom needs an <updated>; with no dated page there is no date to give but
  // the clock's, which would make every build differ. The epoch is honest.
  std::string updated = "1970-01-01T00:00:00Z";
  if (!ld.dated.empty()) updated = site.pages[ld.dated.front()].date->rfc3339();

  std::string out;
  out.reserve(512 + ld.dated.size() * 512);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + x(lang) + "\">\n";
  out += "  <title>" + x(title) + "</title>\n";
  const std::string& subtitle = text_plain(site.config.description, lang, def);
  if (!subtitle.empty()) out += "  <subtitle>" + x(subtitle) + "</subtitle>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         x(ctx.absolute(ld.feed_url)) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + x(home) + "\"/>\n";
  out += "  <id>" + x(home) + "</id>\n";
  out += "  <updated>" + updated + "</updated>\n";
  out += "  <author><name>" + x(author) + "</name></author>\n";
  out += "  <generator>Carnet</generator>\n";
  for (size_t i : ld.dated) {
    const auto& p = site.pages[i];
    const std::string url = ctx.absolute(p.url);
    const std::string date = p.date->rfc3339();
    out += "  <entry>\n";
    out += "    <title>" + x(p.title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + x(url) + "\"/>\n";
    out += "    <id>" + x(url) + "</id>\n";
    out += "    <published>" + date + "</published>\n";
    out += "    <updated>" + date + "</updated>\n";
    if (!p.summary.empty()) out += "    <summary>" + x(p.summary) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string sitemap(const RenderContext& ctx, std::vector<SitemapEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.url < b.url; });
  std::string out;
  out.reserve(256 + entries.size() * 400);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out +=
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  for (const auto& e : entries) {
    out += "  <url>\n    <loc>" + x(ctx.absolute(e.url)) + "</loc>\n";
    if (!e.lastmod.empty()) out += "    <lastmod>" + e.lastmod + "</lastmod>\n";
    if (e.alternates.size() > 1) {
      for (const auto& a : e.alternates)
        out += "    <xhtml:link rel=\"alternate\" hreflang=\"" + x(a.lang) + "\" href=\"" +
               x(ctx.absolute(a.url)) + "\"/>\n";
      if (e.x_default)
        out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
               x(ctx.absolute(*e.x_default)) + "\"/>\n";
    }
    out += "  </url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string robots_txt(const RenderContext& ctx) {
  return "User-agent: *\nAllow: /\nSitemap: " + ctx.absolute("sitemap.xml") + "\n";
}

}  // namespace carnet::render::html
