#include "model/page_booklets.hpp"

#include <algorithm>

namespace carnet::model {

namespace {
// The formats a page's booklet comes in; other entries of booklet.formats
// (a plan's one-page summary) say nothing about pages.
const std::vector<std::string> page_formats = {"pdf", "epub", "odt"};
}  // namespace

std::string page_booklet_path(const Page& page, const std::string& format) {
  // The last segment of the URL: the slug the reader sees, and a name that
  // is already unique in its folder.
  std::string url = page.url;
  if (!url.empty() && url.back() == '/') url.pop_back();
  std::string name = url.substr(url.rfind('/') == std::string::npos ? 0 : url.rfind('/') + 1);
  if (name.empty()) name = page.name;
  return page.url + name + "." + page.lang + "." + format;
}

std::vector<BookletFile> page_booklet_files(const Site& site, const Page& page) {
  std::vector<BookletFile> files;
  if (!page.booklet || page.kind != PageKind::regular) return files;
  const auto& formats = site.config.booklet.formats;
  for (const auto& format : page_formats)
    if (std::find(formats.begin(), formats.end(), format) != formats.end())
      files.push_back({BookletFile::Kind::reading, page.lang, format,
                       page_booklet_path(page, format), "booklet_" + format});
  return files;
}

std::string booklet_mime(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "epub") return "application/epub+zip";
  if (format == "odt") return "application/vnd.oasis.opendocument.text";
  return "application/octet-stream";
}

}  // namespace carnet::model
