#include "load/words_reader.hpp"

#include <algorithm>
#include <set>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

namespace fs = std::filesystem;

namespace {

// The language's own name and locale: a language the theme has no file for
// gets its code ("es") for these, not the English ones.
constexpr const char* naming_words[] = {"lang_name", "og_locale"};

struct Entry {
  std::string key, value;
  base::SourcePos pos;  // the key's
};

// The words of one file, in file order; every fault is reported and the
// faulty entry left out, so that one bad line does not hide the others.
std::vector<Entry> read_entries(const WordsFile& file, base::Diagnostics& diags) {
  if (auto bad = base::find_invalid_utf8(file.text)) {
    auto lc = base::line_column_at(file.text, *bad);
    diags.error({file.path, lc.line, lc.column}, "this file is not UTF-8; save it as UTF-8");
    return {};
  }
  YamlSource src{file.path, 0, nullptr, file.text};
  auto root = parse_yaml(file.text, src, diags);
  if (!root || root->is_null()) return {};  // an empty file (or comments only) has no words
  if (!root->is_map()) {
    diags.error(src.pos(*root),
                std::string("a words file is a list of lines `key: \"word\"`, not a ") +
                    (root->is_sequence() ? "list" : "text"));
    return {};
  }
  std::vector<Entry> out;
  std::set<std::string> seen;
  for (const auto& kv : *root) {
    if (!kv.first.is_scalar()) {
      diags.error(src.pos(kv.first), "a word's key must be a name such as `home`");
      continue;
    }
    const std::string key = kv.first.scalar();
    if (!seen.insert(key).second) {
      diags.error(src.pos(kv.first), "the word " + quote(key) + " is given twice");
      continue;
    }
    const yaml::Node& value = kv.second;
    if (value.is_scalar()) {
      out.push_back({key, value.scalar(), src.pos(kv.first)});
    } else if (value.is_null()) {
      diags.error(src.pos(kv.first), "the word " + quote(key) + " has no text (write " + key +
                                         ": \"\" to leave it empty)");
    } else {
      diags.error(src.pos(value), "the word " + quote(key) + " must be a text, not a " +
                                      (value.is_map() ? "map" : "list"));
    }
  }
  return out;
}

bool is_words_file(const std::string& rel) {
  return rel.find('/') == std::string::npos && rel.size() > 5 &&
         rel.compare(rel.size() - 5, 5, ".yaml") == 0;
}

// The words files of a folder, by language ("fr.yaml" → "fr").
void read_folder(const fs::path& dir, const std::string& rel_dir,
                 std::map<std::string, WordsFile>& out, base::Diagnostics& diags) {
  try {
    for (const auto& rel : base::list_files(dir)) {
      if (!is_words_file(rel)) continue;
      const std::string path = rel_dir + rel;
      try {
        out[rel.substr(0, rel.size() - 5)] = {base::read_file(dir / rel), path};
      } catch (const base::SystemError& e) {
        diags.error({path, 0, 0}, e.what());
      }
    }
  } catch (const base::SystemError& e) {
    diags.error({rel_dir, 0, 0}, e.what());
  }
}

}  // namespace

model::Words build_words(const std::map<std::string, WordsFile>& theme,
                         const std::map<std::string, WordsFile>& site,
                         const std::vector<std::string>& languages, base::Diagnostics& diags,
                         const std::map<std::string, WordsFile>* built_in) {
  // Each file is read once, even when several languages fall back on it.
  std::map<std::string, std::vector<Entry>> theme_entries;
  auto theme_words = [&](const std::string& lang) -> const std::vector<Entry>* {
    auto file = theme.find(lang);
    if (file == theme.end()) return nullptr;
    auto [it, fresh] = theme_entries.try_emplace(lang);
    if (fresh) it->second = read_entries(file->second, diags);
    return &it->second;
  };

  model::Words words;
  for (const auto& lang : languages) {
    auto& table = words.by_lang[lang];
    // The built-in English words first, under a site's own copy of the
    // theme's (which may predate words Carnet has learnt since).
    if (built_in)
      if (auto file = built_in->find("en"); file != built_in->end())
        for (const auto& e : read_entries(file->second, diags)) table[e.key] = e.value;
    // English under every language: a theme that lacks a word in one
    // language shows the English word rather than a bare key.
    if (const auto* en = theme_words("en"))
      for (const auto& e : *en) table[e.key] = e.value;
    const auto* own = theme_words(lang);
    if (own) {
      for (const auto& e : *own) table[e.key] = e.value;
    } else if (lang != "en") {
      // Words that name the language itself would lie in English: the
      // language switch would offer "English" for Spanish.
      for (const char* key : naming_words)
        if (table.count(key)) table[key] = lang;
    }

    std::set<std::string> overridden;
    if (auto file = site.find(lang); file != site.end()) {
      std::vector<std::string> known;
      for (const auto& [key, word] : table) known.push_back(key);
      for (auto& e : read_entries(file->second, diags)) {
        auto it = table.find(e.key);
        if (it == table.end()) {
          std::string message = "unknown word " + quote(e.key) + ": the theme has no such key";
          if (auto guess = base::closest_match(e.key, known); !guess.empty())
            message += " (did you mean " + quote(guess) + "?)";
          diags.error(e.pos, message);
          continue;
        }
        it->second = std::move(e.value);
        overridden.insert(e.key);
      }
    }

    if (!own && lang != "en") {
      size_t english = 0;
      for (const auto& [key, word] : table)
        english += overridden.count(key) == 0 &&
                   std::find(std::begin(naming_words), std::end(naming_words), key) ==
                       std::end(naming_words);
      if (english > 0)
        diags.warning({"carnet.yaml", 0, 0},
                      "the theme has no words in " + quote(lang) + ": " + std::to_string(english) +
                          " of its words show in English (translate them in i18n/" + lang +
                          ".yaml)");
    }
  }

  for (const auto& [lang, file] : site)
    if (std::find(languages.begin(), languages.end(), lang) == languages.end())
      diags.warning({file.path, 0, 0}, quote(lang) + " is not one of the site's languages (" +
                                           base::join(languages, ", ") +
                                           "); these words are not used");
  return words;
}

model::Words read_words(const fs::path& root, const std::vector<std::string>& languages,
                        base::Diagnostics& diags) {
  std::map<std::string, WordsFile> built_in, theme, site;
  for (const auto& [name, bytes] : embedded_words())
    if (is_words_file(name))
      built_in[name.substr(0, name.size() - 5)] = {bytes, "(built-in theme) i18n/" + name};
  theme = built_in;
  if (!root.empty()) {
    // A site's own copy of the theme replaces a built-in file whole, as the
    // theme's other files do; i18n/ changes single words.
    read_folder(root / "themes" / "default" / "i18n", "themes/default/i18n/", theme, diags);
    read_folder(root / "i18n", "i18n/", site, diags);
  }
  return build_words(theme, site, languages, diags, &built_in);
}

}  // namespace carnet::load
