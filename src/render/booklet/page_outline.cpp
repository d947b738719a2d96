#include "render/booklet/page_outline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "base/hash.hpp"
#include "markdown/document.hpp"
#include "model/links.hpp"
#include "render/booklet/data_blocks.hpp"
#include "render/booklet/packaged_images.hpp"

namespace carnet::render::booklet {

namespace {

// Headings deeper than this are set as the third level: three levels of
// headings are what the contents, bookmarks and tags (H1-H3) show.
constexpr int deepest = 2;

// A link of the page made absolute: a booklet is read away from the site.
std::string absolute_link(const model::Site& site, const model::Page& page,
                          const std::string& href) {
  const std::string& base = site.config.base_url;
  if (href.empty() || href[0] == '#') return "";
  if (href[0] == '/' && href.rfind("//", 0) != 0) return base + href.substr(1);
  std::string from_dir = page.dir.empty() ? "content" : "content/" + page.dir;
  auto r = model::resolve_link(site, from_dir, page.url, page.lang, href);
  std::string fragment = r.fragment.empty() ? "" : "#" + r.fragment;
  if (r.page) return base + site.pages[*r.page].url + fragment;
  if (r.plan) {
    const auto& target = site.plans[*r.plan];
    auto u = target.url.find(page.lang);
    return base + (u != target.url.end() ? u->second : std::string()) + fragment;
  }
  if (href.find(':') != std::string::npos) return href;  // has a scheme
  return base + page.url + href;
}

// Sections in reading order with their depth, nested afterwards: a heading
// never sits deeper than one below the one before it (## then #### reads
// as a subsection, as a reader sees it).
void nest(std::vector<SectionEntry>& flat, size_t& i, int depth, std::vector<SectionEntry>& out) {
  while (i < flat.size() && flat[i].depth == depth) {
    out.push_back(std::move(flat[i++]));
    nest(flat, i, depth + 1, out.back().children);
  }
}

}  // namespace

Booklet build_page_outline(const model::Site& site, const model::Page& page) {
  const std::string& lang = page.lang;
  Booklet out = booklet_for(site, lang);
  out.page = true;
  out.title = page.title;
  // The cover's line under the title: the page's date.
  if (page.date) out.period = page.date->format_long(lang);
  out.date_iso = page.date ? page.date->iso() : std::string("2000-01-01");
  out.url = site.config.base_url + page.url;
  out.identifier = "urn:uuid:" + base::stable_uuid(page.source);
  if (!page.summary.empty()) out.summary.push_back(paragraph(page.summary));

  markdown::Options options;
  options.unsafe_html = false;  // raw HTML has no place on paper
  options.heading_ids = false;
  options.first_line = page.body_line;
  // An image's file, by the absolute URL its node carries after rewriting.
  std::map<std::string, ImageFile> image_files;
  options.rewrite_link = [&](const std::string& url, const markdown::LinkContext& where) {
    std::string absolute = absolute_link(site, page, url);
    if (where.image)
      if (const auto* file = model::resolve_static_file(site, page.url, url).file)
        image_files[absolute] = {(std::filesystem::path(site.root) / file->source).string(),
                                 packaged_image_name(file->source)};
    return absolute;
  };
  const std::vector<markdown::Node> nodes = markdown::parse(page.markdown, options);
  const DataBlockSource data = page_data_blocks(site, page, lang);
  const ImageSource images = [&](const std::string& url) {
    auto found = image_files.find(url);
    return found == image_files.end() ? ImageFile{} : found->second;
  };

  int top = 7;
  for (const auto& n : nodes)
    if (n.kind == markdown::Node::Kind::heading) top = std::min(top, n.level);
  std::vector<SectionEntry> flat;
  std::vector<markdown::Node> text;  // what is under the current heading
  auto flush = [&] {
    Blocks blocks = nodes_to_blocks(text, true, data, images);
    text.clear();
    if (flat.empty()) {
      out.intro = std::move(blocks);
    } else {
      for (auto& b : blocks) flat.back().description.push_back(std::move(b));
    }
  };
  for (const auto& n : nodes) {
    if (n.kind == markdown::Node::Kind::footnote_definition) {
      out.notes.push_back({n.number, "note-" + std::to_string(n.number),
                           nodes_to_blocks(n.children, true, data, images)});
    } else if (n.kind == markdown::Node::Kind::heading) {
      flush();
      SectionEntry s;
      s.anchor = "section-" + std::to_string(flat.size() + 1);
      const int below = flat.empty() ? 0 : flat.back().depth + 1;
      s.depth = std::min({n.level - top, below, deepest});
      s.title = markdown::plain_text(n.children);
      flat.push_back(std::move(s));
    } else {
      text.push_back(n);
    }
  }
  flush();
  size_t i = 0;
  nest(flat, i, 0, out.sections);
  return out;
}

}  // namespace carnet::render::booklet
