#include "render/html/site_renderer.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <numeric>
#include <optional>

#include "base/parallel.hpp"
#include "base/rel_path.hpp"
#include "base/text.hpp"
#include "base/url.hpp"
#include "markdown/markdown.hpp"
#include "model/page_booklets.hpp"
#include "render/html/data_blocks_html.hpp"
#include "render/html/feeds.hpp"
#include "render/html/organisation_view.hpp"
#include "render/html/plan_view.hpp"
#include "render/html/render_context.hpp"
#include "render/html/template_context.hpp"
#include "render/html/theme.hpp"
#include "view/plan_display.hpp"

namespace carnet::render::html {

namespace {

// kainjow writes through `stream << text`: append straight to a string.
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
};

// One HTML file to write.
struct Job {
  enum class Kind { home, page, section, plan, organisation, organisations, not_found, chooser };
  Kind kind = Kind::page;
  size_t index = 0;  // into pages, sections or plans
  std::string lang;
  std::string url;  // output folder path ("404.html" for the 404 page)
  std::vector<Alternate> alternates;
  std::optional<std::string> x_default;
  std::string lastmod;
  // The language's shared data and the page's frame (add_page_frame) in
  // one, when its folder shares them (prepare).
  const mustache::data* frame = nullptr;
};

class SiteRenderer {
 public:
  SiteRenderer(const model::Site& site, const Theme& theme, const RenderOptions& options)
      : site_(site), theme_(theme), ctx_(make_context(site, theme, options)) {}
  SiteRenderer(const SiteRenderer&) = delete;
  SiteRenderer& operator=(const SiteRenderer&) = delete;

  // The views of every organisation and plan in each language are many
  // small strings, freed here on all cores (on one, they were 17 ms alone
  // at the end of a build): each is moved out and dies in a loop's job,
  // leaving the maps empty shells. Should the loop fail to start, the
  // maps free the rest as usual.
  ~SiteRenderer() {
    std::vector<view::OrganisationView*> orgs;
    std::vector<view::PlanDisplay*> displays;
    for (auto& [lang, views] : org_views_)
      for (auto& v : views) orgs.push_back(&v);
    for (auto& [lang, views] : displays_)
      for (auto& d : views) displays.push_back(&d);
    try {
      base::parallel_for(orgs.size() + displays.size(), [&](size_t i) {
        if (i < orgs.size()) {
          const view::OrganisationView gone = std::move(*orgs[i]);
        } else {
          const view::PlanDisplay gone = std::move(*displays[i - orgs.size()]);
        }
      });
    } catch (...) {
    }
  }

  // Hands the files to `batch` as they are made: the pages `batch_jobs` at
  // a time, then the files of the whole site.
  void run(const BatchSink& batch, size_t batch_jobs) {
    prepare();
    for (size_t begin = 0; begin < jobs_.size(); begin += batch_jobs) {
      const size_t end = std::min(jobs_.size(), begin + batch_jobs);
      std::vector<base::OutputFile> files(end - begin);
      render_range(begin, end, files);
      batch(std::move(files));
    }
    batch(site_files());
  }

  std::vector<base::OutputFile> run() {
    prepare();  // the jobs, to make them one batch
    std::vector<base::OutputFile> files;
    run(
        [&](std::vector<base::OutputFile>&& b) {
          files.insert(files.end(), std::make_move_iterator(b.begin()),
                       std::make_move_iterator(b.end()));
        },
        jobs_.size() + 1);
    std::sort(files.begin(), files.end(),
              [](const base::OutputFile& a, const base::OutputFile& b) { return a.path < b.path; });
    return files;
  }

