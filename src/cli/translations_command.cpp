#include "cli/translations_command.hpp"

#include "cli/diagnostics_printer.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "base/fs.hpp"
#include "base/text.hpp"
#include "load/config_reader.hpp"
#include "load/page_reader.hpp"
#include "load/plan_reader.hpp"
#include "load/site_loader.hpp"
#include "translate/exchange.hpp"
#include "translate/page_edit.hpp"
#include "translate/status.hpp"
#include "translate/yaml_edit.hpp"

namespace carnet::cli {

using namespace carnet::translate;

namespace {

namespace fs = std::filesystem;

// The site as the translation commands see it: drafts included, since they
// are translated before they are published.
std::optional<model::Site> load_for_translation(const std::string& root) {
  std::error_code ec;
  if (!fs::exists(fs::path(root) / "carnet.yaml", ec)) {
    std::fprintf(stderr, "carnet: error: '%s' is not a Carnet site (it has no carnet.yaml)\n",
                 root.c_str());
    return std::nullopt;
  }
  base::Diagnostics diags;
  load::LoadOptions options;
  options.include_drafts = true;
  model::Site site = load::load_site(root, options, diags);
  if (diags.has_errors()) {
    print_diagnostic_lines(diags);
    std::fprintf(stderr, "the site has errors; fix them first (carnet check)\n");
    return std::nullopt;
  }
  return site;
}

bool is_language(const model::Site& site, const std::string& lang) {
  const auto& l = site.config.languages;
  return std::find(l.begin(), l.end(), lang) != l.end();
}

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

// Texts by (file, key), to find what a unit translates.
std::map<std::pair<std::string, std::string>, const SiteText*> index_texts(
    const std::vector<SiteText>& texts) {
  std::map<std::pair<std::string, std::string>, const SiteText*> out;
  for (const auto& t : texts) out[{t.file, t.key}] = &t;
  return out;
}

}  // namespace

int run_translations_export(const ExportOptions& options) {
  auto loaded = load_for_translation(options.site);
  if (!loaded) return 1;
  const model::Site& site = *loaded;
  if (!is_language(site, options.lang)) {
    std::fprintf(stderr, "carnet: error: --lang %s is not a language of this site (%s)\n",
                 options.lang.c_str(), base::join(site.config.languages, ", ").c_str());
    return 2;
  }
  std::string format = options.format;
  if (format.empty()) format = fs::path(options.output).extension() == ".csv" ? "csv" : "xliff";
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(options.site, diags);
  print_diagnostic_lines(diags);

  const auto texts = collect_site_texts(site);
  TranslationExchange x;
  x.target_lang = options.lang;
  x.source_lang = options.lang != site.config.default_language() ? site.config.default_language()
                  : site.config.languages.size() > 1             ? site.config.languages[1]
                                                                 : options.lang;
  size_t words = 0, skipped = 0;
  for (const auto& s : translation_status(texts, site, record, options.lang)) {
    if (s.state != TranslationState::missing && s.state != TranslationState::stale) continue;
    const SiteText& t = *s.text;
    if (s.source_lang != x.source_lang) {
      ++skipped;  // written in a third language: another export
      continue;
    }
    const std::string fingerprint = text_fingerprint(text_in(t, site, s.source_lang));
    if (t.page) {
      auto source = page_texts(t, site, s.source_lang);
      auto previous = page_texts(t, site, options.lang);
      const std::string where = location_of(text_position(t, site));
      auto add = [&](const char* part, const std::string& text, const std::string& prev) {
        if (text.empty() && std::string_view(part) != "title") return;
        TranslationUnit u{t.file,      std::string("page/") + part,
                          where,       std::string(part) + " of the page " + t.file,
                          fingerprint, text,
                          "",          s.state == TranslationState::stale ? prev : ""};
        words += count_words(text);
        x.units.push_back(std::move(u));
      };
      add("title", source->title, previous ? previous->title : "");
      add("summary", source->summary, previous ? previous->summary : "");
      add("body", trim_lines(source->body), previous ? trim_lines(previous->body) : "");
      continue;
    }
    TranslationUnit u;
    u.file = t.file;
    u.key = t.key;
    u.location = location_of(text_position(t, site));
    u.context = t.what;
    u.fingerprint = fingerprint;
    u.source = t.text->text.at(s.source_lang);
    if (s.state == TranslationState::stale) u.previous = t.text->text.at(options.lang);
    words += count_words(u.source);
    x.units.push_back(std::move(u));
  }
  base::write_file(options.output, format == "csv" ? write_translation_csv(x) : write_xliff(x));
  std::fprintf(stderr, "wrote %zu text%s to translate into %s (%s), %zu words, to %s\n",
               x.units.size(), x.units.size() == 1 ? "" : "s", language_name(options.lang).c_str(),
               options.lang.c_str(), words, options.output.c_str());
  if (skipped)
    std::fprintf(stderr, "%zu text%s written in neither %s nor %s left out\n", skipped,
                 skipped == 1 ? "" : "s", x.source_lang.c_str(), options.lang.c_str());
  return 0;
}

namespace {

// Re-reads an edited YAML file and checks that every edit reads back as
// intended: the new value in its language, the other languages unchanged.
bool verify_yaml(const std::string& file, const std::string& text, const model::Site& site,
                 const std::vector<std::pair<const SiteText*, std::string>>& expected,
                 const std::string& lang, base::Diagnostics& diags) {
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

struct ImportTally {
  size_t written = 0, unchanged = 0, untranslated = 0, conflicts = 0;
  std::set<std::string> files;
};

}  // namespace

int run_translations_import(const ImportOptions& options) {
  std::error_code ec;
  if (!fs::exists(options.file, ec)) {
    std::fprintf(stderr, "carnet: error: '%s' does not exist\n", options.file.c_str());
    return 2;
  }
  const std::string data = base::read_file(options.file);
  base::Diagnostics diags;
  const size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  auto x = first != std::string::npos && data[first] == '<'
               ? read_xliff(data, options.file, diags)
               : read_translation_csv(data, options.file, diags);
  if (!x) {
    print_diagnostic_lines(diags);
    return 1;
  }
  auto loaded = load_for_translation(options.site);
  if (!loaded) return 1;
  const model::Site& site = *loaded;
  const std::string& lang = x->target_lang;
  if (!is_language(site, lang)) {
    std::fprintf(
        stderr, "carnet: error: %s translates into %s, which is not a language of this site (%s)\n",
        options.file.c_str(), lang.c_str(), base::join(site.config.languages, ", ").c_str());
    return 1;
  }
  TranslationRecord record = TranslationRecord::load(options.site, diags);
  const auto texts = collect_site_texts(site);
  const auto index = index_texts(texts);
  const fs::path root(options.site);
  ImportTally tally;

  std::map<std::string, std::vector<YamlTextEdit>> edits;  // file → edits
  std::map<std::string, std::vector<std::pair<const SiteText*, std::string>>> expected;
  std::map<const SiteText*, PageTranslation> pages;
  std::set<const SiteText*> conflicted;

  for (const auto& u : x->units) {
    if (u.target.empty()) {
      ++tally.untranslated;
      continue;
    }
    const bool page_part = u.key.rfind("page/", 0) == 0;
    auto it = index.find({u.file, page_part ? "page" : u.key});
    const base::SourcePos unit_pos{u.file, 1, 1};
    if (it == index.end()) {
      ++tally.conflicts;
      diags.error(unit_pos,
                  "conflict: " + u.key + " (" + u.context +
                      ") is no longer in this file; it moved or was deleted since the export");
      continue;
    }
    const SiteText& t = *it->second;
    const std::string source_lang = source_language(t, site);
    if (!fingerprint_matches(u.fingerprint, text_in(t, site, source_lang))) {
      if (conflicted.insert(&t).second) {
        ++tally.conflicts;
        diags.error(text_position(t, site),
                    "conflict: the " + language_name(source_lang) + " text of the " + t.what +
                        " changed since the export; export it again and translate the new "
                        "text");
      }
      continue;
    }
    if (page_part) {
      auto& p = pages[&t];
      const std::string part = u.key.substr(5);
      if (part == "title")
        p.title = u.target;
      else if (part == "summary")
        p.summary = u.target;
      else if (part == "body")
        p.body = u.target;
      continue;
    }
    record.set(t.file, t.key, lang, u.fingerprint);
    if (t.text->text.count(lang) && t.text->text.at(lang) == u.target) {
      ++tally.unchanged;
      continue;
    }
    edits[t.file].push_back({t.text, source_lang, lang, u.target, t.markdown});
    expected[t.file].push_back({&t, u.target});
  }

  for (auto& [file, file_edits] : edits) {
    const std::string before = base::read_file(root / file);
    base::Diagnostics edit_diags;
    const std::string after = apply_yaml_edits(before, file, file_edits, edit_diags);
    if (edit_diags.has_errors() ||
        !verify_yaml(file, after, site, expected[file], lang, edit_diags)) {
      tally.conflicts += file_edits.size();
      for (const auto& e : expected[file]) record.erase(e.first->file, e.first->key, lang);
      diags.append(std::move(edit_diags));
      continue;
    }
    base::write_file(root / file, after);
    tally.written += file_edits.size();
    tally.files.insert(file);
  }

  for (const auto& [t, translation] : pages) {
    const model::Page& source = site.pages[*t->page];
    auto existing = site.find_page(source.group, lang);
    // A page is translated when each of its texts is: an empty summary or
    // body left by the translator would otherwise erase the page's own.
    if (translation.title.empty() || (!source.summary.empty() && translation.summary.empty()) ||
        (!trim_lines(source.markdown).empty() && translation.body.empty())) {
      ++tally.untranslated;
      continue;
    }
    const std::string fingerprint = text_fingerprint(text_in(*t, site, source.lang));
    if (existing) {
      const model::Page& now = site.pages[*existing];
      if (now.title == translation.title && now.summary == translation.summary &&
          trim_lines(now.markdown) == trim_lines(translation.body)) {
        record.set(t->file, "page", lang, fingerprint);
        ++tally.unchanged;
        continue;
      }
    }
    std::string rel = existing ? site.pages[*existing].source
                               : "content/" + (source.dir.empty() ? "" : source.dir + "/") +
                                     source.name + "." + lang + ".md";
    std::string text =
        existing ? update_translated_page(base::read_file(root / rel), translation)
                 : make_translated_page(base::read_file(root / source.source), translation);
    if (!existing && fs::exists(root / rel, ec)) {
      ++tally.conflicts;
      diags.error({rel, 1, 1}, "conflict: this file exists but is not a translation of " +
                                   source.source + "; the page was not written");
      continue;
    }
    // Read it back as the loader will.
    model::Page check;
    check.source = rel;
    check.lang = lang;
    check.dir = source.dir;
    check.name = source.name;
    check.kind = source.kind;
    base::Diagnostics page_diags;
    if (!load::read_page(text, check, site.config.languages, page_diags) ||
        page_diags.has_errors() || check.title != translation.title) {
      ++tally.conflicts;
      diags.error({rel, 1, 1},
                  "could not write this translation safely; the file was left unchanged");
      continue;
    }
    base::write_file(root / rel, text);
    record.set(t->file, "page", lang, fingerprint);
    ++tally.written;
    tally.files.insert(rel);
  }

  // The record is not counted: "files" are the ones the author wrote.
  record.save(options.site);
  print_diagnostic_lines(diags);
  std::fprintf(
      stderr,
      "%zu translation%s written into %zu file%s, %zu already there, %zu not translated yet",
      tally.written, tally.written == 1 ? "" : "s", tally.files.size(),
      tally.files.size() == 1 ? "" : "s", tally.unchanged, tally.untranslated);
  if (tally.conflicts)
    std::fprintf(stderr, ", %zu conflict%s", tally.conflicts, tally.conflicts == 1 ? "" : "s");
  std::fprintf(stderr, "\n");
  return diags.has_errors() ? 1 : 0;
}

namespace {

// Records, for every text that has a `lang` version today, the source it
// matches; returns how many.
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

}  // namespace

int run_translations_accept(const std::string& root, const std::string& lang) {
  auto loaded = load_for_translation(root);
  if (!loaded) return 1;
  const model::Site& site = *loaded;
  if (!is_language(site, lang)) {
    std::fprintf(stderr, "carnet: error: --lang %s is not a language of this site\n", lang.c_str());
    return 2;
  }
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(root, diags);
  const size_t n = record_current(site, lang, record);
  record.save(root);
  std::fprintf(stderr, "%zu %s translation%s recorded as up to date in %s\n", n,
               language_name(lang).c_str(), n == 1 ? "" : "s", TranslationRecord::path);
  return 0;
}

bool record_all_translations(const std::string& root) {
  auto loaded = load_for_translation(root);
  if (!loaded) return false;
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(root, diags);
  for (size_t i = 1; i < loaded->config.languages.size(); ++i)
    record_current(*loaded, loaded->config.languages[i], record);
  record.save(root);
  return !diags.has_errors();
}

void add_translations_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("translations", "Export texts to translate, import translations");
  cmd->require_subcommand(1);

