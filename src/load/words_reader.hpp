// The words of every site language (model::Site::words), read once for every
// output: the theme's i18n/LANG.yaml (built in, or the site's own
// themes/default/i18n/LANG.yaml replacing it whole), under English words for
// any key the language lacks, then the site's i18n/LANG.yaml overriding key
// by key. A site override may only name words the theme has, so a misspelt
// key is an error rather than a word that silently never shows.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/words.hpp"

namespace carnet::load {

// The built-in theme's words (themes/default/i18n), compiled into the binary:
// "fr.yaml" → bytes.
const std::map<std::string, std::string>& embedded_words();

// Reads the words of `languages` for the site at `root` (the built-in theme's
// alone when `root` is empty). Errors and warnings go to `diags`, with paths
// relative to the site.
model::Words read_words(const std::filesystem::path& root,
                        const std::vector<std::string>& languages, base::Diagnostics& diags);

// Same, from given files; for tests and read_words.
struct WordsFile {
  std::string text;
  std::string path;  // for messages: "i18n/fr.yaml", "(built-in theme) i18n/fr.yaml"
};
// `theme` and `site` map a language ("fr") to its file.
// `built_in`, when given, lies under `theme`: a site's own copy of the
// theme's words made before Carnet learnt new ones still gets those.
model::Words build_words(const std::map<std::string, WordsFile>& theme,
                         const std::map<std::string, WordsFile>& site,
                         const std::vector<std::string>& languages, base::Diagnostics& diags,
                         const std::map<std::string, WordsFile>* built_in = nullptr);

}  // namespace carnet::load