  // The sitemap, robots.txt, feeds, stylesheet, scripts and static files.
  std::vector<base::OutputFile> site_files() const {
    // The sitemap and each language's feed read every page: made side by
    // side, as the last thing the pages' workers do.
    const auto& langs = site_.config.languages;
    std::vector<base::OutputFile> made(1 + langs.size());
    base::parallel_for(made.size(), [&](size_t i) {
      if (i > 0) {
        const auto& lang = langs[i - 1];
        made[i] = {ctx_.langs.at(lang).feed_url, atom_feed(ctx_, lang), ""};
        return;
      }
      std::vector<SitemapEntry> entries;
      for (const auto& j : jobs_) {
        if (j.kind == Job::Kind::not_found || j.kind == Job::Kind::chooser) continue;
        entries.push_back({j.url, j.alternates, j.x_default, j.lastmod});
      }
      made[0] = {"sitemap.xml", sitemap(ctx_, std::move(entries)), ""};
    });
    std::vector<base::OutputFile> files;
    files.push_back(std::move(made[0]));
    files.push_back({"robots.txt", robots_txt(ctx_), ""});
    for (size_t i = 1; i < made.size(); ++i) files.push_back(std::move(made[i]));
    files.push_back({theme_.css_path, theme_.css, ""});
    for (const auto& [name, script] : theme_.scripts) {
      // `search: false` leaves the search out entirely, its scripts too.
      if (!site_.config.search && (name == "search" || name == "stemmers")) continue;
      files.push_back({script.path, script.bytes, ""});
    }
    files.push_back({".nojekyll", "", ""});
    if (!site_.config.cname.empty()) files.push_back({"CNAME", site_.config.cname + "\n", ""});
    for (const auto& s : site_.static_files)
      files.push_back({s.output, "", site_.root + "/" + s.source});
    return files;
  }

  void prepare() {
    if (planned_) return;
    plan_jobs();
    share_frames();
    planned_ = true;
  }

  // The pages that show page `index`'s body: its own, or the home page or
  // section index it is the text of.
  std::vector<base::OutputFile> render_body_of(size_t index, Templates& templates) {
    prepare();
    std::vector<base::OutputFile> files;
    for (const auto& j : jobs_) {
      bool shows = false;
      if (j.kind == Job::Kind::page) {
        shows = j.index == index;
      } else if (j.kind == Job::Kind::home) {
        auto it = home_page_.find(j.lang);
        shows = it != home_page_.end() && it->second == index;
      } else if (j.kind == Job::Kind::section) {
        const auto& in = site_.sections[j.index].lang.at(j.lang);
        shows = in.index_page && *in.index_page == index;
      }
      if (shows) files.push_back({j.url + "index.html", render_job(j, templates), ""});
    }
    return files;
  }

 private:
  // The pages of a folder ("articles/") link out of it the same way, so
  // they share one frame (add_page_frame) instead of making one each: the
  // menu and the links of the header and footer, made and freed for every
  // page, were 9 % of the instructions of rendering them. A folder that
  // holds one of the frame's targets (a menu entry under it, say) keeps a
  // frame per page.
  void share_frames() {
    std::map<std::string, std::vector<std::string>> targets;
    for (const auto& lang : site_.config.languages) targets[lang] = frame_targets(ctx_, lang);
    for (auto& j : jobs_) {
      if (j.kind != Job::Kind::page || j.url.size() < 2 || j.url.back() != '/') continue;
      const size_t slash = j.url.rfind('/', j.url.size() - 2);
      if (slash == std::string::npos) continue;  // a page at the top shares its folder with all
      const std::string folder = j.url.substr(0, slash + 1);
      auto [it, added] = frames_.try_emplace({j.lang, folder});
      if (added) {
        const auto& lang_targets = targets[j.lang];
        it->second.for_folder =
            std::none_of(lang_targets.begin(), lang_targets.end(), [&](const std::string& t) {
              return t.size() > folder.size() && t.compare(0, folder.size(), folder) == 0;
            });
        if (it->second.for_folder) {
          // With the language's shared data, whose names are not the
          // frame's: a name is then looked up in two places, not three.
          it->second.data = mustache::data(ctx_.langs.at(j.lang).shared);
          add_page_frame(it->second.data, ctx_, j.lang, j.url);
        }
      }
      if (it->second.for_folder) j.frame = &it->second.data;
    }
  }

  std::vector<Alternate> ordered(std::vector<Alternate> alts) const {
    const auto& langs = site_.config.languages;
    auto rank = [&](const std::string& l) {
      return std::find(langs.begin(), langs.end(), l) - langs.begin();
    };
    std::sort(alts.begin(), alts.end(),
              [&](const Alternate& a, const Alternate& b) { return rank(a.lang) < rank(b.lang); });
    return alts;
  }

