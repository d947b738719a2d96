// The browser's stemmers (themes/default/js/stemmers.js, run by node) give
// the stems libstemmer gives at build time, word for word, on the demo's
// vocabulary with the forms around it: a query finds what the index holds.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "render/search/terms.hpp"
#include "wrap/stemmer.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;

namespace {
std::set<std::string> demo_vocabulary() {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(source_dir / "content")) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    for (auto& w : render::search::words(text)) out.insert(w);
  }
  // Forms the demo may not hold, for suffixes the algorithms treat apart.
  for (const char* w :
       {"financement",  "financer",    "financements",   "écoles",         "ecole",   "gouvernance",
        "heureusement", "aménagement", "relocalisation", "généreusement",  "naïveté", "qu'il",
        "hyperbole",    "generously",  "communities",    "organisational", "arsenal", "skies",
        "dying",        "proceed",     "hopping",        "hoping",         "fitted",  "sized",
        "crying",       "abilities"})
    out.insert(w);
  return out;
}
}  // namespace

TEST_CASE("search: the browser's stemmers match libstemmer on the demo's words", "[search][e2e]") {
  const auto vocabulary = demo_vocabulary();
  REQUIRE(vocabulary.size() > 1000);
  const fs::path list = scratch("stemmers") / "words.txt";
  {
    std::ofstream out(list, std::ios::binary);
    for (const auto& w : vocabulary) out << w << '\n';
  }
  for (const char* lang : {"fr", "en"}) {
    wrap::Stemmer stemmer(lang);
    auto r = run_shell("node " + (source_dir / "tests/search/stem_words.mjs").string() + " " +
                       lang + " " + list.string());
    REQUIRE(r.status == 0);
    auto stems = lines_of(r.out);
    REQUIRE(stems.size() == vocabulary.size());
    size_t i = 0, differ = 0;
    for (const auto& w : vocabulary) {
      if (stems[i] != stemmer.stem(w)) {
        ++differ;
        UNSCOPED_INFO(lang << ": " << w << " → libstemmer " << stemmer.stem(w) << ", browser "
                           << stems[i]);
      }
      ++i;
    }
    CHECK(differ == 0);
  }
}
