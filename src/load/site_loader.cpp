#include "load/site_loader.hpp"

#include <algorithm>
#include <set>

#include "base/fs.hpp"
#include "base/image_type.hpp"
#include "base/parallel.hpp"
#include "base/rel_path.hpp"
#include "base/slug.hpp"
#include "base/system_error.hpp"
#include "base/text.hpp"
#include "base/url.hpp"
#include "load/config_reader.hpp"
#include "load/data_block_reader.hpp"
#include "load/markdown_texts.hpp"
#include "load/organisations_reader.hpp"
#include "load/page_reader.hpp"
#include "load/plan_history.hpp"
#include "load/plan_reader.hpp"
#include "load/words_reader.hpp"
#include "load/yaml_util.hpp"
#include "markdown/markdown.hpp"
#include "model/links.hpp"

namespace carnet::load {

namespace fs = std::filesystem;

namespace {

struct ContentFile {
  std::string rel;  // relative to content/
  enum class Kind { page, plan } kind;
};

bool looks_like_language(const std::string& s) {
  if (s.size() != 2) return false;
  return s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

// "bilan.fr.md" → name "bilan", lang "fr"; "bilan.md" → default language.
bool split_page_name(const std::string& file, const model::SiteConfig& config, std::string& name,
                     std::string& lang, std::string& error) {
  std::string stem = file.substr(0, file.size() - 3);
  auto dot = stem.rfind('.');
  if (dot != std::string::npos && looks_like_language(stem.substr(dot + 1))) {
    lang = stem.substr(dot + 1);
    name = stem.substr(0, dot);
    const auto& langs = config.languages;
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      error = "language \"" + lang + "\" in the file name is not one of the site's languages (" +
              base::join(langs, ", ") +
              "); add it to `languages` in carnet.yaml or rename the file";
      return false;
    }
  } else {
    name = stem;
    lang = config.default_language();
  }
  if (name.empty()) {
    error = "a page file needs a name before its language: NAME." + lang + ".md";
    return false;
  }
  return true;
}

// The URL segment of a name or folder: as written when clean, else slugified.
std::string segment_of(const std::string& name) {
  return base::is_clean_segment(name) ? name : base::slugify(name);
}

}  // namespace

void render_page_body(const model::Site& site, model::Page& page, base::Diagnostics& diags,
                      std::vector<FragmentCheck>& checks) {
  const std::string from_dir = base::parent_dir(page.source);
  markdown::Options o;
  o.unsafe_html = site.config.unsafe_html;
  o.first_line = page.body_line;
  o.rewrite_link = [&](const std::string& url, const markdown::LinkContext& where) {
    auto r = model::resolve_link(site, from_dir, page.url, page.lang, url);
    base::SourcePos pos{page.source, where.line, where.column};
    // An image is a file of static/: the web page would show it broken
    // and a booklet could not draw it.
    if (where.image && !r.page && !r.plan && r.error.empty())
      r.error = model::resolve_static_file(site, page.url, url).error;
    if (!r.error.empty())
      diags.error(pos, r.error);
    else if (!r.fragment.empty() && (r.page || r.plan))
      checks.push_back({pos, r});
    return r.href;
  };
  DataBlockContext block_ctx{page.source, page.lang, &site.config.languages, &site.plans};
  page.blocks.clear();
  o.fenced_block = [&](const markdown::FencedCode& code) -> std::optional<std::string> {
    auto kind = model::data_block_kind(code.info);
    if (!kind) return std::nullopt;
    auto block = read_data_block(*kind, code.literal, code.line, block_ctx, diags);
    if (!block) return std::string();
    page.blocks.push_back(std::move(*block));
    return model::data_block_marker(page.blocks.size() - 1);
  };
  auto html = markdown::to_html(page.markdown, o);
  if (html.limit)
    diags.error({page.source, html.limit->line + page.body_line - 1, html.limit->column},
                html.limit->message);
  page.html = std::move(html.html);
  page.anchors = std::move(html.anchors);
}

void check_fragment(const model::Site& site, const FragmentCheck& check, base::Diagnostics& diags) {
  const auto& pos = check.pos;
  const auto& r = check.link;
  if (r.page) {
    const auto& target = site.pages[*r.page];
    if (std::find(target.anchors.begin(), target.anchors.end(), r.fragment) ==
            target.anchors.end() &&
        r.fragment.rfind("fn", 0) != 0)
      diags.error(
          pos,
          "link to \"#" + r.fragment + "\": " + target.source + " has no heading with that anchor" +
              (target.anchors.empty() ? ""
                                      : " (anchors: " + base::join(target.anchors, ", ") + ")"));
  } else if (r.plan && !model::plan_has_anchor(site.plans[*r.plan], r.fragment)) {
    diags.error(pos, "link to \"#" + r.fragment + "\": " + site.plans[*r.plan].source +
                         " has no section or action with that id");
  }
}

namespace {

// What render_page_body reads of the site beyond the page itself: where
// its links lead (pages by source, their translations and addresses;
// plans' addresses), the static files its images must be, and whether raw
// HTML is kept. Two loads with the same context render the same Markdown
// at the same address the same way (data blocks aside: they read plans).
std::string body_context(const model::Site& site) {
  std::string key = site.config.unsafe_html ? "unsafe_html\n" : "\n";
  auto field = [&](const std::string& s) {
    key += s;
    key += '\0';
  };
  for (const auto& p : site.pages) {
    field(p.source);
    field(p.url);
    field(p.lang);
    field(p.group);
    key += '\n';
  }
  for (const auto& p : site.plans) {
    field(p.source);
    for (const auto& [lang, url] : p.url) {
      field(lang);
      field(url);
    }
    key += '\n';
  }
  for (const auto& f : site.static_files) field(f.output);
  return key;
}

class Loader {
 public:
  Loader(const fs::path& root, const LoadOptions& options, base::Diagnostics& diags)
      : root_(root), options_(options), diags_(diags) {}

