#include "translate/texts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "base/hash.hpp"
#include "base/language.hpp"

namespace carnet::translate {

namespace {

class Collector {
 public:
  Collector(const model::Site& site, std::vector<SiteText>& out) : site_(site), out_(out) {}

  void text(const std::string& file, const std::string& key, const std::string& what,
            const model::LocalizedText& t, bool markdown) {
    if (t.empty()) return;
    bool any = false;
    for (const auto& [lang, value] : t.text) any = any || !value.empty();
    if (!any) return;
    SiteText s;
    s.file = file;
    s.key = key;
    s.what = what;
    s.markdown = markdown;
    s.text = &t;
    out_.push_back(std::move(s));
  }

  // `noun` #n of `who`: "lead #2 of action 1.1.2 (guide)".
  void list(const std::string& file, const std::string& key, const std::string& noun,
            const std::string& who, const std::vector<model::LocalizedText>& texts) {
    for (size_t i = 0; i < texts.size(); ++i)
      text(file, key + "/" + std::to_string(i), noun + " #" + std::to_string(i + 1) + " of " + who,
           texts[i], false);
  }

  void notes(const std::string& file, const std::string& key, const std::string& what,
             const std::vector<model::Note>& notes) {
    for (size_t i = 0; i < notes.size(); ++i)
      text(file, key + "/notes/" + std::to_string(i) + "/text",
           "note #" + std::to_string(i + 1) + " of " + what, notes[i].text, true);
  }

  // Every translatable field of model::plan_fields() that the item holds.
  void fields(const std::string& file, const std::string& key, const std::string& who,
              const model::Fields& fields) {
    for (const auto& spec : model::plan_fields()) {
      if (!spec.translatable || spec.structural()) continue;
      const model::FieldValue* f = fields.find(spec.key);
      if (!f) continue;
      const std::string k = key + "/" + std::string(spec.key);
      switch (spec.kind) {
        case model::FieldKind::markdown:
          if (!f->texts.empty())
            text(file, k, std::string(spec.noun) + " of " + who, f->texts.front(), true);
          break;
        case model::FieldKind::texts:
        case model::FieldKind::organisations:
          list(file, k, std::string(spec.noun), who, f->texts);
          break;
        case model::FieldKind::due:
          if (f->due && f->due->kind == model::Due::Kind::text)
            text(file, k, std::string(spec.noun) + " of " + who, f->due->text, false);
          break;
        case model::FieldKind::notes:
          notes(file, key, who, f->notes);
          break;
        // No text to translate in these; listed so that a new kind makes
        // the compiler ask whether it has some.
        case model::FieldKind::identifier:
        case model::FieldKind::title:
        case model::FieldKind::status:
        case model::FieldKind::date:
        case model::FieldKind::years:
        case model::FieldKind::percent:
        case model::FieldKind::number:
          break;
      }
    }
  }

  void action(const std::string& file, const std::string& key, const model::Action& a) {
    const std::string who = "action " + a.code + " (" + a.id + ")";
    text(file, key + "/title", "title of " + who, a.title, false);
    fields(file, key, who, a.fields);
  }

  void section(const std::string& file, const std::string& key, const model::PlanSection& s) {
    const std::string who = "section " + s.code + " (" + s.id + ")";
    text(file, key + "/title", "title of " + who, s.title, false);
    fields(file, key, who, s.fields);
    for (size_t i = 0; i < s.sections.size(); ++i)
      section(file, key + "/sections/" + std::to_string(i), s.sections[i]);
    for (size_t i = 0; i < s.actions.size(); ++i)
      action(file, key + "/actions/" + std::to_string(i), s.actions[i]);
  }

