// What every page of a build shares, computed once before the pages are
// rendered in parallel: the theme, each language's words, menu and dated
// pages, and the small HTML helpers that mark text shown in another language.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "render/html/site_renderer.hpp"
#include "render/html/theme.hpp"
#include "view/organisations.hpp"

namespace carnet::render::html {

// The same content in one language: a translation of the page being written.
struct Alternate {
  std::string lang;
  std::string url;  // output folder path
};

struct MenuItem {
  std::string title;
  std::string url;
  int weight = 0;
};

struct LanguageData {
  std::string lang;
  const std::map<std::string, std::string, std::less<>>* t = nullptr;  // site.words, this language
  mustache::data shared;  // t, site_title, organization, live reload...: below each page's data
  std::vector<MenuItem> menu;  // sorted by weight, then title
  std::vector<size_t> dated;   // regular pages with a date, newest first
  std::string feed_url;        // "index.xml" or "en/index.xml"
};

struct RenderContext {
  const model::Site& site;
  const Theme& theme;
  const RenderOptions& options;
  std::map<std::string, LanguageData> langs;
  std::string base_url;  // ends with '/'
  // Every organisation the plans name: plan pages link each name to its page.
  view::OrganisationIndex organisations;

  const std::string& default_lang() const { return site.config.default_language(); }
  // The word `key` in `lang`, from site.words (the key itself when there is
  // none, so a missing word shows instead of vanishing).
  std::string word(const std::string& lang, const std::string& key) const;
  std::string absolute(const std::string& url) const { return base_url + url; }
};

RenderContext make_context(const model::Site& site, const Theme& theme,
                           const RenderOptions& options);

// Per-page data common to every template: head (title, description,
// canonical, alternates, Open Graph), header (home link, language switch,
// menu), footer. `alternates` lists the page in every language it exists in
// (this one included), in the site's language order.
struct PageHead {
  std::string lang;
  std::string url;  // output folder path of the page
  std::string title;
  std::string description;  // plain text
  std::string og_type = "website";
  std::vector<Alternate> alternates;
  std::optional<std::string> x_default;  // output path for hreflang="x-default"
  bool is_home = false;
};
mustache::data page_data(const RenderContext& ctx, const PageHead& head);
// Adds to `d` what the header and footer of the page at `url` link to,
// from where it is: stylesheet, scripts, search index, home, feed, the menu
// (with the current item and its ancestors), the brand's logo and partners.
// Read below the page's own data (page_data), which may override any of it.
// `targets`, when given, receives every output path linked to.
void add_page_frame(mustache::data& d, const RenderContext& ctx, const std::string& lang,
                    const std::string& url, std::vector<std::string>* targets = nullptr);
// The output paths add_page_frame links to in `lang`. Every page of a folder
// has the same frame when none of them is inside the folder (the folder
// itself aside): links out of a folder do not depend on which page of it
// they start from.
std::vector<std::string> frame_targets(const RenderContext& ctx, const std::string& lang);
// The brand's logo and partners (carnet.yaml brand:) for the header and the
// footer: logo_src, has_partners, partners [{name, href, logo_src}]. `href`
// makes the address of an output path as the page links it (relative on a
// page, absolute on the 404 page).
void set_brand(mustache::data& d, const RenderContext& ctx, const std::string& lang,
               const std::function<std::string(const std::string&)>& href);
// x-default: the default language's version when there is one.
std::optional<std::string> x_default_of(const RenderContext& ctx,
                                        const std::vector<Alternate>& alternates);

// Text helpers. `shown` is the language a text is actually in; when it is not
// the page's, the HTML is wrapped in an element carrying its lang.
std::string mark_lang(std::string html, const std::string& shown, const std::string& page_lang,
                      bool block = false);
// A plain text (title, list item) in `lang`, escaped and marked.
std::string text_html(const model::LocalizedText& text, const std::string& lang,
                      const std::string& default_lang);
// A plain-text version (meta descriptions), no marking.
const std::string& text_plain(const model::LocalizedText& text, const std::string& lang,
                              const std::string& default_lang);

// kainjow's set() and push_back() copy whole subtrees, and its move
// constructor is not noexcept (so a growing vector copies too): build data
// with these instead, which move, and give lists their size up front.
mustache::data list_data(size_t reserve = 0);
void push(mustache::data& list, mustache::data&& item);
void put(mustache::data& object, const std::string& key, mustache::data&& value);

// Sets `key` only when `value` is not empty: mustache treats "" as true.
void set_if(mustache::data& d, const std::string& key, const std::string& value);
mustache::data to_data(const model::Value& v);

}  // namespace carnet::render::html
