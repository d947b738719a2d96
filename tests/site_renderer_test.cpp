// Renders a small hand-made bilingual site and checks the files a reader,
// a crawler and GitHub Pages rely on.
#include "render/html/site_renderer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "base/date.hpp"
#include "load/words_reader.hpp"

using namespace carnet;
namespace fs = std::filesystem;

namespace {

model::LocalizedText fr_en(const std::string& fr, const std::string& en) {
  model::LocalizedText t;
  t.text["fr"] = fr;
  t.text["en"] = en;
  return t;
}

model::Page page(const std::string& source, const std::string& lang, const std::string& dir,
                 const std::string& name, model::PageKind kind, const std::string& title,
                 const std::string& url, const std::string& group) {
  model::Page p;
  p.source = source;
  p.lang = lang;
  p.dir = dir;
  p.name = name;
  p.kind = kind;
  p.title = title;
  p.url = url;
  p.group = group;
  p.html = "<p>" + title + "</p>\n";
  return p;
}

model::Action action(const std::string& id, const std::string& code, model::Status status,
                     model::Due due) {
  model::Action a;
  a.id = id;
  a.code = code;
  a.title = fr_en("Action " + id, "Action " + id + " (en)");
  a.status = status;
  a.fields.set("due").due = due;
  return a;
}

model::Due due_date(int y, int m, int d) {
  model::Due due;
  due.kind = model::Due::Kind::date;
  due.date = base::Date{y, m, d};
  return due;
}
model::Due due_kind(model::Due::Kind k) {
  model::Due due;
  due.kind = k;
  return due;
}

model::Plan make_plan() {
  model::Plan plan;
  plan.source = "content/rapports/plan-2021.plan.yaml";
  plan.dir = "rapports";
  plan.name = "plan-2021";
  plan.title = fr_en("Plan d'action 2021-2023", "Action Plan 2021-2023");
  plan.period_start = 2021;
  plan.period_end = 2023;
  plan.adopted = base::Date{2021, 6, 28};
  plan.summary = fr_en("Notre **plan**.", "Our **plan**.");
  plan.levels = {fr_en("Orientation", "Direction"), fr_en("Objectif", "Objective")};
  plan.years = {"2021-2022", "2022-2023"};
  plan.columns = {"due", "leads", "partners", "progress"};
  plan.labels["partners"] = fr_en("Ressources", "Resources");

  model::PlanSection o1;
  o1.id = "relocalisation";
  o1.code = "1";
  o1.depth = 0;
  o1.title = model::make_text("fr", "Relocalisation des organismes");  // not translated
  o1.fields.set("description").texts = {fr_en("Une *description*.", "A *description*.")};
  o1.fields.set("results").texts = {fr_en("Un résultat", "A result")};

  model::PlanSection o11;
  o11.id = "relocaliser-services";
  o11.code = "1.1";
  o11.depth = 1;
  o11.title = fr_en("Relocaliser les services", "Relocate services");
  auto a1 = action("a1", "1.1.1", model::Status::in_progress, due_date(2022, 12, 31));
  a1.fields.set("progress").percent = 40;
  a1.fields.set("years").years = {"2021-2022"};
  a1.fields.set("leads").texts = {model::make_text("fr", "Table de quartier")};
  a1.fields.set("partners").texts = {fr_en("Arrondissement", "Borough"), fr_en("CSSDM", "CSSDM")};
  o11.actions.push_back(a1);
  o11.actions.push_back(action("a2", "1.1.2", model::Status::done, due_date(2023, 3, 0)));
  o11.actions.push_back(
      action("a3", "1.1.3", model::Status::done, due_kind(model::Due::Kind::ongoing)));
  o11.actions.push_back(
      action("a4", "1.1.4", model::Status::planned, due_kind(model::Due::Kind::tbd)));
  auto text_due = due_kind(model::Due::Kind::text);
  text_due.text = fr_en("Au printemps", "In spring");
  o11.actions.push_back(action("a5", "1.1.5", model::Status::cancelled, text_due));
  o1.sections.push_back(o11);
  plan.sections.push_back(o1);

  model::PlanSection o2;
  o2.id = "vie-de-quartier";
  o2.code = "2";
  o2.depth = 0;
  o2.title = fr_en("Vie de quartier", "Neighbourhood life");
  plan.sections.push_back(o2);
  return plan;
}

model::Site make_site(bool subdir = false) {
  model::Site site;
  auto& c = site.config;
  c.title = fr_en("Table de quartier", "Round Table");
  c.description = fr_en("Le site de la table", "The round table's site");
  c.base_url = "https://org.github.io/repo/";
  c.base_path = "/repo/";
  c.default_language_in_subdir = subdir;
  c.organization.name = fr_en("Table de quartier de Parc-Ex", "Parc-Ex Round Table");
  c.organization.address = model::make_text("fr", "419, rue Saint-Roch\nMontréal");
  c.organization.email = "info@example.org";
  c.organization.phone = "514 555-0100";
  c.organization.website = "https://example.org/";
  c.cname = "www.example.org";
  const std::string fr_home = subdir ? "fr/" : "";
  const std::string fr = subdir ? "fr/" : "";

  using K = model::PageKind;
  site.pages.push_back(
      page("content/_index.en.md", "en", "", "_index", K::home, "Welcome", "en/", "/_index"));
  site.pages.push_back(
      page("content/_index.fr.md", "fr", "", "_index", K::home, "Bienvenue", fr_home, "/_index"));
  auto about_fr = page("content/a-propos.fr.md", "fr", "", "a-propos", K::regular, "À propos",
                       fr + "a-propos/", "key:about");
  about_fr.menu = true;
  about_fr.weight = 2;
  auto about_en =
      page("content/about.en.md", "en", "", "about", K::regular, "About", "en/about/", "key:about");
  about_en.menu = true;
  about_en.weight = 2;
  site.pages.push_back(about_en);
  site.pages.push_back(about_fr);
  auto rap_fr = page("content/rapports/_index.fr.md", "fr", "rapports", "_index", K::section,
                     "Rapports", fr + "rapports/", "rapports/_index");
  rap_fr.menu = true;
  rap_fr.weight = 1;
  auto rap_en = page("content/rapports/_index.en.md", "en", "rapports", "_index", K::section,
                     "Reports", "en/reports/", "rapports/_index");
  rap_en.menu = true;
  rap_en.weight = 1;
  site.pages.push_back(rap_en);  // 4
  site.pages.push_back(rap_fr);  // 5
  auto bilan_en = page("content/rapports/bilan-2019.en.md", "en", "rapports", "bilan-2019",
                       K::regular, "2019 Report", "en/reports/bilan-2019/", "rapports/bilan-2019");
  bilan_en.date = base::Date{2019, 6, 1};
  auto bilan_fr =
      page("content/rapports/bilan-2019.fr.md", "fr", "rapports", "bilan-2019", K::regular,
           "Bilan 2019", fr + "rapports/bilan-2019/", "rapports/bilan-2019");
  bilan_fr.date = base::Date{2019, 6, 1};
  bilan_fr.summary = "Le bilan de l'année";
  site.pages.push_back(bilan_en);  // 6
  site.pages.push_back(bilan_fr);  // 7
  auto seul = page("content/rapports/seul.fr.md", "fr", "rapports", "seul", K::regular,
                   "Page seule", fr + "rapports/seul/", "rapports/seul");
  seul.date = base::Date{2020, 1, 15};
  model::Value::Map params;
  params.push_back({"couleur", model::Value{std::string("bleue")}});
  seul.params.data = params;
  site.pages.push_back(seul);  // 8
  for (size_t i = 0; i < site.pages.size(); ++i) {
    site.groups[site.pages[i].group].push_back(i);
    site.page_by_source[site.pages[i].source] = i;
  }

  auto plan = make_plan();
  plan.url["fr"] = fr + "rapports/plan-2021/";
  plan.url["en"] = "en/reports/plan-2021/";
  site.plans.push_back(plan);
  site.plan_by_source[plan.source] = 0;

  model::Section s;
  s.dir = "rapports";
  s.lang["fr"] = {5, fr + "rapports/", "Rapports"};
  s.lang["en"] = {4, "en/reports/", "Reports"};
  s.pages = {6, 7, 8};
  s.plans = {0};
  site.sections.push_back(s);
  site.static_files.push_back({"static/img/logo.png", "img/logo.png"});
  base::Diagnostics diags;  // the built-in theme's words, as load_site would read them
  site.words = load::read_words({}, c.languages, diags);
  REQUIRE_FALSE(diags.has_errors());
  return site;
}

using Files = std::map<std::string, std::string>;

Files render_files(const model::Site& site, bool live = false,
                   base::Diagnostics* out_diags = nullptr) {
  base::Diagnostics diags;
  render::html::RenderOptions options;
  options.live_reload = live;
  auto files = render::html::render_site(site, options, diags);
  if (out_diags)
    *out_diags = diags;
  else {
    for (const auto& d : diags.sorted()) INFO(d.format());
    REQUIRE(diags.empty());
  }
  Files out;
  std::string last;
  for (const auto& f : files) {
    CHECK(f.path > last);  // sorted, unique
    last = f.path;
    out[f.path] = f.bytes;
  }
  return out;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Resolves a relative href from the file at `from` ("a/b/index.html") to an
// output path, or "" when it climbs out of the site.
std::string resolve(const std::string& from, std::string href) {
  href =
      href.substr(0, href.find_first_of("?#"));  // a query (the plan filters') names the same file
  std::vector<std::string> segs;
  auto slash = from.rfind('/');
  std::string dir = slash == std::string::npos ? "" : from.substr(0, slash);
  std::stringstream ds(dir);
  for (std::string s; std::getline(ds, s, '/');)
    if (!s.empty()) segs.push_back(s);
  std::stringstream hs(href);
  std::string s;
  bool folder = href.empty() || href.back() == '/';
  while (std::getline(hs, s, '/')) {
    if (s.empty() || s == ".") continue;
    if (s == "..") {
      if (segs.empty()) return "";
      segs.pop_back();
    } else {
      segs.push_back(s);
    }
  }
  std::string path;
  for (const auto& seg : segs) path += (path.empty() ? "" : "/") + seg;
  if (folder) path += (path.empty() ? "" : "/") + std::string("index.html");
  return path;
}

std::vector<std::string> hrefs(const std::string& html) {
  static const std::regex re("(?:href|src)=\"([^\"]*)\"");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

// Open and close tags balance (a rough well-formedness check for XML).
bool balanced_xml(const std::string& xml) {
  static const std::regex tag("<(/?)([A-Za-z:]+)[^>]*?(/?)>");
  std::vector<std::string> stack;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), tag); it != std::sregex_iterator();
       ++it) {
    if ((*it)[3] == "/") continue;
    if ((*it)[1] == "/") {
      if (stack.empty() || stack.back() != (*it)[2]) return false;
      stack.pop_back();
    } else {
      stack.push_back((*it)[2]);
    }
  }
  return stack.empty();
}

}  // namespace

