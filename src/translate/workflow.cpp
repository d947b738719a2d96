#include "translate/workflow.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "base/text.hpp"
#include "load/config_reader.hpp"
#include "load/page_reader.hpp"
#include "load/plan_reader.hpp"
#include "translate/page_edit.hpp"
#include "translate/status.hpp"
#include "translate/yaml_edit.hpp"

namespace carnet::translate {

namespace {

std::string trim_lines(std::string_view s) {
  size_t a = s.find_first_not_of("\r\n");
  size_t b = s.find_last_not_of("\r\n \t");
  return a == std::string_view::npos ? std::string() : std::string(s.substr(a, b - a + 1));
}

size_t count_words(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string location_of(const base::SourcePos& p) {
  return p.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

// The first character XML 1.0 cannot carry, even as a reference (C0 controls
// but tab, line feed and carriage return); npos when none.
size_t first_control(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
  }
  return std::string_view::npos;
}

std::string control_name(char c) {
  char name[8];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned char>(c));
  return name;
}

using TextIndex = std::map<std::pair<std::string, std::string>, const SiteText*>;

// Texts by (file, key), to find what a unit translates.
TextIndex index_texts(const std::vector<SiteText>& texts) {
  TextIndex out;
  for (const auto& t : texts) out[{t.file, t.key}] = &t;
  return out;
}

using Expected = std::vector<std::pair<const SiteText*, std::string>>;

// Re-reads an edited YAML file and checks that every edit reads back as
// intended: the new value in its language, the other languages unchanged.
bool verify_yaml(const std::string& file, const std::string& text, const model::Site& site,
                 const Expected& expected, const std::string& lang, base::Diagnostics& diags) {
  base::Diagnostics check;
  model::Site copy;
  copy.config = site.config;
  if (file == site.config.source) {
    copy.config = load::read_config(text, check);
  } else {
    auto plan = load::read_plan(text, file, site.config.languages, check);
    if (plan) copy.plans.push_back(std::move(*plan));
  }
  if (check.has_errors()) {
    for (const auto& d : check.sorted())
      diags.error(d.pos, "after writing the translations this file would not load (" + d.message +
                             "); it was left unchanged");
    return false;
  }
  auto texts = collect_site_texts(copy);
  auto index = index_texts(texts);
  for (const auto& [old, value] : expected) {
    auto it = index.find({file, old->key});
    bool ok = it != index.end();
    if (ok) {
      const auto& now = it->second->text->text;
      for (const auto& [l, v] : old->text->text)
        if (l != lang && (!now.count(l) || now.at(l) != v)) ok = false;
      if (!now.count(lang) || now.at(lang) != value) ok = false;
    }
    if (!ok) {
      diags.error(text_position(*old, site), "could not write the " + lang + " text of the " +
                                                 old->what +
                                                 " safely; the file was left unchanged");
      return false;
    }
  }
  return true;
}

// One import, step by step: match each unit to its text, then edit and
// check each file.
class Importer {
 public:
  Importer(const model::Site& site, const TranslationExchange& x, TranslationRecord record,
           const ReadSource& read)
      : site_(site), lang_(x.target_lang), read_(read), texts_(collect_site_texts(site)) {
    plan_.record = std::move(record);
    index_ = index_texts(texts_);
  }

  ImportPlan run(const TranslationExchange& x) {
    for (const auto& u : x.units) match(u);
    for (auto& [file, edits] : edits_) edit_yaml(file, edits);
    for (const auto& [t, translation] : pages_) write_page(*t, translation);
    return std::move(plan_);
  }

 private:
  void match(const TranslationUnit& u) {
    if (u.target.empty()) {
      ++plan_.untranslated;
      return;
    }
    const bool page_part = u.key.rfind("page/", 0) == 0;
    auto it = index_.find({u.file, page_part ? "page" : u.key});
    if (it == index_.end()) {
      ++plan_.conflicts;
      plan_.diags.error({u.file, 1, 1}, "conflict: " + u.key + " (" + u.context +
                                            ") is no longer in this file; it moved or was "
                                            "deleted since the export");
      return;
    }
    const SiteText& t = *it->second;
    const std::string source_lang = source_language(t, site_);
    if (source_lang == lang_) {
      // Its original is in the language being imported: writing would
      // replace the author's text with a "translation" of it.
      if (refused_.insert(&t).second) {
        ++plan_.conflicts;
        plan_.diags.error(text_position(t, site_), "the " + t.what + " is written in " +
                                                       language_name(lang_) +
                                                       "; a translation into " + lang_ +
                                                       " would replace it, so it was "
                                                       "left unchanged");
      }
      return;
    }
    if (!fingerprint_matches(u.fingerprint, text_in(t, site_, source_lang))) {
      if (refused_.insert(&t).second) {
        ++plan_.conflicts;
        plan_.diags.error(text_position(t, site_),
                          "conflict: the " + language_name(source_lang) + " text of the " + t.what +
                              " changed since the export; export it again and translate the "
                              "new text");
      }
      return;
    }
    if (page_part) {
      auto& p = pages_[&t];
      const std::string part = u.key.substr(5);
      if (part == "title")
        p.title = u.target;
      else if (part == "summary")
        p.summary = u.target;
      else if (part == "body")
        p.body = u.target;
      return;
    }
    plan_.record.set(t.file, t.key, lang_, u.fingerprint);
    if (t.text->text.count(lang_) && t.text->text.at(lang_) == u.target) {
      ++plan_.unchanged;
      return;
    }
    edits_[t.file].push_back({t.text, source_lang, lang_, u.target, t.markdown});
    expected_[t.file].push_back({&t, u.target});
  }