  void plan_jobs() {
    const auto& cfg = site_.config;
    for (size_t i = 0; i < site_.pages.size(); ++i) {
      const auto& p = site_.pages[i];
      if (p.kind == model::PageKind::home) home_page_[p.lang] = i;
    }
    for (size_t i = 0; i < site_.sections.size(); ++i)
      children_[base::parent_dir(site_.sections[i].dir)].push_back(i);

    std::vector<Alternate> homes;
    for (const auto& lang : cfg.languages) homes.push_back({lang, site_.home_url(lang)});
    std::optional<std::string> home_x_default =
        cfg.default_language_in_subdir ? std::optional<std::string>("") : x_default_of(ctx_, homes);
    for (const auto& lang : cfg.languages) {
      Job j{Job::Kind::home, 0, lang, site_.home_url(lang), homes, home_x_default, ""};
      jobs_.push_back(std::move(j));
    }
    for (size_t i = 0; i < site_.pages.size(); ++i) {
      const auto& p = site_.pages[i];
      if (p.kind != model::PageKind::regular) continue;
      std::vector<Alternate> alts;
      for (size_t t : site_.translations_of(i))
        alts.push_back({site_.pages[t].lang, site_.pages[t].url});
      alts = ordered(std::move(alts));
      auto xd = x_default_of(ctx_, alts);
      jobs_.push_back(
          {Job::Kind::page, i, p.lang, p.url, std::move(alts), xd, p.date ? p.date->iso() : ""});
    }
    for (size_t i = 0; i < site_.sections.size(); ++i) {
      const auto& s = site_.sections[i];
      std::vector<Alternate> alts;
      for (const auto& [lang, in] : s.lang) alts.push_back({lang, in.url});
      alts = ordered(std::move(alts));
      auto xd = x_default_of(ctx_, alts);
      for (const auto& a : alts)
        jobs_.push_back({Job::Kind::section, i, a.lang, a.url, alts, xd, ""});
    }
    for (size_t i = 0; i < site_.plans.size(); ++i) {
      const auto& plan = site_.plans[i];
      std::vector<Alternate> alts;
      for (const auto& [lang, url] : plan.url) alts.push_back({lang, url});
      alts = ordered(std::move(alts));
      auto xd = x_default_of(ctx_, alts);
      std::string lastmod = plan.adopted ? plan.adopted->iso() : "";
      for (const auto& a : alts)
        jobs_.push_back({Job::Kind::plan, i, a.lang, a.url, alts, xd, lastmod});
    }
    plan_displays();
    organisation_jobs();
    jobs_.push_back({Job::Kind::not_found, 0, cfg.default_language(), "404.html", {}, {}, ""});
    if (cfg.default_language_in_subdir)
      jobs_.push_back(
          {Job::Kind::chooser, 0, cfg.default_language(), "", homes, std::string(), ""});
  }

  // Each plan's display view in each of its languages, computed once: its
  // page and the organisation pages read it (every plan on all cores).
  void plan_displays() {
    const auto& langs = site_.config.languages;
    const size_t plans = site_.plans.size();
    for (const auto& lang : langs) displays_[lang].resize(plans);
    base::parallel_for(langs.size() * plans, [&](size_t k) {
      const auto& lang = langs[k / plans];
      const auto& plan = site_.plans[k % plans];
      if (plan.url.count(lang))
        displays_.at(lang)[k % plans] = view::display_plan(site_, plan, lang);
    });
  }

