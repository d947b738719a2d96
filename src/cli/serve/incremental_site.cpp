#include "cli/serve/incremental_site.hpp"

#include <algorithm>
#include <utility>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "load/page_reader.hpp"
#include "load/site_loader.hpp"
#include "model/page_booklets.hpp"
#include "render/booklet/booklets.hpp"
#include "render/html/site_renderer.hpp"
#include "render/search/search_index.hpp"

namespace carnet::cli::serve {

namespace fs = std::filesystem;

namespace {

bool same_file(const base::OutputFile& a, const base::OutputFile& b) {
  return a.bytes == b.bytes && a.copy_from == b.copy_from;
}

// Puts `files` among the outputs' updated ones, but those whose bytes are
// as before; returns their paths, sorted.
std::vector<std::string> put_updated(Outputs& outputs, std::vector<base::OutputFile>&& files) {
  std::vector<std::string> changed;
  auto updated = std::make_shared<OutputMap>(*outputs.updated);
  for (auto& f : files) {
    const base::OutputFile* old = outputs.find(f.path);
    if (old && same_file(*old, f)) continue;
    changed.push_back(f.path);
    std::string path = f.path;
    (*updated)[path] = std::make_shared<const base::OutputFile>(std::move(f));
  }
  outputs.updated = std::move(updated);
  std::sort(changed.begin(), changed.end());
  return changed;
}

bool is_page_source(const std::string& path) {
  return path.starts_with("content/") && path.ends_with(".md");
}

}  // namespace

std::string_view lines_before(std::string_view text, int line) {
  size_t end = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', end);
    if (nl == std::string_view::npos) return text;
    end = nl + 1;
  }
  return text.substr(0, end);
}

IncrementalSite::IncrementalSite(fs::path root, BuildOptions options)
    : root_(std::move(root)),
      options_(std::move(options)),
      cache_(std::make_unique<load::ParseCache>()) {}

IncrementalSite::~IncrementalSite() = default;

Update IncrementalSite::rebuild(const std::string& saved, const EarlyUpdate& early) {
  std::lock_guard lock(mutex_);
  booklets_.clear();
  search_.clear();
  Update update;
  update.full = true;
  BuildOptions options = options_;
  options.load.cache = cache_.get();
  options.keep_site = true;
  // Only over outputs without errors: after an error page, the whole site
  // shows at once.
  if (early && !saved.empty() && site_ && !diags_.has_errors())
    options.loaded = [&](const model::Site& site) { show_early(site, saved, early); };
  BuildResult result;
  // A carnet.yaml that cannot be read (mid-save, a checkout) is an error
  // shown on the page, never the end of the preview.
  try {
    result = build_site(root_, options);
  } catch (const base::SystemError& e) {
    result.diags.error({"", 0, 0}, e.what());
  }
  renderer_.reset();  // it refers to the old site
  const bool had_errors = !site_;
  site_ = std::move(result.site);
  diags_ = std::move(result.diags);
  const OutputMap before = outputs_.merged();
  auto files = std::make_shared<OutputMap>();
  if (site_ && !diags_.has_errors()) {
    for (auto& f : result.files) {
      std::string path = f.path;
      auto old = before.find(path);
      if (old != before.end() && same_file(*old->second, f))
        files->emplace(std::move(path), old->second);  // shared with the last snapshot
      else
        files->emplace(std::move(path), std::make_shared<const base::OutputFile>(std::move(f)));
    }
  } else {
    site_.reset();
  }
  // The paths that differ, both ways (removed pages reload to the 404).
  auto a = before.begin();
  auto b = files->begin();
  while (a != before.end() || b != files->end()) {
    if (b == files->end() || (a != before.end() && a->first < b->first)) {
      update.changed.push_back((a++)->first);
    } else if (a == before.end() || b->first < a->first) {
      update.changed.push_back((b++)->first);
    } else {
      if (a->second != b->second) update.changed.push_back(a->first);
      ++a, ++b;
    }
  }
  update.everything = had_errors || !site_;
  outputs_ = Outputs{std::move(files), std::make_shared<const OutputMap>()};
  return update;
}

Update IncrementalSite::update(const std::vector<std::string>& changed, const EarlyUpdate& early) {
  Update update;
  const bool one_page = changed.size() == 1 && is_page_source(changed.front());
  if (one_page) {
    std::lock_guard lock(mutex_);
    if (update_body(changed.front(), update)) return update;
  }
  update = rebuild(one_page ? changed.front() : std::string(), early);
  // Files of static/ are served from disk: their outputs' bytes do not
  // show the change.
  for (const auto& path : changed)
    if (path.starts_with("static/") || path.empty()) update.everything = true;
  return update;
}

