#include "render/html/render_context.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "base/url.hpp"

namespace carnet::render::html {

namespace {

// "+1 514 555-0100" → "+15145550100" for tel: links.
std::string tel_href(const std::string& phone) {
  std::string out;
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
  return out;
}

std::string website_label(const std::string& url) {
  std::string s = url;
  for (const char* scheme : {"https://", "http://"})
    if (s.rfind(scheme, 0) == 0) s = s.substr(std::char_traits<char>::length(scheme));
  if (!s.empty() && s.back() == '/' && s.find('/') == s.size() - 1) s.pop_back();
  return s;
}

std::vector<MenuItem> build_menu(const model::Site& site, const std::string& lang) {
  std::vector<MenuItem> items;
  for (const auto& p : site.pages) {
    if (p.lang != lang || !p.menu || p.kind == model::PageKind::section) continue;
    items.push_back({p.title, p.url, p.weight});
  }
  for (const auto& s : site.sections) {
    auto in = s.lang.find(lang);
    if (in == s.lang.end()) continue;
    // The section's index page in this language decides; without one, the
    // index page of any language that asks for the menu does.
    const model::Page* index = nullptr;
    if (in->second.index_page) {
      index = &site.pages[*in->second.index_page];
    } else {
      for (const auto& l : site.config.languages)
        if (auto other = s.lang.find(l); other != s.lang.end() && other->second.index_page &&
                                         site.pages[*other->second.index_page].menu) {
          index = &site.pages[*other->second.index_page];
          break;
        }
    }
    if (index && index->menu) items.push_back({in->second.title, in->second.url, index->weight});
  }
  std::sort(items.begin(), items.end(), [](const MenuItem& a, const MenuItem& b) {
    return std::tie(a.weight, a.title, a.url) < std::tie(b.weight, b.title, b.url);
  });
  return items;
}

}  // namespace

mustache::data list_data(size_t reserve) {
  mustache::data d{mustache::data::type::list};
  if (reserve) const_cast<mustache::list&>(d.list_value()).reserve(reserve);
  return d;
}

void push(mustache::data& list, mustache::data&& item) {
  // list_value() is only offered const; the vector itself is not.
  auto& v = const_cast<mustache::list&>(list.list_value());
  if (v.size() == v.capacity()) {
    mustache::list bigger;
    bigger.reserve(v.capacity() ? v.capacity() * 2 : 8);
    for (auto& x : v) bigger.emplace_back(std::move(x));
    v.swap(bigger);
  }
  v.emplace_back(std::move(item));
}

void put(mustache::data& object, const std::string& key, mustache::data&& value) {
  object[key] = std::move(value);
}

void set_if(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

mustache::data to_data(const model::Value& v) {
  if (const auto* s = v.as_string()) return mustache::data{*s};
  if (const auto* l = v.as_list()) {
    auto out = list_data();
    for (const auto& item : *l) push(out, to_data(item));
    return out;
  }
  if (const auto* m = v.as_map()) {
    mustache::data out;
    for (const auto& [k, item] : *m) out.set(k, to_data(item));
    return out;
  }
  return mustache::data{false};
}

std::string mark_lang(std::string html, const std::string& shown, const std::string& page_lang,
                      bool block) {
  if (html.empty() || shown == page_lang) return html;
  const char* tag = block ? "div" : "span";
  return std::string("<") + tag + " lang=\"" + shown + "\">" + html + "</" + tag + ">";
}

std::string text_html(const model::LocalizedText& text, const std::string& lang,
                      const std::string& default_lang) {
  std::string shown;
  const std::string& s = text.get(lang, default_lang, &shown);
  return mark_lang(base::html_escape(s), shown, lang);
}

const std::string& text_plain(const model::LocalizedText& text, const std::string& lang,
                              const std::string& default_lang) {
  return text.get(lang, default_lang);
}

std::string RenderContext::word(const std::string& lang, const std::string& key) const {
  return site.words.get(lang, key);
}

RenderContext make_context(const model::Site& site, const Theme& theme,
                           const RenderOptions& options) {
  RenderContext ctx{site,
                    theme,
                    options,
                    {},
                    base::normalized_base_url(site.config.base_url),
                    view::index_organisations(site)};
  const auto& cfg = site.config;
  const std::string& def = cfg.default_language();
  for (const auto& lang : cfg.languages) {
    LanguageData& ld = ctx.langs[lang];
    ld.lang = lang;
    static const std::map<std::string, std::string, std::less<>> no_words;
    auto words = site.words.by_lang.find(lang);
    ld.t = words != site.words.by_lang.end() ? &words->second : &no_words;
    mustache::data t;
    for (const auto& [k, v] : *ld.t) t.set(k, v);
    put(ld.shared, "t", std::move(t));
    ld.shared.set("lang", lang);
    ld.shared.set("site_title", text_plain(cfg.title, lang, def));
    set_if(ld.shared, "site_description", text_plain(cfg.description, lang, def));
    set_if(ld.shared, "og_locale", ld.t->count("og_locale") ? ld.t->at("og_locale") : lang);
    const auto& org = cfg.organization;
    set_if(ld.shared, "org_name_html", text_html(org.name, lang, def));
    {
      std::string shown;
      const std::string& address = org.address.get(lang, def, &shown);
      std::string html;
      for (const auto& line : base::split(address, '\n')) {
        if (base::trim(line).empty()) continue;
        if (!html.empty()) html += "<br>";
        html += base::html_escape(base::trim(line));
      }
      set_if(ld.shared, "org_address_html", mark_lang(html, shown, lang));
    }
    set_if(ld.shared, "org_email", org.email);
    set_if(ld.shared, "org_phone", org.phone);
    set_if(ld.shared, "org_phone_href", tel_href(org.phone));
    set_if(ld.shared, "org_website", org.website);
    set_if(ld.shared, "org_website_label", website_label(org.website));
    ld.shared.set("live_reload", options.live_reload);
    ld.shared.set("live_reload_url", options.live_reload_url);
    put(ld.shared, "site_params", to_data(cfg.params));
    ld.shared.set("base_url", ctx.base_url);
    ld.menu = build_menu(site, lang);
    for (size_t i = 0; i < site.pages.size(); ++i) {
      const auto& p = site.pages[i];
      if (p.lang == lang && p.kind == model::PageKind::regular && p.date) ld.dated.push_back(i);
    }
    std::sort(ld.dated.begin(), ld.dated.end(), [&](size_t a, size_t b) {
      const auto& pa = site.pages[a];
      const auto& pb = site.pages[b];
      if (*pa.date != *pb.date) return *pa.date > *pb.date;
      return std::tie(pa.title, pa.url) < std::tie(pb.title, pb.url);
    });
    ld.feed_url = site.home_url(lang) + "index.xml";
  }
  return ctx;
}

std::optional<std::string> x_default_of(const RenderContext& ctx,
                                        const std::vector<Alternate>& alternates) {
  for (const auto& a : alternates)
    if (a.lang == ctx.default_lang()) return a.url;
  return std::nullopt;
}

mustache::data page_data(const RenderContext& ctx, const PageHead& head) {
  const std::string& site_title = text_plain(ctx.site.config.title, head.lang, ctx.default_lang());
  mustache::data d;
  d.set("title", head.title);
  d.set("page_title", head.is_home || head.title.empty() || head.title == site_title
                          ? site_title
                          : head.title + " | " + site_title);
  set_if(d, "description", head.description);
  d.set("url", head.url);
  d.set("canonical", ctx.absolute(head.url));
  d.set("og", true);
  d.set("og_type", head.og_type);
  d.set("is_home", head.is_home);

  auto alternates = list_data();
  auto og_alternates = list_data();
  // A page in one language only has no alternates to announce.
  const bool announce = head.alternates.size() > 1;
  for (const auto& alt : head.alternates) {
    if (!announce) break;
    mustache::data a;
    a.set("hreflang", alt.lang);
    a.set("href", ctx.absolute(alt.url));
    push(alternates, std::move(a));
    if (alt.lang != head.lang) push(og_alternates, mustache::data{ctx.word(alt.lang, "og_locale")});
  }
  if (head.x_default && announce) {
    mustache::data a;
    a.set("hreflang", "x-default");
    a.set("href", ctx.absolute(*head.x_default));
    push(alternates, std::move(a));
  }
  put(d, "alternates", std::move(alternates));
  put(d, "og_locale_alternates", std::move(og_alternates));

  auto translations = list_data();
  auto untranslated = list_data();
  bool has_switch = false;
  for (const auto& lang : ctx.site.config.languages) {
    if (lang == head.lang) continue;
    has_switch = true;
    mustache::data item;
    item.set("lang", lang);
    item.set("label", ctx.word(lang, "lang_name"));
    auto alt = std::find_if(head.alternates.begin(), head.alternates.end(),
                            [&](const Alternate& a) { return a.lang == lang; });
    if (alt != head.alternates.end()) {
      item.set("href", base::relative_url(head.url, alt->url));
      push(translations, std::move(item));
    } else {
      item.set("href", base::relative_url(head.url, ctx.site.home_url(lang)));
      push(untranslated, std::move(item));
    }
  }
  d.set("has_lang_switch", has_switch);
  put(d, "translations", std::move(translations));
  put(d, "untranslated", std::move(untranslated));
  return d;
}

void add_page_frame(mustache::data& d, const RenderContext& ctx, const std::string& lang,
                    const std::string& url, std::vector<std::string>* targets) {
  const LanguageData& ld = ctx.langs.at(lang);
  // Every output path the frame links to goes through here (frame_targets
  // lists them so).
  auto link = [&](const std::string& to) {
    if (targets) targets->push_back(to);
    return base::relative_url(url, to);
  };
  d.set("css_href", link(ctx.theme.css_path));
  for (const auto& [name, script] : ctx.theme.scripts) d.set("script_" + name, link(script.path));
  // The search box (PRODUCT.md §8) finds its index relative to the page, so
  // a site under a sub-path needs no server (render/search writes it).
  d.set("search", ctx.site.config.search);
  if (ctx.site.config.search) d.set("search_index_href", link("search/" + lang + "/"));
  d.set("home_href", link(ctx.site.home_url(lang)));
  d.set("feed_href", link(ld.feed_url));
  auto menu = list_data();
  const std::string& home = ctx.site.home_url(lang);
  for (const auto& m : ld.menu) {
    mustache::data item;
    item.set("title", m.title);
    item.set("href", link(m.url));
    bool current = m.url == url;
    item.set("current", current);
    item.set("ancestor", !current && m.url != home && url.rfind(m.url, 0) == 0);
    push(menu, std::move(item));
  }
  d.set("has_menu", !ld.menu.empty());
  put(d, "menu", std::move(menu));
  set_brand(d, ctx, lang, link);
}

std::vector<std::string> frame_targets(const RenderContext& ctx, const std::string& lang) {
  mustache::data unused;
  std::vector<std::string> targets;
  add_page_frame(unused, ctx, lang, "", &targets);
  return targets;
}

void set_brand(mustache::data& d, const RenderContext& ctx, const std::string& lang,
               const std::function<std::string(const std::string&)>& href) {
  const auto& brand = ctx.site.config.brand;
  // A logo is a file of static/, published at its path under static/.
  auto published = [](const std::string& source) { return source.substr(sizeof "static/" - 1); };
  if (!brand.logo.empty()) d.set("logo_src", href(published(brand.logo)));
  auto partners = list_data(brand.partners.size());
  for (const auto& p : brand.partners) {
    mustache::data item;
    item.set("name", text_plain(p.name, lang, ctx.default_lang()));
    // Set even when absent: mustache would otherwise find the page's own
    // logo_src in the enclosing context.
    if (p.url.empty())
      item.set("partner_url", false);
    else
      item.set("partner_url", p.url);
    if (p.logo.empty())
      item.set("partner_logo", false);
    else
      item.set("partner_logo", href(published(p.logo)));
    push(partners, std::move(item));
  }
  d.set("has_partners", !brand.partners.empty());
  put(d, "partners", std::move(partners));
}

}  // namespace carnet::render::html