  model::Site run() {
    site_.root = root_.string();
    site_.include_drafts = options_.include_drafts;
    if (!read_config()) return std::move(site_);
    site_.words = read_words(root_, site_.config.languages, diags_);
    read_content();
    read_registry();
    if (!options_.since.empty()) {
      site_.config.tracking.since = options_.since;
      site_.config.tracking.since_pos = {"--since", 0, 0};
      for (auto& plan : site_.plans) plan.since.clear();
    }
    if (options_.history && !site_.plans.empty())
      read_plan_histories(root_, site_.plans, site_.config.tracking, site_.config.languages,
                          plan_texts_, diags_, options_.cache ? &options_.cache->history : nullptr);
    plan_texts_.clear();
    read_static();
    check_brand_images();
    assign_groups();
    build_sections();
    assign_urls();
    render_bodies();
    check_plan_links();
    return std::move(site_);
  }

 private:
  bool read_config() {
    const fs::path path = root_ / "carnet.yaml";
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
      diags_.error({"carnet.yaml", 0, 0},
                   "no carnet.yaml in '" + root_.string() +
                       "': is this a Carnet site? (`carnet new FOLDER` makes one)");
      return false;
    }
    site_.config = load::read_config(base::read_file(path), diags_);
    if (!options_.base_url.empty()) {  // checked by the command (base::is_base_url)
      site_.config.base_url = base::normalized_base_url(options_.base_url);
      site_.config.base_path = base::base_path_of(options_.base_url);
    }
    return true;
  }

  // content/organisations.yaml, when the site has one.
  void read_registry() {
    const fs::path path = root_ / model::organisations_source;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return;
    std::string text;
    try {
      text = base::read_file(path);
    } catch (const base::SystemError& e) {
      diags_.error({model::organisations_source, 0, 0}, e.what());
      return;
    }
    if (!check_utf8(text, model::organisations_source, diags_)) return;
    site_.organisations =
        read_organisations(text, model::organisations_source, site_.config.languages, diags_);
  }