  // A page per organisation and language, and their index, when plans name
  // any (view/organisations.hpp); computed here, before the parallel
  // rendering, as each needs every plan's display view.
  void organisation_jobs() {
    std::map<std::string, std::vector<Alternate>> alts_of;  // slug → its pages
    std::vector<Alternate> index_alts;
    // Each language's views on a core of its own: they read every plan, and
    // the rendering waits for them (the preview's full builds above all).
    const auto& langs = site_.config.languages;
    std::vector<std::vector<view::OrganisationView>> per_lang(langs.size());
    base::parallel_for(langs.size(), [&](size_t i) {
      per_lang[i] =
          view::organisation_views(site_, ctx_.organisations, langs[i], displays_.at(langs[i]));
    });
    for (size_t i = 0; i < langs.size(); ++i) {
      const auto& lang = langs[i];
      auto& views = per_lang[i];
      if (views.empty()) continue;
      index_alts.push_back({lang, view::organisations_url(site_, lang)});
      for (const auto& v : views) alts_of[v.slug].push_back({lang, v.url});
      org_views_[lang] = std::move(views);
    }
    if (index_alts.empty()) return;
    auto index_xd = x_default_of(ctx_, index_alts);
    for (const auto& a : index_alts) {
      jobs_.push_back({Job::Kind::organisations, 0, a.lang, a.url, index_alts, index_xd, ""});
      const auto& views = org_views_.at(a.lang);
      for (size_t i = 0; i < views.size(); ++i) {
        const auto& alts = alts_of.at(views[i].slug);
        jobs_.push_back(
            {Job::Kind::organisation, i, a.lang, views[i].url, alts, x_default_of(ctx_, alts), ""});
      }
    }
  }

  // Jobs [begin, end) into files[0, end - begin).
  void render_range(size_t begin, size_t end, std::vector<base::OutputFile>& files) {
    // kainjow's render() is not const: each worker renders with its own copy
    // of the parsed templates, taking jobs from a shared counter.
    size_t workers = std::max<size_t>(1, std::min<size_t>(base::parallel_width(), end - begin));
    if (template_sets_.size() < workers) template_sets_.resize(workers, theme_.templates);
    // Plans' and organisations' pages first: each is the work of dozens of
    // pages, and the last one taken would keep one worker busy alone.
    std::vector<size_t> order(end - begin);
    std::iota(order.begin(), order.end(), begin);
    std::stable_partition(order.begin(), order.end(), [&](size_t i) {
      const auto kind = jobs_[i].kind;
      return kind == Job::Kind::plan || kind == Job::Kind::organisation ||
             kind == Job::Kind::organisations;
    });
    std::atomic<size_t> next{0};
    base::parallel_for(workers, [&](size_t w) {
      for (size_t k; (k = next.fetch_add(1)) < order.size();) {
        const size_t i = order[k];
        const Job& j = jobs_[i];
        auto& file = files[i - begin];
        file.path = j.kind == Job::Kind::not_found ? j.url : j.url + "index.html";
        file.bytes = render_job(j, template_sets_[w]);
      }
    });
  }

  std::string render_job(const Job& j, Templates& templates) const {
    mustache::data d;
    const char* name = "page";
    switch (j.kind) {
      case Job::Kind::home:
        d = home_data(j), name = "home";
        break;
      case Job::Kind::page:
        d = regular_data(j), name = "page";
        break;
      case Job::Kind::section:
        d = section_data(j), name = "section";
        break;
      case Job::Kind::plan:
        d = plan_data(j), name = "plan";
        break;
      case Job::Kind::organisation:
        d = organisation_page(j), name = "organisation";
        break;
      case Job::Kind::organisations:
        d = organisations_page(j), name = "organisations";
        break;
      case Job::Kind::not_found:
        d = not_found_data(j), name = "404";
        break;
      case Job::Kind::chooser:
        d = chooser_data(j), name = "chooser";
        break;
    }
    mustache::data own_frame;
    TemplateContext stack;
    if (j.frame) {
      stack.push(j.frame);
    } else {
      add_page_frame(own_frame, ctx_, j.lang, j.url);
      stack.push(&ctx_.langs.at(j.lang).shared);
      stack.push(&own_frame);
    }
    stack.push(&d);
    std::string out;
    out.reserve(16384);
    StringSink sink{out};
    templates.get(name).render(stack, sink);
    return out;
  }

  PageHead head_of(const Job& j, std::string title, std::string description) const {
    PageHead h;
    h.lang = j.lang;
    h.url = j.url;
    h.title = std::move(title);
    h.description = description.empty()
                        ? text_plain(site_.config.description, j.lang, ctx_.default_lang())
                        : std::move(description);
    h.alternates = j.alternates;
    h.x_default = j.x_default;
    return h;
  }

