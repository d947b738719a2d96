#include "cli/build_pipeline.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "base/parallel.hpp"
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
constexpr size_t max_name_bytes = 255;

void check_name_lengths(const model::Site& site, const std::vector<base::OutputFile>& files,
                        base::Diagnostics& diags) {
  for (const auto& f : files) {
    size_t longest = 0;
    for (size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
      end = f.path.find('/', start);
      longest = std::max(longest, (end == std::string::npos ? f.path.size() : end) - start);
    }
    if (longest <= max_name_bytes) continue;
    std::string source = !f.copy_from.empty() ? "static/" + f.path : "content";
    for (const auto& p : site.plans)
      if (f.path.find("/" + p.name + ".") != std::string::npos) source = p.source;
    for (const auto& p : site.pages)
      if (!p.url.empty() && f.path.starts_with(p.url)) source = p.source;
    diags.error({source, 0, 0}, "the output file '" + f.path + "' would have a name of " +
                                    std::to_string(longest) + " bytes; file systems allow " +
                                    std::to_string(max_name_bytes) + ": shorten the file's name");
  }
}

// The checks that need every output path at once. `files` may be light
// (path and copy_from only): no check reads the bytes.
void check_outputs(const model::Site& site, const std::vector<base::OutputFile>& files,
                   base::Diagnostics& diags) {
  check_name_lengths(site, files, diags);

  // A file in static/ must not silently replace a generated one (or the
  // other way round): say which two collide.
  std::map<std::string, const base::OutputFile*> by_path;
  for (const auto& f : files) {
    auto [it, fresh] = by_path.emplace(f.path, &f);
    if (fresh) continue;
    const base::OutputFile* a = it->second;
    const base::OutputFile* s = !f.copy_from.empty() ? &f : (!a->copy_from.empty() ? a : nullptr);
    std::string where = s ? "static/" + s->path : f.path;
    diags.error({where, 0, 0}, "this file would overwrite the generated '" + f.path +
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
    diags.error({source.empty() ? "content" : source, 0, 0},
                "the address '" + address + "' would be a folder named like the file '" + f.path +
                    "' that the site also writes; choose another slug or name");
  }
}

// Pages rendered and staged at a time: a few MB of HTML, and enough files
// that writing them keeps both cores busy.
constexpr size_t page_batch = 2000;

// What the checks need of a file.
base::OutputFile light(const base::OutputFile& f) { return {f.path, {}, f.copy_from}; }

void append(std::vector<base::OutputFile>& to, std::vector<base::OutputFile>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  from = {};
}

// The sink's side of a build: each batch's paths are kept, in the order the
// in-memory build lists them (pages, open data, search, booklets, whatever
// order they are made in) so that both report the same errors; the batch
// goes to the sink while every path so far passes the checks, since a file
// written over another, or into a folder named like a file, is an I/O
// error in the staging folder rather than the content error it should be.
class SinkedOutputs {
 public:
  enum Part { pages, data, search, booklets, part_count };

  SinkedOutputs(const model::Site& site, const OutputSink& sink) : site_(site), sink_(sink) {}

  void add(Part part, std::vector<base::OutputFile>&& batch) {
    for (const auto& f : batch) {
      parts_[part].push_back(light(f));
      passing_ = passing_ && passes(f.path);
    }
    count_ += batch.size();
    if (passing_) sink_(std::move(batch));
    batch = {};
  }

  std::vector<base::OutputFile> listed() const {
    std::vector<base::OutputFile> all;
    for (const auto& part : parts_) all.insert(all.end(), part.begin(), part.end());
    return all;
  }

  size_t count() const { return count_; }
  // Whether every path passed: check_outputs would then find nothing.
  bool all_passed() const { return passing_; }

 private:
  // Whether `path`, with every path so far, passes check_outputs, which
  // then says why not in full. Kept as it goes: checking every path again
  // at each batch grew with the square of the site (50 slices of pages at
  // 50,000 pages per language).
  bool passes(const std::string& path) {
    if (!paths_.insert(path).second || folders_.count(path)) return false;
    size_t start = 0;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         start = slash + 1, slash = path.find('/', start)) {
      if (slash - start > max_name_bytes) return false;
      // Looked up as a view: nearly every folder is known already.
      const std::string_view folder(path.data(), slash);
      if (paths_.find(folder) != paths_.end()) return false;
      if (folders_.find(folder) == folders_.end()) folders_.emplace(folder);
    }
    return path.size() - start <= max_name_bytes;
  }

  // Hash and equality that take views as well as strings.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Paths = std::unordered_set<std::string, Hash, std::equal_to<>>;

  const model::Site& site_;
  const OutputSink& sink_;
  Paths paths_, folders_;
  std::vector<base::OutputFile> parts_[part_count];
  size_t count_ = 0;
  bool passing_ = true;
};