bool IncrementalSite::update_body(const std::string& source, Update& update) {
  if (!site_) return false;
  auto at = site_->page_by_source.find(source);
  auto cached = cache_->files.find(source);
  if (at == site_->page_by_source.end() || cached == cache_->files.end() || !cached->second.page)
    return false;
  model::Page& page = site_->pages[at->second];

  std::string text;
  try {
    text = base::read_file(root_ / source);
  } catch (const base::SystemError&) {
    return false;  // deleted or unreadable: the full build says what
  }
  // The front matter, byte for byte as before: then every field the rest
  // of the site sees (title, slug, date, menu, weight, draft, summary,
  // translation_key, params, booklet) is as before too.
  const model::Page& parsed_before = *cached->second.page;
  if (lines_before(text, parsed_before.body_line) !=
      lines_before(cached->second.text, parsed_before.body_line))
    return false;
  model::Page parsed;
  parsed.source = parsed_before.source;
  parsed.lang = parsed_before.lang;
  parsed.dir = parsed_before.dir;
  parsed.name = parsed_before.name;
  parsed.kind = parsed_before.kind;
  base::Diagnostics diags;
  if (!load::read_page(text, parsed, site_->config.languages, diags) || !diags.empty() ||
      parsed.body_line != parsed_before.body_line)
    return false;

  // The body against the site as it is; any diagnostic (a broken link)
  // goes through the full build, which reports it as a build does.
  model::Page rendered = page;
  rendered.markdown = parsed.markdown;
  std::vector<load::FragmentCheck> checks;
  load::render_page_body(*site_, rendered, diags, checks);
  for (const auto& c : checks) load::check_fragment(*site_, c, diags);
  // Other pages' and plans' links to this page's anchors were checked
  // against the old ones.
  if (!diags.empty() || rendered.anchors != page.anchors) return false;

  prepare();
  if (!renderer_) return false;
  page = std::move(rendered);
  for (const auto& f : model::page_booklet_files(*site_, page)) booklets_.erase(f.path);
  search_.clear();  // the page's text is in it
  auto& entry = cached->second;
  entry.text = std::move(text);
  entry.page = std::move(parsed);
  update.changed = put_updated(outputs_, renderer_->render_body_of(at->second));
  return true;
}

void IncrementalSite::show_early(const model::Site& site, const std::string& source,
                                 const EarlyUpdate& early) {
  auto at = site.page_by_source.find(source);
  if (at == site.page_by_source.end()) return;  // deleted, or now a draft
  base::Diagnostics theme_diags;                // the full build reports them
  auto renderer = render::html::PageRenderer::make(site, options_.render, theme_diags);
  if (!renderer || theme_diags.has_errors()) return;
  Update shown;
  shown.changed = put_updated(outputs_, renderer->render_body_of(at->second));
  if (!shown.changed.empty()) early(shown);
}

void IncrementalSite::prepare() {
  if (renderer_ || !site_) return;
  base::Diagnostics theme_diags;  // the full build reported them
  renderer_ = render::html::PageRenderer::make(*site_, options_.render, theme_diags);
}

std::shared_ptr<const base::OutputFile> IncrementalSite::on_request(const std::string& path) {
  std::lock_guard lock(mutex_);
  if (!site_) return nullptr;
  if (path.starts_with("search/")) return search_file(path);
  if (path.ends_with(".pdf") || path.ends_with(".epub") || path.ends_with(".odt"))
    return booklet(path);
  return nullptr;
}

std::shared_ptr<const base::OutputFile> IncrementalSite::search_file(const std::string& path) {
  if (search_.empty())
    for (auto& f : render::search::render_search(*site_)) {
      std::string p = f.path;
      search_.emplace(std::move(p), std::make_shared<const base::OutputFile>(std::move(f)));
    }
  auto it = search_.find(path);
  return it == search_.end() ? nullptr : it->second;
}

std::shared_ptr<const base::OutputFile> IncrementalSite::booklet(const std::string& path) {
  if (auto it = booklets_.find(path); it != booklets_.end()) return it->second;
  namespace booklet = render::booklet;
  std::string bytes;
  bool found = false;
  for (const auto& plan : site_->plans) {
    for (const auto& f : model::booklet_files(*site_, plan)) {
      if (f.path != path) continue;
      using Kind = model::BookletFile::Kind;
      switch (f.kind) {
        case Kind::reading:
          bytes = booklet::render_booklet(*site_, plan, f.lang, f.format);
          break;
        case Kind::imposed:
          bytes = booklet::render_imposed(*site_, plan, f.lang);
          break;
        case Kind::tete_beche:
          bytes = booklet::render_tete_beche(*site_, plan);
          break;
      }
      found = true;
    }
  }
  for (const auto& page : site_->pages) {
    if (!page.booklet || found) continue;
    for (const auto& f : model::page_booklet_files(*site_, page)) {
      if (f.path != path) continue;
      bytes = booklet::render_page_booklet(*site_, page, f.format);
      found = true;
    }
  }
  if (!found) return nullptr;
  auto file =
      std::make_shared<const base::OutputFile>(base::OutputFile{path, std::move(bytes), ""});
  booklets_.emplace(path, file);
  return file;
}

}  // namespace carnet::cli::serve