  void set_section_link(mustache::data& d, const std::string& dir, const Job& j) const {
    if (dir.empty()) return;
    const model::Section* s = site_.find_section(dir);
    if (!s) return;
    auto in = s->lang.find(j.lang);
    if (in == s->lang.end()) return;
    d.set("section_title", in->second.title);
    d.set("section_href", base::relative_url(j.url, in->second.url));
  }

  mustache::data page_item(const model::Page& p, const std::string& from) const {
    mustache::data item;
    item.set("title", p.title);
    item.set("href", base::relative_url(from, p.url));
    if (p.date) {
      item.set("date_long", p.date->format_long(p.lang));
      item.set("date_iso", p.date->iso());
    }
    set_if(item, "summary", p.summary);
    return item;
  }

  mustache::data plan_item(const model::Plan& plan, const Job& j) const {
    mustache::data item;
    item.set("title", text_plain(plan.title, j.lang, ctx_.default_lang()));
    item.set("title_html", text_html(plan.title, j.lang, ctx_.default_lang()));
    item.set("href", base::relative_url(j.url, plan.url.at(j.lang)));
    set_if(item, "period", view::plan_period(plan));
    set_if(item, "summary",
           markdown::to_plain_text(text_plain(plan.summary, j.lang, ctx_.default_lang())));
    return item;
  }

  mustache::data home_data(const Job& j) const {
    const model::Page* page = nullptr;
    if (auto it = home_page_.find(j.lang); it != home_page_.end()) page = &site_.pages[it->second];
    const std::string& site_title = text_plain(site_.config.title, j.lang, ctx_.default_lang());
    PageHead h = head_of(j, page && !page->title.empty() ? page->title : site_title,
                         page ? page->summary : "");
    h.is_home = true;
    mustache::data d = page_data(ctx_, h);
    if (page) {
      set_if(d, "body", page->html);
      put(d, "params", to_data(page->params));
    }
    auto recent = list_data();
    const auto& dated = ctx_.langs.at(j.lang).dated;
    for (size_t k = 0; k < dated.size() && k < 5; ++k)
      push(recent, page_item(site_.pages[dated[k]], j.url));
    d.set("has_recent", !dated.empty());
    put(d, "recent", std::move(recent));
    auto sections = list_data();
    bool any_section = false;
    if (auto it = children_.find(""); it != children_.end()) {
      for (size_t i : it->second) {
        const auto& in = site_.sections[i].lang.at(j.lang);
        mustache::data item;
        item.set("title", in.title);
        item.set("href", base::relative_url(j.url, in.url));
        push(sections, std::move(item));
        any_section = true;
      }
    }
    d.set("has_sections", any_section);
    put(d, "sections", std::move(sections));
    auto plans = list_data();
    for (const auto& plan : site_.plans)
      if (plan.url.count(j.lang)) push(plans, plan_item(plan, j));
    d.set("has_plans", !site_.plans.empty());
    put(d, "plans", std::move(plans));
    set_organisations_link(d, j);
    return d;
  }

  mustache::data regular_data(const Job& j) const {
    const auto& p = site_.pages[j.index];
    PageHead h = head_of(j, p.title, p.summary);
    if (p.date) h.og_type = "article";
    mustache::data d = page_data(ctx_, h);
    d.set("body", expand_data_blocks(site_, p, p.html, j.url));
    if (p.date) {
      d.set("date_long", p.date->format_long(p.lang));
      d.set("date_iso", p.date->iso());
    }
    set_if(d, "summary", p.summary);
    put(d, "params", to_data(p.params));
    set_section_link(d, p.dir, j);
    // Its booklets (`booklet: true`), linked as a plan's are.
    auto booklets = list_data();
    const auto files = model::page_booklet_files(site_, p);
    for (const auto& f : files) {
      mustache::data e;
      e.set("format", f.format);
      e.set("href", base::relative_url(j.url, f.path));
      e.set("label", site_.words.get(p.lang, f.word));
      e.set("mime", model::booklet_mime(f.format));
      push(booklets, std::move(e));
    }
    d.set("has_booklets", !files.empty());
    put(d, "booklets", std::move(booklets));
    return d;
  }

