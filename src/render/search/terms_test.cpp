#include <catch2/catch.hpp>

#include "render/search/terms.hpp"

using namespace carnet::render::search;
using V = std::vector<std::string>;

TEST_CASE("search terms: words are runs of letters and digits, lowercase", "[search]") {
  CHECK(words("L'École du quartier, 2021-2023!") ==
        V{"l", "école", "du", "quartier", "2021", "2023"});
  CHECK(words("mise en œuvre — « comment »") == V{"mise", "en", "œuvre", "comment"});
  CHECK(words("") == V{});
  // Decomposed input (e + combining acute) is one word, as in NFC.
  CHECK(words("e\xcc\x81"
              "cole") == V{"école"});
  CHECK(words(std::string("\xff\xfe", 2)).empty());
}

TEST_CASE("search terms: folding drops accents and case", "[search]") {
  CHECK(fold("École") == "ecole");
  CHECK(fold("PRÉVENTION") == "prevention");
  CHECK(fold("naïve") == "naive");
  CHECK(fold("ça") == "ca");
}

TEST_CASE("search terms: French stems meet across forms and accents", "[search]") {
  Analyzer fr("fr");
  CHECK(fr.term("école") == fr.term("ecole"));
  CHECK(fr.term("école") == "ecol");
  CHECK(fr.term("financement") == fr.term("financer"));
  CHECK(fr.term("logements") == fr.term("logement"));
  CHECK(fr.terms("Les écoles du quartier") == V{"le", "ecol", "du", "quarti"});
}

TEST_CASE("search terms: English stems; other languages are only folded", "[search]") {
  Analyzer en("en");
  CHECK(en.term("housing") == en.term("houses"));
  CHECK(en.term("organisations") == "organis");
  Analyzer xx("xx");
  CHECK(xx.term("cafés") == "cafes");
  // A word of one letter is not a term.
  CHECK(en.terms("a plan") == V{"plan"});
}

TEST_CASE("search terms: for_each_word gives the runs of words() as written", "[search]") {
  auto collect = [](std::string_view text) {
    std::vector<std::string> out;
    carnet::render::search::for_each_word(text, [&](std::string_view w) { out.emplace_back(w); });
    return out;
  };
  CHECK(collect("L'école, 2024 — Été!") == std::vector<std::string>{"L", "école", "2024", "Été"});
  CHECK(collect("").empty());
  // A byte that starts no character separates words rather than end the
  // text or be read past its end.
  CHECK(collect("ab\xff"
                "cd") == std::vector<std::string>{"ab", "cd"});
  CHECK(collect("ab \xc3") == std::vector<std::string>{"ab"});
  // Random texts of letters, digits, accented and other scripts' letters,
  // marks, punctuation and spaces: the runs, lowercased, are words()'s.
  const std::vector<std::string> pieces = {"a", "Z",  "9", " ",  ",", "é",        "É", "’",
                                           "-", "\n", "ß", "日", "e", "\xcc\x81", "œ", "!"};
  uint32_t seed = 12345;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int i = 0; i < 30; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text += pieces[(seed >> 16) % pieces.size()];
    }
    std::vector<std::string> lowered;
    for (const auto& run : collect(text))
      for (auto& w : carnet::render::search::words(run)) lowered.push_back(std::move(w));
    INFO(text);
    CHECK(lowered == carnet::render::search::words(text));
  }
}