  void read_content() {
    std::vector<ContentFile> files;
    for (const auto& rel : base::list_files(root_ / "content")) {
      if (rel == "organisations.yaml") continue;  // the registry: read_registry
      if (!addressable(rel)) continue;
      if (rel.size() > 10 && rel.compare(rel.size() - 10, 10, ".plan.yaml") == 0)
        files.push_back({rel, ContentFile::Kind::plan});
      else if (rel.size() > 3 && rel.compare(rel.size() - 3, 3, ".md") == 0)
        files.push_back({rel, ContentFile::Kind::page});
      else
        diags_.warning({"content/" + rel, 0, 0},
                       "only pages (.md) and plans (.plan.yaml) belong in content/; this file is "
                       "not published "
                       "(put images and documents in static/)");
    }
    // Each file is read and parsed on its own, in parallel; results and
    // diagnostics land in per-file slots so their order never depends on timing.
    using Slot = ParseCache::File;
    std::vector<Slot> slots(files.size());
    const auto& config = site_.config;
    const std::string languages = base::join(config.languages, ",");
    const ParseCache* cache = options_.cache;
    // Plans first: each is the work of dozens of pages, and their names
    // sort last, so that the last plans kept one core busy at the end.
    std::vector<size_t> order;
    for (const bool plans : {true, false})
      for (size_t i = 0; i < files.size(); ++i)
        if ((files[i].kind == ContentFile::Kind::plan) == plans) order.push_back(i);
    base::parallel_for(files.size(), [&](size_t k) {
      const size_t i = order[k];
      const auto& f = files[i];
      Slot& slot = slots[i];
      const std::string source = "content/" + f.rel;
      try {
        slot.text = base::read_file(root_ / source);
      } catch (const base::SystemError& e) {
        slot.diags.error({source, 0, 0}, e.what());
        return;
      }
      slot.languages = languages;
      if (cache) {
        auto hit = cache->files.find(source);
        if (hit != cache->files.end() && hit->second.text == slot.text &&
            hit->second.languages == languages) {
          slot.page = hit->second.page;
          slot.plan = hit->second.plan;
          slot.diags = hit->second.diags;
          return;
        }
      }
      const std::string& text = slot.text;
      if (f.kind == ContentFile::Kind::plan) {
        if (!check_utf8(text, source, slot.diags)) return;
        auto plan = read_plan(text, source, config.languages, slot.diags);
        if (!plan) return;
        plan->dir = base::parent_dir(f.rel);
        const auto file = base::file_name(f.rel);
        plan->name = file.substr(0, file.size() - 10);
        slot.plan = std::move(*plan);
        return;
      }
      model::Page page;
      page.source = source;
      page.dir = base::parent_dir(f.rel);
      std::string error;
      if (!split_page_name(base::file_name(f.rel), config, page.name, page.lang, error)) {
        slot.diags.error({source, 0, 0}, error);
        return;
      }
      page.kind = page.name != "_index" ? model::PageKind::regular
                  : page.dir.empty()    ? model::PageKind::home
                                        : model::PageKind::section;
      if (!read_page(text, page, config.languages, slot.diags)) return;
      slot.page = std::move(page);
    });
    if (options_.cache) {
      options_.cache->files.clear();
      for (size_t i = 0; i < files.size(); ++i)
        if (!slots[i].text.empty())  // read failures are not kept: the next load tries again
          options_.cache->files["content/" + files[i].rel] = slots[i];
    }
    std::map<std::string, std::string> plan_names;
    // Reserved: 10,000 pages moved again at each growth of the vector were
    // a tenth of the time between the reading and the Markdown.
    size_t page_count = 0, plan_count = 0;
    for (const auto& slot : slots) {
      page_count += slot.page.has_value();
      plan_count += slot.plan.has_value();
    }
    site_.pages.reserve(site_.pages.size() + page_count);
    site_.plans.reserve(site_.plans.size() + plan_count);
    for (auto& slot : slots) {
      diags_.append(std::move(slot.diags));
      if (slot.page && slot.page->draft && !options_.include_drafts) slot.page.reset();
      if (slot.page) site_.pages.push_back(std::move(*slot.page));
      if (slot.plan) {
        plan_texts_[slot.plan->source] = std::move(slot.text);
        auto [it, fresh] = plan_names.emplace(slot.plan->name, slot.plan->source);
        if (!fresh)
          diags_.error({slot.plan->source, 1, 1},
                       "two plans are named \"" + slot.plan->name + "\" (also " + it->second +
                           "); their booklets would share one file name");
        site_.plans.push_back(std::move(*slot.plan));
      }
    }
    for (size_t i = 0; i < site_.pages.size(); ++i) site_.page_by_source[site_.pages[i].source] = i;
    for (size_t i = 0; i < site_.plans.size(); ++i) site_.plan_by_source[site_.plans[i].source] = i;
  }

  // Every folder of a content file, and a plan's name, becomes a segment of
  // an address: one with no letter or digit ("!!!") cannot.
  bool addressable(const std::string& rel) {
    auto parts = base::split(rel, '/');
    std::string last = parts.back();
    parts.pop_back();
    for (const auto& folder : parts) {
      if (segment_of(folder).empty()) {
        diags_.error({"content/" + rel, 0, 0},
                     "the folder name \"" + folder +
                         "\" has no letter or digit to make an address from; rename it");
        return false;
      }
    }
    const std::string plan_suffix = ".plan.yaml";
    if (last.size() > plan_suffix.size() && last.ends_with(plan_suffix) &&
        segment_of(last.substr(0, last.size() - plan_suffix.size())).empty()) {
      diags_.error({"content/" + rel, 0, 0},
                   "the file name has no letter or digit to make an address from; rename the file");
      return false;
    }
    return true;
  }