  mustache::data section_data(const Job& j) const {
    const auto& s = site_.sections[j.index];
    const auto& in = s.lang.at(j.lang);
    const model::Page* index = in.index_page ? &site_.pages[*in.index_page] : nullptr;
    mustache::data d = page_data(ctx_, head_of(j, in.title, index ? index->summary : ""));
    if (index) {
      set_if(d, "body", expand_data_blocks(site_, *index, index->html, j.url));
      put(d, "params", to_data(index->params));
    }
    set_section_link(d, base::parent_dir(s.dir), j);

    // Dated pages newest first, then the others by weight and title.
    std::vector<const model::Page*> pages;
    for (size_t i : s.pages)
      if (site_.pages[i].lang == j.lang) pages.push_back(&site_.pages[i]);
    std::sort(pages.begin(), pages.end(), [](const model::Page* a, const model::Page* b) {
      if (a->date.has_value() != b->date.has_value()) return a->date.has_value();
      if (a->date && *a->date != *b->date) return *a->date > *b->date;
      return std::tie(a->weight, a->title, a->url) < std::tie(b->weight, b->title, b->url);
    });
    auto list = list_data();
    for (const auto* p : pages) push(list, page_item(*p, j.url));
    d.set("has_pages", !pages.empty());
    put(d, "pages", std::move(list));

    auto plans = list_data();
    for (size_t i : s.plans)
      if (site_.plans[i].url.count(j.lang)) push(plans, plan_item(site_.plans[i], j));
    d.set("has_plans", !s.plans.empty());
    put(d, "plans", std::move(plans));
    if (!s.plans.empty()) set_organisations_link(d, j);

    auto subs = list_data();
    bool any_sub = false;
    if (auto it = children_.find(s.dir); it != children_.end()) {
      for (size_t i : it->second) {
        const auto& child = site_.sections[i].lang.at(j.lang);
        mustache::data item;
        item.set("title", child.title);
        item.set("href", base::relative_url(j.url, child.url));
        push(subs, std::move(item));
        any_sub = true;
      }
    }
    d.set("has_subsections", any_sub);
    put(d, "subsections", std::move(subs));
    return d;
  }

  mustache::data plan_data(const Job& j) const {
    const auto& plan = site_.plans[j.index];
    const std::string& def = ctx_.default_lang();
    mustache::data d = page_data(ctx_, head_of(j, text_plain(plan.title, j.lang, def),
                                               std::string(base::trim(markdown::to_plain_text(
                                                   text_plain(plan.summary, j.lang, def))))));
    put(d, "plan", plan_view(ctx_, plan, j.lang, displays_.at(j.lang).at(j.index)));
    set_section_link(d, plan.dir, j);
    return d;
  }

  mustache::data organisation_page(const Job& j) const {
    const auto& org = org_views_.at(j.lang)[j.index];
    mustache::data d = page_data(ctx_, head_of(j, org.name.value, ""));
    put(d, "org", organisation_data(ctx_, org, j.lang));
    return d;
  }

  mustache::data organisations_page(const Job& j) const {
    mustache::data d = page_data(ctx_, head_of(j, ctx_.word(j.lang, "organisations_title"), ""));
    const auto& views = org_views_.at(j.lang);
    put(d, "organisations", organisations_list(views, j.url));
    d.set("organisation_count", std::to_string(views.size()));
    return d;
  }

  // The index of organisations, from a page listing plans.
  void set_organisations_link(mustache::data& d, const Job& j) const {
    if (org_views_.count(j.lang))
      d.set("organisations_href",
            base::relative_url(j.url, view::organisations_url(site_, j.lang)));
  }

