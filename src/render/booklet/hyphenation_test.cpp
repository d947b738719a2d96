#include "render/booklet/hyphenation.hpp"

#include <catch2/catch.hpp>

using carnet::render::booklet::Hyphenator;

namespace {
std::string shown(const std::string& text, const std::string& lang) {
  std::string out = Hyphenator::for_language(lang).soft_hyphenate(text);
  for (size_t at; (at = out.find("\u00AD")) != std::string::npos;) out.replace(at, 2, "-");
  return out;
}
}  // namespace

TEST_CASE("French words break on syllables, with accents counted as letters", "[booklet]") {
  CHECK(shown("fréquentation", "fr") == "fré-quen-ta-tion");
  CHECK(shown("communautaires", "fr") == "com-mu-nau-taires");
}

TEST_CASE("no fragment under three letters, no short words, no acronyms", "[booklet]") {
  // "organisme" could break as "or-ga-nisme": "or" is too short.
  CHECK(shown("organisme", "fr").rfind("or-", 0) != 0);
  CHECK(shown("table", "fr") == "table");
  CHECK(shown("CSSDM", "fr") == "CSSDM");
  CHECK(shown("l'organisation", "fr").rfind("l'or", 0) == 0);
  for (const auto& w : Hyphenator::for_language("fr").words("développement international")) {
    for (size_t b : w.breaks) {
      CHECK(b - w.start >= 3);
      CHECK(w.end - b >= 3);
    }
  }
}

TEST_CASE("English uses its own patterns", "[booklet]") {
  CHECK(shown("neighbourhood", "en").find('-') != std::string::npos);
  CHECK(shown("organisations", "en") != shown("organisations", "fr"));
}

TEST_CASE("a language without patterns is not hyphenated", "[booklet]") {
  CHECK_FALSE(Hyphenator::for_language("xx").enabled());
  CHECK(shown("extraordinaire", "xx") == "extraordinaire");
}

TEST_CASE("capitalised words are never cut: proper names and the names of bodies", "[booklet]") {
  CHECK(shown("Table de quartier", "fr") == "Table de quartier");
  // Punctuation ends a name, and so does a word straight after a capital.
  CHECK(shown("la Table de quartier. Le quartier", "fr") == "la Table de quartier. Le quar-tier");
  CHECK(shown("Parc-Extension, organisation", "fr") == "Parc-Extension, orga-ni-sa-tion");
  CHECK(shown("Commission scolaire", "fr").rfind("Commission ", 0) == 0);
  CHECK(shown("complexe William-Hingston", "fr") == "com-plexe William-Hingston");
  // A name ends at the first word that does not follow a particle.
  CHECK(shown("Centre communautaire", "fr") == "Centre com-mu-nau-taire");
  CHECK(shown("Neighbourhood", "en") == "Neighbourhood");
  CHECK(shown("neighbourhood", "en") != "neighbourhood");
  CHECK(Hyphenator::for_language("fr").words("Développement Communautaire").empty());
}