  void edit_yaml(const std::string& file, const std::vector<YamlTextEdit>& edits) {
    auto before = read_(file);
    base::Diagnostics diags;
    std::string after;
    if (!before)
      diags.error({file, 1, 1}, "this file is gone since the site was read; it was not written");
    else
      after = apply_yaml_edits(*before, file, edits, diags);
    if (diags.has_errors() || !verify_yaml(file, after, site_, expected_[file], lang_, diags)) {
      plan_.conflicts += edits.size();
      for (const auto& e : expected_[file]) plan_.record.erase(e.first->file, e.first->key, lang_);
      plan_.diags.append(std::move(diags));
      return;
    }
    plan_.writes.push_back({file, std::move(after)});
    plan_.written += edits.size();
    plan_.files.insert(file);
  }

  void write_page(const SiteText& t, const PageTranslation& translation) {
    const model::Page& source = site_.pages[*t.page];
    auto existing = site_.find_page(source.group, lang_);
    // A page is translated when each of its texts is: an empty summary or
    // body left by the translator would otherwise erase the page's own.
    if (translation.title.empty() || (!source.summary.empty() && translation.summary.empty()) ||
        (!trim_lines(source.markdown).empty() && translation.body.empty())) {
      ++plan_.untranslated;
      return;
    }
    const std::string fingerprint = text_fingerprint(text_in(t, site_, source.lang));
    if (existing) {
      const model::Page& now = site_.pages[*existing];
      if (now.title == translation.title && now.summary == translation.summary &&
          trim_lines(now.markdown) == trim_lines(translation.body)) {
        plan_.record.set(t.file, "page", lang_, fingerprint);
        ++plan_.unchanged;
        return;
      }
    }
    const std::string rel = existing ? site_.pages[*existing].source
                                     : "content/" + (source.dir.empty() ? "" : source.dir + "/") +
                                           source.name + "." + lang_ + ".md";
    const auto now = read_(rel);
    if (!existing && now) {
      ++plan_.conflicts;
      plan_.diags.error({rel, 1, 1}, "conflict: this file exists but is not a translation of " +
                                         source.source + "; the page was not written");
      return;
    }
    const auto original = existing ? now : read_(source.source);
    if (!original) {
      ++plan_.conflicts;
      plan_.diags.error({existing ? rel : source.source, 1, 1},
                        "this file is gone since the site was read; the page was not written");
      return;
    }
    std::string text = existing ? update_translated_page(*original, translation)
                                : make_translated_page(*original, translation);
    // Read it back as the loader will.
    model::Page check;
    check.source = rel;
    check.lang = lang_;
    check.dir = source.dir;
    check.name = source.name;
    check.kind = source.kind;
    base::Diagnostics page_diags;
    if (!load::read_page(text, check, site_.config.languages, page_diags) ||
        page_diags.has_errors() || check.title != translation.title) {
      ++plan_.conflicts;
      plan_.diags.error({rel, 1, 1},
                        "could not write this translation safely; the file was left unchanged");
      return;
    }
    plan_.writes.push_back({rel, std::move(text)});
    plan_.record.set(t.file, "page", lang_, fingerprint);
    ++plan_.written;
    plan_.files.insert(rel);
  }