  // GitHub Pages serves 404.html at any address: its links are absolute
  // paths (with base_path), and it speaks every language at once.
  mustache::data not_found_data(const Job& j) const {
    const std::string& base_path = site_.config.base_path;
    PageHead h = head_of(j, ctx_.word(j.lang, "not_found_title"), "");
    h.alternates.clear();
    mustache::data d = page_data(ctx_, h);
    d.set("canonical", false);
    d.set("og", false);
    d.set("css_href", base_path + theme_.css_path);
    for (const auto& [name, script] : theme_.scripts)
      d.set("script_" + name, base_path + script.path);
    if (site_.config.search) d.set("search_index_href", base_path + "search/" + j.lang + "/");
    d.set("home_href", base_path + site_.home_url(j.lang));
    d.set("feed_href", base_path + ctx_.langs.at(j.lang).feed_url);
    set_brand(d, ctx_, j.lang, [&](const std::string& path) { return base_path + path; });
    auto langs = list_data();
    for (const auto& lang : site_.config.languages) {
      mustache::data item;
      item.set("lang", lang);
      item.set("title", ctx_.word(lang, "not_found_title"));
      item.set("text", ctx_.word(lang, "not_found_text"));
      item.set("home_label", ctx_.word(lang, "not_found_home"));
      item.set("home_href", base_path + site_.home_url(lang));
      push(langs, std::move(item));
    }
    put(d, "languages", std::move(langs));
    std::string title;
    for (const auto& lang : site_.config.languages)
      title += (title.empty() ? "" : " / ") + ctx_.word(lang, "not_found_title");
    d.set("page_title", title);
    return d;
  }

  mustache::data chooser_data(const Job& j) const {
    PageHead h = head_of(j, text_plain(site_.config.title, j.lang, ctx_.default_lang()), "");
    h.is_home = true;
    mustache::data d = page_data(ctx_, h);
    auto langs = list_data();
    for (const auto& lang : site_.config.languages) {
      mustache::data item;
      item.set("lang", lang);
      item.set("site_title", text_plain(site_.config.title, lang, ctx_.default_lang()));
      item.set("choose_language", ctx_.word(lang, "choose_language"));
      item.set("enter_site", ctx_.word(lang, "enter_site"));
      item.set("href", base::relative_url(j.url, site_.home_url(lang)));
      push(langs, std::move(item));
    }
    put(d, "languages", std::move(langs));
    return d;
  }

  const model::Site& site_;
  const Theme& theme_;
  RenderContext ctx_;
  std::vector<Job> jobs_;
  struct Frame {
    bool for_folder = false;  // every page of the folder reads `data`
    mustache::data data;
  };
  std::map<std::pair<std::string, std::string>, Frame> frames_;  // (lang, folder)
  bool planned_ = false;
  std::vector<Templates> template_sets_;  // one per worker of render_range
  std::map<std::string, std::vector<view::PlanDisplay>> displays_;        // by language, then plan
  std::map<std::string, std::vector<view::OrganisationView>> org_views_;  // by language
  std::map<std::string, size_t> home_page_;                               // lang → home page
  std::map<std::string, std::vector<size_t>> children_;  // dir → sections right under it
};

}  // namespace

struct PageRenderer::Impl {
  Theme theme;
  Templates templates;  // kainjow's render() is not const: this renderer's own copy
  std::optional<SiteRenderer> renderer;
};

PageRenderer::PageRenderer() = default;
PageRenderer::~PageRenderer() = default;

std::unique_ptr<PageRenderer> PageRenderer::make(const model::Site& site,
                                                 const RenderOptions& options,
                                                 base::Diagnostics& diags) {
  auto theme = load_theme(site, diags);
  if (!theme) return nullptr;
  std::unique_ptr<PageRenderer> r(new PageRenderer());
  r->impl_ = std::make_unique<Impl>();
  r->impl_->theme = std::move(*theme);
  r->impl_->templates = r->impl_->theme.templates;
  r->impl_->renderer.emplace(site, r->impl_->theme, options);
  r->impl_->renderer->prepare();
  return r;
}

std::vector<base::OutputFile> PageRenderer::render_body_of(size_t page_index) {
  return impl_->renderer->render_body_of(page_index, impl_->templates);
}

std::vector<base::OutputFile> render_site(const model::Site& site, const RenderOptions& options,
                                          base::Diagnostics& diags) {
  auto theme = load_theme(site, diags);
  if (!theme) return {};
  return SiteRenderer(site, *theme, options).run();
}

void render_site(const model::Site& site, const RenderOptions& options, base::Diagnostics& diags,
                 const BatchSink& batch, size_t batch_pages) {
  auto theme = load_theme(site, diags);
  if (!theme) return;
  SiteRenderer(site, *theme, options).run(batch, std::max<size_t>(1, batch_pages));
}

}  // namespace carnet::render::html