  void read_static() {
    for (const auto& rel : base::list_files(root_ / "static"))
      site_.static_files.push_back({"static/" + rel, rel});
  }

  // brand.logo and the partners' logos: files of static/ (so that the site
  // publishes them) in a format every output can show.
  void check_brand_images() {
    auto check = [&](std::string& logo, const base::SourcePos& pos, const char* what) {
      if (logo.empty()) return;
      bool listed = std::any_of(site_.static_files.begin(), site_.static_files.end(),
                                [&](const model::StaticFile& f) { return f.source == logo; });
      if (!listed) {
        diags_.error(pos, std::string(what) + ": no file " + quote(logo) + " in the site");
        logo.clear();
        return;
      }
      std::string bytes;
      try {
        bytes = base::read_file(root_ / logo);
      } catch (const base::SystemError& e) {
        diags_.error(pos, std::string(what) + ": " + e.what());
        logo.clear();
        return;
      }
      if (!base::sniff_image(bytes)) {
        diags_.error(pos,
                     std::string(what) + ": " + quote(logo) + " is not an SVG, PNG or JPEG image");
        logo.clear();
      }
    };
    auto& brand = site_.config.brand;
    check(brand.logo, brand.logo_pos, "brand.logo");
    for (auto& p : brand.partners) check(p.logo, p.logo_pos, "brand.partners: logo");
  }

  void assign_groups() {
    for (size_t i = 0; i < site_.pages.size(); ++i) {
      auto& p = site_.pages[i];
      p.group = !p.translation_key.empty() ? "key:" + p.translation_key : p.dir + "/" + p.name;
      auto& members = site_.groups[p.group];
      for (size_t other : members) {
        if (site_.pages[other].lang == p.lang) {
          diags_.error(
              {p.source, 1, 1},
              "this page and " + site_.pages[other].source + " are both the \"" + p.lang +
                  "\" version of the same page" +
                  (p.translation_key.empty() ? ""
                                             : " (translation_key \"" + p.translation_key + "\")") +
                  "; give one of them another name or translation_key");
        }
      }
      members.push_back(i);
    }
  }

  void build_sections() {
    std::set<std::string> dirs;
    auto add_with_parents = [&](std::string dir) {
      while (!dir.empty()) {
        dirs.insert(dir);
        dir = base::parent_dir(dir);
      }
    };
    for (const auto& p : site_.pages) add_with_parents(p.dir);
    for (const auto& p : site_.plans) add_with_parents(p.dir);
    for (const auto& dir : dirs) {
      model::Section s;
      s.dir = dir;
      for (const auto& lang : site_.config.languages) {
        auto& in = s.lang[lang];
        if (auto idx = site_.find_page(dir + "/_index", lang)) {
          in.index_page = idx;
          in.title = site_.pages[*idx].title;
        } else {
          in.title = base::file_name(dir);
        }
      }
      site_.sections.push_back(std::move(s));
    }
    for (size_t i = 0; i < site_.pages.size(); ++i) {
      const auto& p = site_.pages[i];
      if (p.kind == model::PageKind::regular && !p.dir.empty())
        section_of(p.dir).pages.push_back(i);
    }
    for (size_t i = 0; i < site_.plans.size(); ++i)
      if (!site_.plans[i].dir.empty()) section_of(site_.plans[i].dir).plans.push_back(i);
  }

  model::Section& section_of(const std::string& dir) {
    for (auto& s : site_.sections)
      if (s.dir == dir) return s;
    throw base::SystemError("internal: no section for folder '" + dir + "'");
  }

  // "rapports/" or "en/reports/" for dir "rapports": each folder level takes
  // its section's slug in that language.
  std::string section_path(const std::string& dir, const std::string& lang) {
    if (dir.empty()) return "";
    std::string out;
    std::string prefix;
    for (const auto& seg : base::split(dir, '/')) {
      prefix = prefix.empty() ? seg : prefix + "/" + seg;
      std::string slug = segment_of(seg);
      if (auto idx = site_.find_page(prefix + "/_index", lang);
          idx && !site_.pages[*idx].slug.empty())
        slug = site_.pages[*idx].slug;
      out += slug + "/";
    }
    return out;
  }