  const model::Site& site_;
  const std::string lang_;
  const ReadSource& read_;
  const std::vector<SiteText> texts_;
  TextIndex index_;
  ImportPlan plan_;
  std::map<std::string, std::vector<YamlTextEdit>> edits_;  // file → edits
  std::map<std::string, Expected> expected_;
  std::map<const SiteText*, PageTranslation> pages_;
  std::set<const SiteText*> refused_;
};

}  // namespace

std::string refuse_target_language(const model::Site& site, const std::string& lang) {
  const auto& langs = site.config.languages;
  const std::string others =
      langs.size() > 1
          ? "it translates from " + langs.front() + " into " +
                base::join(std::vector<std::string>(langs.begin() + 1, langs.end()), ", ")
          : "it has no other language to translate into";
  if (lang == site.config.default_language())
    return "the language the site is written in (" + language_name(lang) +
           "), not one it is translated into; " + others;
  if (std::find(langs.begin(), langs.end(), lang) == langs.end())
    return "not a language of this site (" + base::join(langs, ", ") + "); " + others;
  return {};
}

ExportPlan plan_export(const model::Site& site, const TranslationRecord& record,
                       const std::string& lang, base::Diagnostics& diags) {
  ExportPlan plan;
  TranslationExchange& x = plan.exchange;
  x.target_lang = lang;
  x.source_lang = site.config.default_language();
  const auto texts = collect_site_texts(site);
  auto add = [&](TranslationUnit u, const SiteText& t) {
    for (const std::string* s : {&u.source, &u.previous})
      if (size_t at = first_control(*s); at != std::string::npos)
        diags.error(text_position(t, site),
                    "the " + t.what + " holds an invisible control character (" +
                        control_name((*s)[at]) + ") after \"" +
                        s->substr(at > 30 ? at - 30 : 0, at > 30 ? 30 : at) +
                        "\", often pasted from Word; translation files cannot carry it: delete "
                        "it and export again");
    plan.words += count_words(u.source);
    x.units.push_back(std::move(u));
  };
  for (const auto& s : translation_status(texts, site, record, lang)) {
    if (s.state != TranslationState::missing && s.state != TranslationState::stale) continue;
    const SiteText& t = *s.text;
    if (s.source_lang != x.source_lang) {
      ++plan.skipped;  // written in a third language: another export
      continue;
    }
    const std::string fingerprint = text_fingerprint(text_in(t, site, s.source_lang));
    const std::string where = location_of(text_position(t, site));
    const bool stale = s.state == TranslationState::stale;
    if (t.page) {
      auto source = page_texts(t, site, s.source_lang);
      auto previous = page_texts(t, site, lang);
      auto part = [&](const char* name, const std::string& text, const std::string& prev) {
        if (text.empty() && std::string_view(name) != "title") return;
        add({t.file, std::string("page/") + name, where,
             std::string(name) + " of the page " + t.file, fingerprint, text, "",
             stale ? prev : ""},
            t);
      };
      part("title", source->title, previous ? previous->title : "");
      part("summary", source->summary, previous ? previous->summary : "");
      part("body", trim_lines(source->body), previous ? trim_lines(previous->body) : "");
      continue;
    }
    add({t.file, t.key, where, t.what, fingerprint, t.text->text.at(s.source_lang), "",
         stale ? t.text->text.at(lang) : ""},
        t);
  }
  return plan;
}

bool is_untranslated_export(std::string_view text) {
  base::Diagnostics ignored;
  const size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  const bool xml = first != std::string_view::npos && text[first] == '<';
  if (!xml && text.rfind("\xEF\xBB\xBF"
                         "file,key,location,context,fingerprint,",
                         0) != 0)
    return false;
  auto x = xml ? read_xliff(text, "", ignored) : read_translation_csv(text, "", ignored);
  if (!x || ignored.has_errors()) return false;
  for (const auto& u : x->units)
    if (u.fingerprint.empty() || !u.target.empty()) return false;
  return true;
}

ImportPlan plan_import(const model::Site& site, const TranslationExchange& x,
                       const std::string& exchange_path, TranslationRecord record,
                       const ReadSource& read) {
  if (auto refusal = refuse_target_language(site, x.target_lang); !refusal.empty()) {
    ImportPlan plan;
    plan.refused = true;
    plan.record = std::move(record);
    plan.diags.error({exchange_path, 1, 1}, "this file translates into " + x.target_lang +
                                                ", which is " + refusal + "; nothing was imported");
    return plan;
  }
  return Importer(site, x, std::move(record), read).run(x);
}

size_t record_current(const model::Site& site, const std::string& lang, TranslationRecord& record) {
  size_t n = 0;
  const auto texts = collect_site_texts(site);
  for (const auto& s : translation_status(texts, site, record, lang)) {
    if (s.state != TranslationState::translated && s.state != TranslationState::stale) continue;
    record.set(s.text->file, s.text->key, lang,
               text_fingerprint(text_in(*s.text, site, s.source_lang)));
    ++n;
  }
  return n;
}

}  // namespace carnet::translate