  auto ex = std::make_shared<ExportOptions>();
  auto* exp =
      cmd->add_subcommand("export", "Write the texts that lack a translation (XLIFF 2.0 or CSV)");
  exp->add_option("--lang", ex->lang, "The language to translate into (en)")->required();
  exp->add_option("--format", ex->format,
                  "xliff (default) or csv; by default from the file's extension")
      ->check(CLI::IsMember({"xliff", "csv"}));
  exp->add_option("-o,--output", ex->output, "The file to write: a-traduire.xliff")->required();
  exp->add_option("SITE", ex->site, "The site folder (default: the current folder)");
  exp->callback([ex, &exit_code] { exit_code = run_translations_export(*ex); });

  auto im = std::make_shared<ImportOptions>();
  auto* imp = cmd->add_subcommand("import", "Write translations back into the site's files");
  imp->add_option("FILE", im->file, "The translated XLIFF or CSV file")->required();
  imp->add_option("SITE", im->site, "The site folder (default: the current folder)");
  imp->callback([im, &exit_code] { exit_code = run_translations_import(*im); });

  auto ac = std::make_shared<std::pair<std::string, std::string>>(".", "");
  auto* acc = cmd->add_subcommand(
      "accept", "Record the current translations as up to date (after editing by hand)");
  acc->add_option("--lang", ac->second, "The language whose translations are up to date")
      ->required();
  acc->add_option("SITE", ac->first, "The site folder (default: the current folder)");
  acc->callback([ac, &exit_code] { exit_code = run_translations_accept(ac->first, ac->second); });
}

}  // namespace carnet::cli