  void assign_urls() {
    std::map<std::string, std::string> claimed;  // url → source
    auto claim = [&](const std::string& url, const std::string& source) {
      auto [it, fresh] = claimed.emplace(url, source);
      if (!fresh)
        diags_.error({source, 1, 1}, "this page and " + it->second + " both want the address /" +
                                         url + "; change the `slug` of one of them");
    };
    for (auto& s : site_.sections)
      for (auto& [lang, in] : s.lang) in.url = site_.home_url(lang) + section_path(s.dir, lang);
    for (auto& p : site_.pages) {
      const std::string prefix = site_.home_url(p.lang) + section_path(p.dir, p.lang);
      if (p.kind == model::PageKind::regular) {
        const std::string segment = p.slug.empty() ? segment_of(p.name) : p.slug;
        if (segment.empty()) {
          diags_.error({p.source, 0, 0},
                       "the file name \"" + p.name +
                           "\" has no letter or digit to make an address from; rename the file "
                           "or give the page a `slug`");
          continue;
        }
        p.url = prefix + segment + "/";
      } else {
        p.url = prefix;
      }
      claim(p.url, p.source);
    }
    for (auto& plan : site_.plans) {
      for (const auto& lang : site_.config.languages) {
        auto slug = plan.slug.count(lang) ? plan.slug[lang] : segment_of(plan.name);
        plan.url[lang] = site_.home_url(lang) + section_path(plan.dir, lang) + slug + "/";
        claim(plan.url[lang], plan.source);
      }
    }
  }

  void render_bodies() {
    std::vector<base::Diagnostics> slot_diags(site_.pages.size());
    std::vector<std::vector<FragmentCheck>> slot_checks(site_.pages.size());
    ParseCache* cache = options_.cache;
    const std::string context = cache ? body_context(site_) : std::string();
    const bool reuse = cache && cache->body_context == context;
    base::parallel_for(site_.pages.size(), [&](size_t i) {
      auto& page = site_.pages[i];
      if (reuse) {
        auto hit = cache->bodies.find(page.source);
        // Its address and language are the same: they are in the context.
        if (hit != cache->bodies.end() && hit->second.markdown == page.markdown &&
            hit->second.body_line == page.body_line) {
          page.html = hit->second.html;
          page.anchors = hit->second.anchors;
          page.blocks.clear();
          slot_diags[i] = hit->second.diags;
          slot_checks[i] = hit->second.checks;
          return;
        }
      }
      render_page_body(site_, page, slot_diags[i], slot_checks[i]);
    });
    if (cache) {
      cache->body_context = context;
      cache->bodies.clear();
      for (size_t i = 0; i < site_.pages.size(); ++i) {
        const auto& p = site_.pages[i];
        // A data block that failed left no block but an error, which may
        // depend on a plan's content: bodies with any diagnostic are not kept.
        if (p.blocks.empty() && slot_diags[i].empty())
          cache->bodies[p.source] = {p.markdown, p.body_line,   p.html,
                                     p.anchors,  slot_diags[i], slot_checks[i]};
      }
    }
    for (size_t i = 0; i < site_.pages.size(); ++i) {
      diags_.append(std::move(slot_diags[i]));
      for (const auto& c : slot_checks[i]) check_fragment(site_, c, diags_);
    }
  }

  // Markdown texts of plans are rendered by the themes; their links are
  // checked here so that a broken one fails the build like a page's would.
  void check_plan_links() {
    for (const auto& plan : site_.plans) {
      const std::string from_dir = base::parent_dir(plan.source);
      for_each_plan_markdown(plan, [&](const model::LocalizedText& t) {
        for (const auto& [lang, text] : t.text) {
          // Every text is parsed, links or not, for its limits (limits.hpp):
          // one past them fails the build here, as a page's body does.
          markdown::Options o;
          o.rewrite_link = [&, &lang = lang](const std::string& url,
                                             const markdown::LinkContext& where) {
            auto r = model::resolve_link(site_, from_dir, plan.url.at(lang), lang, url);
            const auto at = position_in_text(t, lang, plan.source, where.line, where.column);
            if (!r.error.empty())
              diags_.error(at, r.error);
            else if (!r.fragment.empty() && (r.page || r.plan))
              check_fragment(site_, {at, r}, diags_);
            return r.href;
          };
          if (auto e = markdown::to_html(text, o).limit)
            diags_.error(position_in_text(t, lang, plan.source, e->line, e->column), e->message);
        }
      });
    }
  }

  fs::path root_;
  LoadOptions options_;
  base::Diagnostics& diags_;
  model::Site site_;
  // The bytes each plan was read from, until its history is read.
  std::map<std::string, std::string> plan_texts_;
};

}  // namespace

model::Site load_site(const fs::path& root, const LoadOptions& options, base::Diagnostics& diags) {
  return Loader(root, options, diags).run();
}

}  // namespace carnet::load