TEST_CASE("html: writes every page, feed, sitemap and support file", "[html]") {
  auto files = render_files(make_site());
  for (const char* path :
       {"index.html", "en/index.html", "a-propos/index.html", "en/about/index.html",
        "rapports/index.html", "en/reports/index.html", "rapports/bilan-2019/index.html",
        "en/reports/bilan-2019/index.html", "rapports/seul/index.html",
        "rapports/plan-2021/index.html", "en/reports/plan-2021/index.html", "404.html",
        "sitemap.xml", "robots.txt", "index.xml", "en/index.xml", ".nojekyll", "CNAME"}) {
    INFO(path);
    CHECK(files.count(path) == 1);
  }
  CHECK(files.count("en/reports/seul/index.html") == 0);
  CHECK(files.count("img/logo.png") == 1);
  CHECK(files["CNAME"] == "www.example.org\n");
  CHECK(files["robots.txt"] ==
        "User-agent: *\nAllow: /\nSitemap: https://org.github.io/repo/sitemap.xml\n");
  CHECK(has(files["index.html"], "<html lang=\"fr\">"));
  CHECK(has(files["en/index.html"], "<html lang=\"en\">"));
}

// `carnet build` takes the pages in slices, each written and freed before
// the next is made: the slices hold every file of the whole-site rendering,
// byte for byte, each one once.
TEST_CASE("html: the pages rendered in slices are the files of one rendering", "[html]") {
  const auto site = make_site();
  base::Diagnostics diags;
  const auto whole = render::html::render_site(site, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  std::map<std::string, std::string> expected;
  for (const auto& f : whole) expected[f.path] = f.bytes + "|" + f.copy_from;

  for (size_t slice : {1, 3, 1000}) {
    INFO("slice of " << slice);
    std::map<std::string, std::string> got;
    std::vector<size_t> sizes;
    size_t files = 0;
    render::html::render_site(
        site, {}, diags,
        [&](std::vector<base::OutputFile>&& batch) {
          sizes.push_back(batch.size());
          for (auto& f : batch) got[f.path] = f.bytes + "|" + f.copy_from;
          files += batch.size();
        },
        slice);
    CHECK(got == expected);
    CHECK(files == whole.size());  // none twice
    REQUIRE(sizes.size() >= 2);    // the pages, then the files of the whole site
    for (size_t i = 0; i + 1 < sizes.size(); ++i) CHECK(sizes[i] <= slice);
  }
}

TEST_CASE("html: static files are copied from the site", "[html]") {
  auto site = make_site();
  site.root = "/sites/parc-ex";
  base::Diagnostics diags;
  auto files = render::html::render_site(site, {}, diags);
  auto logo = std::find_if(files.begin(), files.end(),
                           [](const auto& f) { return f.path == "img/logo.png"; });
  REQUIRE(logo != files.end());
  CHECK(logo->copy_from == "/sites/parc-ex/static/img/logo.png");
  CHECK(logo->bytes.empty());
}

TEST_CASE("html: canonical, hreflang and Open Graph are absolute under a sub-path", "[html]") {
  auto files = render_files(make_site());
  const auto& about = files["a-propos/index.html"];
  CHECK(has(about, "<link rel=\"canonical\" href=\"https://org.github.io/repo/a-propos/\">"));
  CHECK(has(
      about,
      "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://org.github.io/repo/a-propos/\">"));
  CHECK(has(
      about,
      "<link rel=\"alternate\" hreflang=\"en\" href=\"https://org.github.io/repo/en/about/\">"));
  CHECK(has(about,
            "<link rel=\"alternate\" hreflang=\"x-default\" "
            "href=\"https://org.github.io/repo/a-propos/\">"));
  CHECK(has(about, "<meta property=\"og:url\" content=\"https://org.github.io/repo/a-propos/\">"));
  CHECK(has(about, "<meta property=\"og:locale\" content=\"fr_CA\">"));
  CHECK(has(about, "<meta property=\"og:locale:alternate\" content=\"en_CA\">"));
  CHECK(has(about, "<meta property=\"og:site_name\" content=\"Table de quartier\">"));
  CHECK(has(about, "<title>À propos | Table de quartier</title>"));
  CHECK(has(files["rapports/bilan-2019/index.html"],
            "<meta name=\"description\" content=\"Le bilan de l&#39;année\">"));
  CHECK(has(files["rapports/bilan-2019/index.html"],
            "<meta property=\"og:type\" content=\"article\">"));
  const auto& seul = files["rapports/seul/index.html"];
  CHECK_FALSE(has(seul, "hreflang=\"en\" href=\"https"));
}

TEST_CASE("html: every relative link leads to a written file", "[html]") {
  for (bool subdir : {false, true}) {
    auto site = make_site(subdir);
    auto files = render_files(site);
    std::set<std::string> known;
    for (const auto& [path, bytes] : files) known.insert(path);
    for (const auto& lang : {"fr", "en"})
      for (const auto& fmt : site.config.booklet.formats)
        known.insert(model::booklet_path(site.plans[0], lang, fmt));  // written by render/booklet
    for (const auto& lang : {"fr", "en"})
      for (const auto& f : model::data_files(site.plans[0], lang))
        known.insert(f.path);  // written by render/data
    for (const auto& [path, bytes] : files) {
      if (path.size() < 5 || path.substr(path.size() - 5) != ".html" || path == "404.html")
        continue;
      for (const auto& href : hrefs(bytes)) {
        if (href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0 ||
            href.rfind("tel:", 0) == 0 || href.empty() || href[0] == '#')
          continue;
        INFO(path << " → " << href);
        CHECK(href[0] != '/');
        CHECK(known.count(resolve(path, href)) == 1);
      }
    }
  }
}

TEST_CASE("html: the language switch leads to the translation or says there is none", "[html]") {
  auto files = render_files(make_site());
  CHECK(has(files["a-propos/index.html"],
            "<a href=\"../en/about/\" hreflang=\"en\" lang=\"en\">English</a>"));
  CHECK(has(files["en/about/index.html"],
            "<a href=\"../../a-propos/\" hreflang=\"fr\" lang=\"fr\">Français</a>"));
  const auto& seul = files["rapports/seul/index.html"];
  CHECK(has(seul,
            "Cette page n&#39;est pas traduite en <a href=\"../../en/\" hreflang=\"en\" "
            "lang=\"en\">English</a>"));
}

TEST_CASE("html: the menu is ordered by weight and marks the current page", "[html]") {
  auto files = render_files(make_site());
  const auto& home = files["index.html"];
  auto rapports = home.find(">Rapports</a>");
  auto about = home.find(">À propos</a>");
  REQUIRE(rapports != std::string::npos);
  REQUIRE(about != std::string::npos);
  CHECK(rapports < about);
  CHECK(has(files["rapports/index.html"], "<a href=\"./\" aria-current=\"page\">Rapports</a>"));
  CHECK(has(files["rapports/bilan-2019/index.html"],
            "<a href=\"../\" aria-current=\"true\">Rapports</a>"));
  CHECK(has(files["en/index.html"], ">Reports</a>"));
  CHECK(has(home, "<a class=\"skip-link\" href=\"#main\">Sauter au contenu</a>"));
  CHECK(has(home, "<main id=\"main\""));
}

TEST_CASE("html: a menu entry beside other pages of its folder is current on its own page only",
          "[html]") {
  // The pages of a folder share the header's links (page_frame), unless
  // the menu points inside the folder: then each page has its own.
  auto site = make_site();
  site.pages[8].menu = true;  // rapports/seul/, beside rapports/bilan-2019/
  site.pages[8].weight = 3;
  auto files = render_files(site);
  const auto& seul = files["rapports/seul/index.html"];
  const auto& bilan = files["rapports/bilan-2019/index.html"];
  CHECK(has(seul, "<a href=\"./\" aria-current=\"page\">Page seule</a>"));
  CHECK(has(seul, "<a href=\"../\" aria-current=\"true\">Rapports</a>"));
  CHECK(has(bilan, "<a href=\"../seul/\">Page seule</a>"));
  CHECK(has(bilan, "<a href=\"../\" aria-current=\"true\">Rapports</a>"));
  CHECK_FALSE(has(bilan, "aria-current=\"page\""));
}

TEST_CASE("html: sections list their pages newest first, and their plans", "[html]") {
  auto files = render_files(make_site());
  const auto& s = files["rapports/index.html"];
  auto seul = s.find("Page seule");
  auto bilan = s.find("Bilan 2019");
  REQUIRE(seul != std::string::npos);
  REQUIRE(bilan != std::string::npos);
  CHECK(seul < bilan);
  CHECK(has(s, "<time datetime=\"2019-06-01\">1er juin 2019</time>"));
  CHECK(has(s,
            "<a href=\"plan-2021/\">Plan d&#39;action 2021-2023</a> <span "
            "class=\"period\">2021–2023</span>"));
  CHECK_FALSE(has(files["en/reports/index.html"], "Page seule"));
}

TEST_CASE("html: Atom feeds are well formed, newest first, dated by content", "[html]") {
  auto files = render_files(make_site());
  const auto& fr = files["index.xml"];
  CHECK(
      fr.rfind(
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
          0) == 0);
  CHECK(balanced_xml(fr));
  CHECK(has(fr, "  <updated>2020-01-15T00:00:00Z</updated>\n"));
  CHECK(fr.find("Page seule") < fr.find("Bilan 2019"));
  CHECK(has(fr, "<id>https://org.github.io/repo/rapports/seul/</id>"));
  CHECK(has(fr,
            "<link rel=\"self\" type=\"application/atom+xml\" "
            "href=\"https://org.github.io/repo/index.xml\"/>"));
  const auto& en = files["en/index.xml"];
  CHECK(balanced_xml(en));
  CHECK(has(en, "<updated>2019-06-01T00:00:00Z</updated>"));
  CHECK_FALSE(has(en, "Page seule"));
  CHECK(has(files["index.html"],
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Table de quartier\" "
            "href=\"index.xml\">"));
  CHECK(has(files["en/about/index.html"],
            "type=\"application/atom+xml\" title=\"Round Table\" href=\"../index.xml\">"));
}

TEST_CASE("html: the sitemap lists pages with their language alternates", "[html]") {
  auto files = render_files(make_site());
  const auto& sm = files["sitemap.xml"];
  CHECK(balanced_xml(sm));
  CHECK(has(sm,
            "  <url>\n    <loc>https://org.github.io/repo/a-propos/</loc>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
            "href=\"https://org.github.io/repo/a-propos/\"/>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
            "href=\"https://org.github.io/repo/en/about/\"/>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
            "href=\"https://org.github.io/repo/a-propos/\"/>\n"
            "  </url>\n"));
  CHECK(has(sm,
            "<loc>https://org.github.io/repo/rapports/seul/</loc>\n    "
            "<lastmod>2020-01-15</lastmod>\n  </url>"));
  CHECK(has(sm, "<loc>https://org.github.io/repo/en/reports/plan-2021/</loc>"));
  CHECK_FALSE(has(sm, "404"));
}

TEST_CASE("html: 404.html is bilingual and links with absolute paths", "[html]") {
  auto files = render_files(make_site());
  const auto& nf = files["404.html"];
  CHECK(has(nf, "href=\"/repo/css/style."));
  CHECK(has(nf, "<a href=\"/repo/\">Retour à l&#39;accueil</a>"));
  CHECK(has(nf, "<a href=\"/repo/en/\">Back to the home page</a>"));
  CHECK(has(nf, "<section lang=\"en\""));
  CHECK(has(nf, "Page introuvable"));
  CHECK(has(nf, "Page not found"));
  for (const auto& href : hrefs(nf)) {
    INFO(href);
    CHECK((href[0] == '/' || href[0] == '#' || href.rfind("mailto:", 0) == 0 ||
           href.rfind("tel:", 0) == 0 || href.rfind("https://", 0) == 0));
  }
}

TEST_CASE("html: one fingerprinted stylesheet, linked relatively", "[html]") {
  auto files = render_files(make_site());
  std::string css_path;
  for (const auto& [path, bytes] : files)
    if (path.rfind("css/", 0) == 0) css_path = path;
  REQUIRE(std::regex_match(css_path, std::regex("css/style\\.[0-9a-f]{10}\\.css")));
  CHECK(has(files["css/style." + css_path.substr(10, 10) + ".css"], "@media print"));
  CHECK(has(files["rapports/bilan-2019/index.html"],
            "<link rel=\"stylesheet\" href=\"../../" + css_path + "\">"));
  CHECK(has(files["index.html"], "<link rel=\"stylesheet\" href=\"" + css_path + "\">"));
}

TEST_CASE("html: the plan page shows overview, levels, actions and booklets", "[html]") {
  auto files = render_files(make_site());
  const auto& fr = files["rapports/plan-2021/index.html"];
  const auto& en = files["en/reports/plan-2021/index.html"];
  // Header.
  CHECK(has(fr, "<h1>Plan d&#39;action 2021-2023</h1>"));
  CHECK(has(fr, "2021–2023"));
  CHECK(has(fr, "<time datetime=\"2021-06-28\">28 juin 2021</time>"));
  CHECK(has(en, "<time datetime=\"2021-06-28\">June 28, 2021</time>"));
  CHECK(has(fr, "<strong>plan</strong>"));
  // Overview: counts per level and per status, as text.
  CHECK(has(fr, "<tr><th scope=\"row\">Orientation</th><td>2</td></tr>"));
  CHECK(has(fr, "<tr><th scope=\"row\">Objectif</th><td>1</td></tr>"));
  CHECK(has(en, "<tr><th scope=\"row\">Direction</th><td>2</td></tr>"));
  CHECK(has(fr, "<tr><th scope=\"row\">Actions</th><td>5</td></tr>"));
  CHECK(has(fr,
            "<span class=\"status-name\">Réalisée</span> <span class=\"bar\" "
            "aria-hidden=\"true\"><span class=\"bar-fill status-done\" "
            "style=\"width:40%\"></span></span> <span class=\"status-count\">2</span>"));
  CHECK(has(en, "<span class=\"status-name\">Done</span>"));
  // Levels and anchors.
  CHECK(has(fr, "<section id=\"relocalisation\""));
  CHECK(has(
      fr,
      "<h2><span class=\"level-name\">Orientation 1</span> — Relocalisation des organismes</h2>"));
  CHECK(has(fr,
            "<h3><span class=\"level-name\">Objectif 1.1</span> — Relocaliser les services</h3>"));
  CHECK(has(fr, "<a href=\"#relocaliser-services\">"));
  CHECK(has(fr, "<em>description</em>"));
  CHECK(has(fr, "<dt>Résultats attendus</dt><dd><ul><li>Un résultat</li></ul></dd>"));
  // A text missing in English is shown in French, marked as such.
  CHECK(has(en,
            "<h2><span class=\"level-name\">Direction 1</span> — <span lang=\"fr\">Relocalisation "
            "des organismes</span></h2>"));
  CHECK(has(en, "<span lang=\"fr\">Table de quartier</span>"));
  // Actions table.
  CHECK(has(fr, "<th scope=\"col\" class=\"col-due\">Échéance</th>"));
  CHECK(has(fr, "<th scope=\"col\" class=\"col-partners\">Ressources</th>"));
  CHECK(has(en, "<th scope=\"col\" class=\"col-partners\">Resources</th>"));
  CHECK(has(fr, "data-label=\"Ressources\""));
  CHECK(has(fr, "<tr id=\"a1\""));
  // The status by its mark's shape and its word, not by colour alone.
  CHECK(has(fr,
            "<span class=\"status status-in_progress\"><span class=\"status-mark\" "
            "aria-hidden=\"true\">\u25D0</span> En cours</span>"));
  CHECK(has(en,
            "<span class=\"status status-cancelled\"><span class=\"status-mark\" "
            "aria-hidden=\"true\">\u2715</span> Cancelled</span>"));
  CHECK(has(fr, "40\u202f%"));
  CHECK(has(en, ">40%<"));
  // Due dates in each language.
  CHECK(has(fr, "<time datetime=\"2022-12-31\">31 décembre 2022</time>"));
  CHECK(has(fr, "<time datetime=\"2023-03\">mars 2023</time>"));
  CHECK(has(fr, ">En continu<"));
  CHECK(has(fr, ">À déterminer<"));
  CHECK(has(fr, ">Au printemps<"));
  CHECK(has(en, "<time datetime=\"2022-12-31\">December 31, 2022</time>"));
  CHECK(has(en, "<time datetime=\"2023-03\">March 2023</time>"));
  CHECK(has(en, ">Ongoing<"));
  CHECK(has(en, ">To be determined<"));
  CHECK(has(en, ">In spring<"));
  // Year grid.
  CHECK(has(fr, "<th scope=\"col\" class=\"col-year\">2021-2022</th>"));
  CHECK(has(fr,
            "<td class=\"col-year\" data-label=\"2021-2022\"><span "
            "aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">oui</span></td>"));
  CHECK(has(en,
            "<td class=\"col-year year-no\" data-label=\"2022-2023\"><span "
            "class=\"visually-hidden\">no</span></td>"));
  // Booklets.
  CHECK(has(fr,
            "<a href=\"../../booklets/plan-2021.fr.pdf\" type=\"application/pdf\" download>PDF "
            "(impression)</a>"));
  CHECK(has(en,
            "<a href=\"../../../booklets/plan-2021.en.epub\" type=\"application/epub+zip\" "
            "download>EPUB</a>"));
  CHECK(has(fr, ">ODT</a>"));
  // Breadcrumb to the plan's section.
  CHECK(has(fr, "<a href=\"../\">Rapports</a>"));

  auto site = make_site();
  site.config.booklet.formats.clear();
  auto without = render_files(site);
  CHECK_FALSE(has(without["rapports/plan-2021/index.html"], "booklets/"));
}

TEST_CASE("html: the footer gives the organization's contacts", "[html]") {
  auto files = render_files(make_site());
  const auto& en = files["en/index.html"];
  CHECK(has(en, "<strong>Parc-Ex Round Table</strong>"));
  CHECK(has(en, "<span lang=\"fr\">419, rue Saint-Roch<br>Montréal</span>"));
  CHECK(has(en, "<a href=\"mailto:info@example.org\">info@example.org</a>"));
  CHECK(has(en, "<a href=\"tel:5145550100\">514 555-0100</a>"));
  CHECK(has(en, "<a href=\"https://example.org/\">example.org</a>"));
}

TEST_CASE("html: the live-reload script is only in preview builds", "[html]") {
  auto prod = render_files(make_site());
  for (const auto& [path, bytes] : prod) CHECK_FALSE(has(bytes, "EventSource"));
  auto live = render_files(make_site(), true);
  CHECK(has(live["index.html"],
            "<script>new "
            "EventSource(\"/__carnet/events\").onmessage=e=>{const "
            "l=e.data.split(\"\\n\");let p=location.pathname;try{p=decodeURI(p)}catch(_){}"
            "if(l.includes(\"*\")||l.includes(p.replace(/index\\.html$/,\"\")))location."
            "reload()}</script>\n</body>"));
  CHECK(has(live["rapports/plan-2021/index.html"], "EventSource"));
}

TEST_CASE("html: a language chooser at / when every language has its folder", "[html]") {
  auto files = render_files(make_site(true));
  const auto& chooser = files["index.html"];
  CHECK(has(chooser,
            "<a class=\"enter\" href=\"fr/\" hreflang=\"fr\">Entrer dans le site en français</a>"));
  CHECK(has(chooser, "<section lang=\"en\""));
  CHECK(has(chooser, "href=\"en/\" hreflang=\"en\">Enter the site in English</a>"));
  CHECK(files.count("fr/index.html") == 1);
  CHECK(files.count("fr/index.xml") == 1);
  CHECK(files.count("en/index.xml") == 1);
  CHECK(
      has(files["fr/index.html"], "hreflang=\"x-default\" href=\"https://org.github.io/repo/\">"));
  CHECK(has(files["fr/a-propos/index.html"], "<link rel=\"stylesheet\" href=\"../../css/style."));
}

TEST_CASE("html: the same site renders to the same bytes", "[html]") {
  CHECK(render_files(make_site()) == render_files(make_site()));
}

namespace {
struct TempSite {
  fs::path root;
  TempSite() {
    root = fs::temp_directory_path() / ("carnet-html-test-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "layouts");
  }
  ~TempSite() { fs::remove_all(root); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
};
}  // namespace

TEST_CASE("html: a site's layouts/ and i18n/ override the theme", "[html]") {
  TempSite tmp;
  tmp.write("layouts/page.mustache", "CUSTOM {{title}} {{params.couleur}} {{t.home}}{{> extra}}\n");
  tmp.write("layouts/partials/extra.mustache", " [{{lang}}]");
  tmp.write("i18n/fr.yaml", "# ours\nhome: \"Maison\"\n");
  auto site = make_site();
  site.root = tmp.root.string();
  base::Diagnostics diags;  // load_site reads i18n/; the pages only show site.words
  site.words = load::read_words(tmp.root, site.config.languages, diags);
  REQUIRE_FALSE(diags.has_errors());
  auto files = render_files(site);
  CHECK(files["rapports/seul/index.html"] == "CUSTOM Page seule bleue Maison [fr]\n");
  CHECK(has(files["rapports/index.html"], "<!DOCTYPE html>"));  // other templates untouched
}

TEST_CASE("html: a template error in layouts/ is reported with its line", "[html]") {
  TempSite tmp;
  tmp.write("layouts/section.mustache", "<h1>{{title}}</h1>\n{{#pages}}\n<p>{{title}</p>\n");
  auto site = make_site();
  site.root = tmp.root.string();
  base::Diagnostics diags;
  auto files = render_files(site, false, &diags);
  CHECK(files.empty());
  REQUIRE(diags.error_count() == 1);
  auto d = diags.sorted().front();
  CHECK(d.pos.path == "layouts/section.mustache");
  CHECK(d.pos.line >= 2);
  CHECK(has(d.format(), "layouts/section.mustache:"));
  CHECK(has(d.format(), ": error: template: "));

  TempSite tmp2;
  tmp2.write("layouts/page.mustache", "{{> nowhere}}\n");
  site.root = tmp2.root.string();
  base::Diagnostics diags2;
  render_files(site, false, &diags2);
  REQUIRE(diags2.error_count() == 1);
  CHECK(diags2.sorted().front().format() ==
        "layouts/page.mustache:1:1: error: template: no partial \"nowhere\" (expected "
        "layouts/partials/nowhere.mustache)");
}

TEST_CASE("html: words come from the site's words, {n} patterns included", "[html]") {
  auto site = make_site();
  site.words.by_lang["fr"]["status_in_progress"] = "En marche";
  site.words.by_lang["fr"]["percent"] = "{n} pour cent";
  auto files = render_files(site);
  const auto& plan = files["rapports/plan-2021/index.html"];
  CHECK(has(plan, "En marche"));
  CHECK_FALSE(has(plan, "En cours"));
  CHECK(has(plan, "40 pour cent"));
  CHECK(site.words.format("en", "percent", "40") == "40%");
}

TEST_CASE("html: plan rows carry what the filters select by, from the view", "[html][filters]") {
  auto site = make_site();
  site.plans[0].updated = base::Date{2023, 6, 1};  // an as-of date: a1 (due 2022-12-31) is late
  auto files = render_files(site);
  const auto& fr = files["rapports/plan-2021/index.html"];
  const auto& en = files["en/reports/plan-2021/index.html"];
  // Status, organisation slugs (lead then partners: their organisation
  // pages' slugs, the same in every language),
  // years, top-level item, every enclosing level, late.
  CHECK(has(fr,
            "<tr id=\"a1\" class=\"status-row-in_progress\" data-status=\"in_progress\" "
            "data-org=\"table-de-quartier arrondissement cssdm\" data-year=\"2021-2022\" "
            "data-top=\"relocalisation\" data-levels=\"relocalisation relocaliser-services\" "
            "data-late=\"1\">"));
  CHECK(has(en, "data-org=\"table-de-quartier arrondissement cssdm\""));
  CHECK(has(fr,
            "<tr id=\"a2\" class=\"status-row-done\" data-status=\"done\" data-org=\"\" "
            "data-year=\"\" data-top=\"relocalisation\" "
            "data-levels=\"relocalisation relocaliser-services\">"));
  // The bar is hidden until the script shows it, and offers what the plan has.
  CHECK(has(fr,
            "<form class=\"plan-filters\" id=\"filters\" aria-labelledby=\"filters-title\" "
            "data-count-words=\"{shown} actions sur {total}\" "
            "data-count-one=\"{shown} action sur {total}\" hidden>"));
  CHECK(has(fr, "<option value=\"cssdm\">CSSDM</option>"));
  CHECK(has(en, "<option value=\"arrondissement\">Borough</option>"));
  CHECK(has(fr, "<option value=\"2022-2023\">2022-2023</option>"));
  CHECK(has(fr, "<option value=\"vie-de-quartier\">Orientation 2 — Vie de quartier</option>"));
  CHECK(has(fr, "<input type=\"checkbox\" id=\"filter-late\" name=\"late\" value=\"1\">"));
  // Only statuses some action has; the chart's bars of those link to the filter.
  CHECK(has(fr, "<option value=\"cancelled\">"));
  CHECK_FALSE(has(fr, "<option value=\"postponed\">"));
  CHECK(has(fr, "<a href=\"?status=done\" data-filter-link>"));
  CHECK_FALSE(has(fr, "<a href=\"?status=postponed\""));
  // The script, fingerprinted, linked relatively.
  std::string js;
  for (const auto& [path, bytes] : files)
    if (path.rfind("js/filters.", 0) == 0) js = path;
  REQUIRE(std::regex_match(js, std::regex("js/filters\\.[0-9a-f]{10}\\.js")));
  CHECK(has(files[js], "history.pushState"));
  CHECK(has(fr, "<script src=\"../../" + js + "\" defer></script>"));
  // Other pages do not load it.
  CHECK_FALSE(has(files["rapports/bilan-2019/index.html"], "filters."));
}

TEST_CASE("html: a plan without actions has no filter bar", "[html][filters]") {
  auto site = make_site();
  auto& plan = site.plans[0];
  plan.sections.erase(plan.sections.begin());  // keeps the level without actions
  auto files = render_files(site);
  const auto& fr = files["rapports/plan-2021/index.html"];
  CHECK_FALSE(has(fr, "plan-filters"));
  CHECK_FALSE(has(fr, "js/filters."));
}
