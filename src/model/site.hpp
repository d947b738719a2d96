// The whole site as loaded: settings, pages, plans, sections and static
// files. Everything refers to everything else by index, so the model copies
// cleanly and iteration order (sorted by source path) is stable.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/localized_text.hpp"
#include "model/organisations.hpp"
#include "model/page.hpp"
#include "model/plan.hpp"
#include "model/tracking.hpp"
#include "model/value.hpp"
#include "model/words.hpp"

namespace carnet::model {

struct Organization {
  LocalizedText name, address;
  std::string email, phone, website;
  base::SourcePos website_pos;  // for carnet check's list of links to other sites
};

// One partner or funder of the site's organisation (brand.partners).
struct Partner {
  LocalizedText name;  // required
  std::string logo;    // "static/images/centraide.svg", or ""
  std::string url;     // http(s), or ""
  base::SourcePos logo_pos;
};

// brand: in carnet.yaml (PRODUCT.md §9): the logo on the site header and
// the booklet cover, the accent colour of the site and the booklets, the
// partners on the site footer and the booklet's back cover.
struct Brand {
  std::string logo;   // "static/images/logo.svg" (a file of Site::static_files), or ""
  std::string color;  // "#0b5d7a", lowercase, or "" for the theme's own
  std::vector<Partner> partners;
  base::SourcePos logo_pos;
};

struct BookletSettings {
  std::string paper = "letter";  // letter | a4
  std::vector<std::string> formats = {"pdf", "epub", "odt"};
  std::string imposition;  // "" | saddle-stitch
  std::string bilingual;   // "" | tete-beche
  // portrait | landscape: every page of the PDF booklets, the cover
  // included; a plan too wide for the page is set as cards, never on pages
  // turned the other way.
  std::string orientation = "portrait";
};

struct SiteConfig {
  std::string source = "carnet.yaml";
  LocalizedText title, description;
  std::string base_url = "/";   // normalized: ends with '/'
  std::string base_path = "/";  // path part of base_url: "/parc-ex/"
  std::vector<std::string> languages = {"fr", "en"};
  bool default_language_in_subdir = false;
  std::string cname;
  Organization organization;
  BookletSettings booklet;
  Brand brand;
  bool unsafe_html = false;
  bool search = true;  // `search: false` leaves out the index and the search box
  TrackingSettings tracking;
  Value params;  // unknown keys, for templates

  const std::string& default_language() const { return languages.front(); }
};

// A content folder, in every language.
struct Section {
  std::string dir;  // "rapports", "a/b"
  struct InLanguage {
    std::optional<size_t> index_page;  // its _index.LANG.md, if any
    std::string url;                   // "rapports/", "en/reports/"
    std::string title;                 // the index page's title, else the folder name
  };
  std::map<std::string, InLanguage> lang;
  std::vector<size_t> pages;  // regular pages in this folder (all languages), by index
  std::vector<size_t> plans;  // plans in this folder, by index
};

struct StaticFile {
  std::string source;  // relative to the site: "static/img/logo.png"
  std::string output;  // relative to the output folder: "img/logo.png"
};

struct Site {
  std::string root;  // the site folder on disk
  SiteConfig config;
  std::vector<Page> pages;        // sorted by source
  std::vector<Plan> plans;        // sorted by source
  std::vector<Section> sections;  // sorted by dir
  std::vector<StaticFile> static_files;
  std::vector<OrganisationEntry> organisations;       // content/organisations.yaml, as written
  std::map<std::string, std::vector<size_t>> groups;  // Page::group → page indices
  std::map<std::string, size_t> page_by_source;       // Page::source → index
  std::map<std::string, size_t> plan_by_source;       // Plan::source → index
  bool include_drafts = false;
  Words words;  // the theme's words, overridden by the site's i18n/

  // The language's home URL: "" or "en/" (or "fr/" in a subfolder).
  std::string home_url(const std::string& lang) const;
  // Indices of the pages of the same group (translations), this one included.
  std::vector<size_t> translations_of(size_t page) const;
  // The page of `group` in `lang`, if any.
  std::optional<size_t> find_page(const std::string& group, const std::string& lang) const;
  const Section* find_section(const std::string& dir) const;
};

}  // namespace carnet::model

namespace carnet::model {
// Where a plan's booklet goes in the output: "booklets/x.fr.pdf".
std::string booklet_path(const Plan& plan, const std::string& lang, const std::string& format);
// The one-page summary PDF (`summary` in booklet.formats): "booklets/x.fr.summary.pdf".
std::string summary_path(const Plan& plan, const std::string& lang);
// The printer's saddle-stitch PDF (booklet.imposition): "booklets/x.fr.saddle-stitch.pdf".
std::string imposed_path(const Plan& plan, const std::string& lang);
// The tête-bêche PDF of the site's first two languages (booklet.bilingual): "booklets/x.fr-en.pdf".
std::string tete_beche_path(const Site& site, const Plan& plan);

// One file of a plan's booklets, as the settings ask for it.
struct BookletFile {
  enum class Kind { reading, imposed, tete_beche };
  Kind kind = Kind::reading;
  std::string lang;    // "" for the tête-bêche PDF, which holds two
  std::string format;  // "pdf", "epub", "odt", "summary" (a one-page PDF)
  std::string path;    // "booklets/x.fr.pdf"
  std::string word;    // its name in the theme's words: "booklet_pdf", "booklet_saddle_stitch"
};
// Every booklet file of a plan, in output order: per language its formats
// and its printer's PDF, then the tête-bêche PDF. The build writes exactly
// these, and the plan page links those of its language.
std::vector<BookletFile> booklet_files(const Site& site, const Plan& plan);

// One open-data file of a plan (PRODUCT.md §7), as the plan page links it.
struct DataFile {
  std::string format;  // "csv", "json"
  std::string path;    // "data/x.fr.csv", "data/x.json"
  std::string label;   // "CSV", "JSON": the same in every language
  std::string mime;    // "text/csv", "application/json"
};
// Where the open data goes: "data/x.json" (every language), "data/x.fr.csv".
std::string data_json_path(const Plan& plan);
std::string data_csv_path(const Plan& plan, const std::string& lang);
// The schema every plan's JSON follows: "data/plan.schema.json".
std::string data_schema_path();
// The open-data files a reader of `lang` is offered: its CSV, then the JSON.
std::vector<DataFile> data_files(const Plan& plan, const std::string& lang);
}  // namespace carnet::model
