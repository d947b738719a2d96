#include <catch2/catch.hpp>

#include <algorithm>

#include "base/fold.hpp"

using namespace carnet;

TEST_CASE("fold: case, accents and spaces", "[base][fold]") {
  CHECK(base::fold_name("  Équipe  Été ") == "equipe ete");
  CHECK(base::fold_name("CLSC de Lachine") == base::fold_name("clsc de lachine"));
  CHECK(base::fold_name("Maison d'Haïti") == "maison d'haiti");
  CHECK(base::fold_loose("C.L.S.C. de l'Est") == "clscdelest");
  CHECK(base::fold_loose("Table-de quartier") == base::fold_loose("table de Quartier."));
}

TEST_CASE("fold: names sort as in a French dictionary, not by bytes", "[base][fold]") {
  std::vector<std::string> names = {"Entraide", "école", "Zone", "Éducation", "Abri", "eau"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return base::name_sort_key(a) < base::name_sort_key(b);
  });
  CHECK(names == std::vector<std::string>{"Abri", "eau", "école", "Éducation", "Entraide", "Zone"});
  // A name before its longer forms; distinct names never tie.
  CHECK(base::name_sort_key("Table") < base::name_sort_key("Table de quartier"));
  CHECK(base::name_sort_key("cote") != base::name_sort_key("côte"));
}
