#include "cli/build_pipeline.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "render/booklet/booklets.hpp"
#include "render/data/open_data.hpp"
#include "render/search/search_index.hpp"

namespace carnet::cli {

namespace {

// Every part of an output path fits a file name (255 bytes on every common
// file system): a plan file named at length gets booklet suffixes
// ("NAME.fr.saddle-stitch.pdf"). A content error at the source that names
// it, not an I/O error in the staging folder. (Slugs are checked at their
// position when read.)
void check_name_lengths(const model::Site& site, const std::vector<base::OutputFile>& files,
                        base::Diagnostics& diags) {
  constexpr size_t limit = 255;
  for (const auto& f : files) {
    size_t longest = 0;
    for (size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
      end = f.path.find('/', start);
      longest = std::max(longest, (end == std::string::npos ? f.path.size() : end) - start);
    }
    if (longest <= limit) continue;
    std::string source = !f.copy_from.empty() ? "static/" + f.path : "content";
    for (const auto& p : site.plans)
      if (f.path.find("/" + p.name + ".") != std::string::npos) source = p.source;
    for (const auto& p : site.pages)
      if (!p.url.empty() && f.path.starts_with(p.url)) source = p.source;
    diags.error({source, 0, 0}, "the output file '" + f.path + "' would have a name of " +
                                    std::to_string(longest) + " bytes; file systems allow " +
                                    std::to_string(limit) + ": shorten the file's name");
  }
}

}  // namespace

BuildResult build_site(const std::filesystem::path& root, const BuildOptions& options) {
  BuildResult result;
  model::Site site = load::load_site(root, options.load, result.diags);
  // Load everything and report every error first; render nothing from a
  // site that has errors.
  if (result.diags.has_errors()) return result;

  // The search index first: what it holds while it is built (every term's
  // postings) is freed before the pages are, rather than stacked on them.
  auto search =
      options.search ? render::search::render_search(site) : std::vector<base::OutputFile>{};
  auto files = render::html::render_site(site, options.render, result.diags);
  if (result.diags.has_errors()) return result;
  {
    auto data = render::data::render_data(site);
    files.insert(files.end(), std::make_move_iterator(data.begin()),
                 std::make_move_iterator(data.end()));
  }
  files.insert(files.end(), std::make_move_iterator(search.begin()),
               std::make_move_iterator(search.end()));
  search = {};
  if (options.booklets && !site.config.booklet.formats.empty()) {
    auto booklets = render::booklet::render_booklets(site);
    files.insert(files.end(), std::make_move_iterator(booklets.begin()),
                 std::make_move_iterator(booklets.end()));
  }

  check_name_lengths(site, files, result.diags);

  // A file in static/ must not silently replace a generated one (or the
  // other way round): say which two collide.
  std::map<std::string, const base::OutputFile*> by_path;
  for (const auto& f : files) {
    auto [it, fresh] = by_path.emplace(f.path, &f);
    if (fresh) continue;
    const base::OutputFile* a = it->second;
    const base::OutputFile* s = !f.copy_from.empty() ? &f : (!a->copy_from.empty() ? a : nullptr);
    std::string where = s ? "static/" + s->path : f.path;
    result.diags.error({where, 0, 0}, "this file would overwrite the generated '" + f.path +
                                          "'; rename it or move it to another folder");
  }
  // A page's address is a folder ("robots.txt/" holds its index.html): it
  // must not be the name of a file the site also writes.
  std::set<std::string> folders;
  for (const auto& f : files)
    for (size_t slash = f.path.find('/'); slash != std::string::npos;
         slash = f.path.find('/', slash + 1))
      folders.insert(f.path.substr(0, slash));
  for (const auto& f : files) {
    if (!folders.count(f.path)) continue;
    const std::string address = f.path + "/";
    std::string source = !f.copy_from.empty() ? "static/" + f.path : "";
    for (const auto& p : site.pages)
      if (p.url.rfind(address, 0) == 0) source = p.source;
    for (const auto& p : site.plans)
      for (const auto& [lang, url] : p.url)
        if (url.rfind(address, 0) == 0) source = p.source;
    result.diags.error({source.empty() ? "content" : source, 0, 0},
                       "the address '" + address + "' would be a folder named like the file '" +
                           f.path + "' that the site also writes; choose another slug or name");
  }
  if (result.diags.has_errors()) return result;
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  result.files = std::move(files);
  if (options.keep_site) result.site = std::make_unique<model::Site>(std::move(site));
  return result;
}

}  // namespace carnet::cli
