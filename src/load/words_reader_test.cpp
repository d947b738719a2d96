#include "load/words_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

using namespace carnet;
namespace fs = std::filesystem;

namespace {

const std::map<std::string, load::WordsFile> theme = {
    {"fr",
     {"home: \"Accueil\"\nstatus_in_progress: \"En cours\"\ncolon: \" : \"\n",
      "(built-in theme) i18n/fr.yaml"}},
    {"en",
     {"home: \"Home\"\nstatus_in_progress: \"In progress\"\ncolon: \": \"\nonly_en: "
      "\"Only\"\nlang_name: \"English\"\n",
      "(built-in theme) i18n/en.yaml"}},
};

std::vector<std::string> messages(const base::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

}  // namespace

TEST_CASE("words: the site's i18n/ overrides the theme key by key", "[words]") {
  base::Diagnostics diags;
  auto words =
      load::build_words(theme, {{"fr", {"status_in_progress: \"En marche\"\n", "i18n/fr.yaml"}}},
                        {"fr", "en"}, diags);
  CHECK(messages(diags).empty());
  CHECK(words.get("fr", "status_in_progress") == "En marche");
  CHECK(words.get("fr", "home") == "Accueil");
  CHECK(words.get("fr", "colon") == " : ");
  CHECK(words.get("en", "status_in_progress") == "In progress");
  // A word the language's file lacks is the English one, not a bare key.
  CHECK(words.get("fr", "only_en") == "Only");
  CHECK(words.get("fr", "nowhere") == "nowhere");
}

TEST_CASE("words: mistakes in a words file are reported at their position", "[words]") {
  base::Diagnostics diags;
  load::build_words(theme,
                    {{"fr",
                      {"# ours\nstatut_in_progress: \"x\"\nhome: {a: b}\ncolon:\nhome: \"y\"\n"
                       "zzz: \"z\"\n",
                       "i18n/fr.yaml"}},
                     {"en", {"home: \"Home\n", "i18n/en.yaml"}}},
                    {"fr", "en"}, diags);
  CHECK(messages(diags) ==
        std::vector<std::string>{
            "i18n/en.yaml:1:7: error: this text opens with \" but never closes it: add the "
            "closing \" at the end of the text",
            "i18n/fr.yaml:2:1: error: unknown word \"statut_in_progress\": the theme has no "
            "such key (did you mean \"status_in_progress\"?)",
            "i18n/fr.yaml:3:7: error: the word \"home\" must be a text, not a map",
            "i18n/fr.yaml:4:1: error: the word \"colon\" has no text (write colon: \"\" to leave "
            "it empty)",
            "i18n/fr.yaml:5:1: error: the word \"home\" is given twice",
            "i18n/fr.yaml:6:1: error: unknown word \"zzz\": the theme has no such key",
        });
}

TEST_CASE("words: a words file must be a map of texts, in UTF-8, without tabs", "[words]") {
  base::Diagnostics diags;
  load::build_words(theme,
                    {{"fr", {"- home\n- top\n", "i18n/fr.yaml"}},
                     {"en", {"home: \"Home\"\n\ttop: \"Top\"\n", "i18n/en.yaml"}}},
                    {"fr", "en"}, diags);
  auto got = messages(diags);
  REQUIRE(got.size() == 2);
  CHECK(got[0] ==
        "i18n/en.yaml:2:1: error: tab character: YAML must be indented with spaces, "
        "not tabs");
  CHECK(got[1] ==
        "i18n/fr.yaml:1:1: error: a words file is a list of lines `key: \"word\"`, "
        "not a list");

  base::Diagnostics latin1;
  load::build_words(theme, {{"fr", {"home: \"Pr\xE9\"\n", "i18n/fr.yaml"}}}, {"fr"}, latin1);
  CHECK(messages(latin1) ==
        std::vector<std::string>{
            "i18n/fr.yaml:1:10: error: this file is not UTF-8; save it as UTF-8"});
}

TEST_CASE("words: a language without theme words falls back to English, with a warning",
          "[words]") {
  base::Diagnostics diags;
  auto words = load::build_words(theme, {}, {"fr", "es"}, diags);
  CHECK(words.get("es", "home") == "Home");
  CHECK(words.get("es", "lang_name") == "es");  // not "English"
  CHECK(messages(diags) ==
        std::vector<std::string>{"carnet.yaml: warning: the theme has no words in \"es\": 4 of "
                                 "its words show in English (translate them in i18n/es.yaml)"});

  // Translated by the site, word for word: nothing shows in English.
  base::Diagnostics translated;
  words = load::build_words(
      theme,
      {{"es",
        {"home: \"Inicio\"\nstatus_in_progress: \"En curso\"\ncolon: \": \"\nonly_en: \"Solo\"\n",
         "i18n/es.yaml"}}},
      {"es"}, translated);
  CHECK(messages(translated).empty());
  CHECK(words.get("es", "home") == "Inicio");

  // A file for a language the site does not have is not used.
  base::Diagnostics extra;
  load::build_words(theme, {{"de", {"home: \"Startseite\"\n", "i18n/de.yaml"}}}, {"fr", "en"},
                    extra);
  CHECK(messages(extra) ==
        std::vector<std::string>{"i18n/de.yaml: warning: \"de\" is not one of the site's "
                                 "languages (fr, en); these words are not used"});
}

TEST_CASE("words: the built-in theme has every word in French and English", "[words]") {
  base::Diagnostics diags;
  auto words = load::read_words({}, {"fr", "en"}, diags);
  CHECK(messages(diags).empty());
  std::set<std::string> fr, en;
  for (const auto& [key, word] : words.by_lang.at("fr")) fr.insert(key);
  for (const auto& [key, word] : words.by_lang.at("en")) en.insert(key);
  CHECK(fr == en);
  // Read as written: the French percent keeps its narrow no-break space.
  CHECK(words.format("fr", "percent", "40") == "40\u202F%");
  CHECK(words.format("en", "percent", "40") == "40%");
  CHECK(words.get("fr", "colon") == "\u00A0: ");  // no line break before the colon
  for (const char* key : {"booklet_contents", "booklet_summary", "booklet_progress",
                          "booklet_notes", "status_in_progress", "field_due", "due_tbd"})
    CHECK(en.count(key) == 1);
}

TEST_CASE("words: read from the site's folders on disk", "[words]") {
  const fs::path root =
      fs::temp_directory_path() / ("carnet-words-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  auto write = [&](const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  };
  // A site's copy of the theme's file replaces it whole; i18n/ changes words.
  write("themes/default/i18n/fr.yaml", "home: \"Maison\"\nstatus_done: \"Faite\"\n");
  write("i18n/fr.yaml", "status_done: \"Terminée\"\n");
  write("i18n/notes.txt", "not a words file");
  base::Diagnostics diags;
  auto words = load::read_words(root, {"fr", "en"}, diags);
  fs::remove_all(root);
  CHECK(messages(diags).empty());
  CHECK(words.get("fr", "home") == "Maison");
  CHECK(words.get("fr", "status_done") == "Terminée");
  CHECK(words.get("fr", "skip_to_content") == "Skip to content");  // English beneath
  CHECK(words.get("en", "status_done") == "Done");
}

TEST_CASE("words: a site's copy of the theme's words made before new words still gets them",
          "[words]") {
  const fs::path root =
      fs::temp_directory_path() / ("carnet-words-old-copy-" + std::to_string(::getpid()));
  fs::remove_all(root);
  auto write = [&](const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  };
  // Both languages copied, neither with the tracking words.
  write("themes/default/i18n/fr.yaml", "home: \"Maison\"\n");
  write("themes/default/i18n/en.yaml", "home: \"House\"\n");
  base::Diagnostics diags;
  auto words = load::read_words(root, {"fr", "en"}, diags);
  fs::remove_all(root);
  CHECK(words.get("fr", "home") == "Maison");
  CHECK(words.get("en", "home") == "House");
  CHECK(words.get("fr", "tracking_late") == "Late");  // not the key "tracking_late"
  CHECK(words.get("en", "tracking_late") == "Late");
}