  void plan(const model::Plan& p) {
    const std::string& f = p.source;
    text(f, "title", "title of the plan", p.title, false);
    text(f, "summary", "summary of the plan", p.summary, true);
    text(f, "intro", "introduction of the plan", p.intro, true);
    for (size_t i = 0; i < p.levels.size(); ++i)
      text(f, "levels/" + std::to_string(i), "name of level " + std::to_string(i + 1), p.levels[i],
           false);
    for (const auto& [field, label] : p.labels)
      text(f, "labels/" + field, "label of " + field, label, false);
    for (size_t i = 0; i < p.sections.size(); ++i)
      section(f, "sections/" + std::to_string(i), p.sections[i]);
  }

  void config() {
    const auto& c = site_.config;
    text(c.source, "title", "title of the site", c.title, false);
    text(c.source, "description", "description of the site", c.description, false);
    text(c.source, "organization/name", "name of the organization", c.organization.name, false);
    text(c.source, "organization/address", "address of the organization", c.organization.address,
         false);
  }

  void pages() {
    // One text per group of translations, held by its source page.
    for (const auto& [group, members] : site_.groups) {
      std::optional<size_t> source;
      for (const auto& lang : site_.config.languages) {
        for (size_t i : members)
          if (site_.pages[i].lang == lang) {
            source = i;
            break;
          }
        if (source) break;
      }
      if (!source) continue;
      SiteText s;
      s.file = site_.pages[*source].source;
      s.key = "page";
      s.what = "page";
      s.markdown = true;
      s.page = *source;
      out_.push_back(std::move(s));
    }
  }

 private:
  const model::Site& site_;
  std::vector<SiteText>& out_;
};

}  // namespace

std::vector<SiteText> collect_site_texts(const model::Site& site) {
  std::vector<SiteText> out;
  Collector c(site, out);
  c.config();
  for (const auto& p : site.plans) c.plan(p);
  c.pages();
  // Stable: texts of one file stay in document order.
  std::stable_sort(out.begin(), out.end(),
                   [](const SiteText& a, const SiteText& b) { return a.file < b.file; });
  return out;
}

std::string source_language(const SiteText& t, const model::Site& site) {
  if (t.page) return site.pages[*t.page].lang;
  for (const auto& lang : site.config.languages)
    if (auto it = t.text->text.find(lang); it != t.text->text.end() && !it->second.empty())
      return lang;
  return site.config.default_language();
}

std::optional<PageTexts> page_texts(const SiteText& t, const model::Site& site,
                                    const std::string& lang) {
  if (!t.page) return std::nullopt;
  auto found = site.find_page(site.pages[*t.page].group, lang);
  if (!found) return std::nullopt;
  const model::Page& p = site.pages[*found];
  return PageTexts{p.title, p.summary, p.markdown};
}

std::string text_in(const SiteText& t, const model::Site& site, const std::string& lang) {
  if (t.page) {
    auto p = page_texts(t, site, lang);
    if (!p) return "";
    // One fingerprint covers the three parts of a page.
    return p->title + '\0' + p->summary + '\0' + p->body;
  }
  auto it = t.text->text.find(lang);
  return it == t.text->text.end() ? std::string() : it->second;
}

std::string text_fingerprint(std::string_view text) { return "xxh3:" + base::hex_digest(text); }

bool fingerprint_matches(std::string_view recorded, std::string_view text) {
  if (recorded.starts_with("xxh3:")) return recorded == text_fingerprint(text);
  // Carnet 0.1 recorded 16 hex digits of FNV-1a 64 with no prefix: such a
  // record still vouches for its text (docs/decisions.md, "One hash").
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return recorded == fmt::format("{:016x}", h);
}

base::SourcePos text_position(const SiteText& t, const model::Site& site) {
  if (t.page) return {site.pages[*t.page].source, 1, 1};
  if (t.text->pos.line > 0) return t.text->pos;
  for (const auto& [lang, pos] : t.text->lang_pos)
    if (pos.line > 0) return pos;
  return {t.file, 0, 0};
}

std::string language_name(const std::string& lang) { return base::language_name(lang, "en"); }

}  // namespace carnet::translate