// What needs only the loaded site, made side by side before the pages:
// each language's search index and each plan's open data, a job each, the
// indexes first (the longest), so that the plans' data fills the core that
// finishes its language first. Made apart, the two indexes left a core
// idle at their end, and the plans' data did at the build's end.
struct SiteWideOutputs {
  std::vector<base::OutputFile> search, data;
};

SiteWideOutputs site_wide_outputs(const model::Site& site, bool search) {
  const auto& langs = site.config.languages;
  const size_t indexes = search && site.config.search ? langs.size() : 0;
  std::vector<std::vector<base::OutputFile>> made(indexes + site.plans.size());
  base::parallel_for(made.size(), [&](size_t i) {
    made[i] = i < indexes ? render::search::render_search_language(site, langs[i])
                          : render::data::plan_data_files(site, site.plans[i - indexes]);
  });
  SiteWideOutputs out;
  for (size_t i = 0; i < indexes; ++i) append(out.search, std::move(made[i]));
  out.data = render::data::site_data_files(site);
  for (size_t i = indexes; i < made.size(); ++i) append(out.data, std::move(made[i]));
  return out;
}

}  // namespace

BuildResult build_site(const std::filesystem::path& root, const BuildOptions& options) {
  BuildResult result;
  model::Site site = load::load_site(root, options.load, result.diags);
  // Load everything and report every error first; render nothing from a
  // site that has errors.
  if (result.diags.has_errors()) return result;
  if (options.loaded) options.loaded(site);

  if (options.sink) {
    // A page's Markdown, once its body is HTML, is read again only by the
    // page's own booklet: the rest is freed (the bodies are as much memory
    // again as the HTML, 430 MB at 50,000 pages per language).
    if (!options.keep_site)
      for (auto& page : site.pages)
        if (!page.booklet || !options.booklets) std::string().swap(page.markdown);
    // Each batch is on disk and freed before the next is made; the search
    // index and the open data first, as below.
    SinkedOutputs outputs(site, options.sink);
    {
      auto wide = site_wide_outputs(site, options.search);
      outputs.add(SinkedOutputs::search, std::move(wide.search));
      outputs.add(SinkedOutputs::data, std::move(wide.data));
    }
    // The pages in slices, each staged and freed before the next is made:
    // the loaded site plus one slice, not plus every page (at N=5000 the
    // pages are 110 MB of HTML).
    render::html::render_site(
        site, options.render, result.diags,
        [&](std::vector<base::OutputFile>&& batch) {
          outputs.add(SinkedOutputs::pages, std::move(batch));
        },
        page_batch);
    if (result.diags.has_errors()) return result;
    if (options.booklets && !site.config.booklet.formats.empty())
      outputs.add(SinkedOutputs::booklets, render::booklet::render_booklets(site));
    // The checks again, in full, only to say why a path did not pass (at
    // 5,000 pages per language, 17 ms for nothing on every build).
    if (!outputs.all_passed()) check_outputs(site, outputs.listed(), result.diags);
    if (result.diags.has_errors()) return result;
    result.file_count = outputs.count();
    if (options.keep_site || options.hand_over_site)
      result.site = std::make_unique<model::Site>(std::move(site));
    return result;
  }

  // The search index (with the open data) first: what it holds while it is
  // built (every term's postings) is freed before the pages are, rather
  // than stacked on them.
  auto wide = site_wide_outputs(site, options.search);
  auto files = render::html::render_site(site, options.render, result.diags);
  if (result.diags.has_errors()) return result;
  append(files, std::move(wide.data));
  append(files, std::move(wide.search));
  if (options.booklets && !site.config.booklet.formats.empty())
    append(files, render::booklet::render_booklets(site));

  check_outputs(site, files, result.diags);
  if (result.diags.has_errors()) return result;
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  result.file_count = files.size();
  result.files = std::move(files);
  if (options.keep_site) result.site = std::make_unique<model::Site>(std::move(site));
  return result;
}

}  // namespace carnet::cli
