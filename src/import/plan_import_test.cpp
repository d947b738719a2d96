#include "import/plan_import.hpp"

#include <catch2/catch.hpp>

#include "base/fs.hpp"
#include "import/plan_headers.hpp"

using carnet::base::Diagnostics;
using namespace carnet::import;

namespace {
std::vector<std::string> formatted(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}
const std::string fixtures = std::string(CARNET_SOURCE_DIR) + "/tests/fixtures/authoring-import/";
}  // namespace

TEST_CASE("csv plan: headers in French or English, in capitals, with or without accents",
          "[authoring]") {
  CHECK(match_header("ÉCHÉANCIER")->field == "due");
  CHECK(match_header("Echeancier")->field == "due");
  CHECK(match_header("RESPONSABLES")->field == "leads");
  CHECK(match_header("INDICATEURS DE RÉUSSITES")->field == "indicators");
  CHECK(match_header("Success indicators")->field == "indicators");
  CHECK(match_header("MOYENS-ACTIONS")->field == "title");
  CHECK(match_header("Follow-up")->field == "follow_up");
  CHECK(match_header("RESSOURCES")->keep_label);
  CHECK_FALSE(match_header("ORIENTATION"));
  // The plural written "(S)", as in the README's table.
  for (const char* h :
       {"ACTIVITÉ(S)", "MESURE(S)", "ÉCHÉANCE(S)", "RESPONSABLE(S)", "PORTEUR(S)",
        "INDICATEURS DE RÉUSSITE(S)", "SUIVI(S)", "STRATÉGIE(S)", "Responsable(s)"}) {
    INFO(h);
    CHECK(match_header(h));
  }
  CHECK(match_header("RESPONSABLE(S)")->field == "leads");
  CHECK(split_header_language("Action (en)") ==
        std::pair<std::string, std::string>{"Action", "en"});
  CHECK(split_header_language("Titre [anglais]") ==
        std::pair<std::string, std::string>{"Titre", "en"});
  CHECK(split_header_language("Centre (PIC)").second.empty());
  CHECK(year_header("2021 – 2022") == "2021-2022");
  CHECK(year_header("2023") == "2023");
  CHECK_FALSE(year_header("Objectif 2023"));
}

TEST_CASE("csv plan: dates and statuses as people write them", "[authoring]") {
  CHECK(parse_due_cell("31 décembre 2022") == "2022-12-31");
  CHECK(parse_due_cell("1er mars 2023") == "2023-03-01");
  CHECK(parse_due_cell("Mars 2023") == "2023-03");
  CHECK(parse_due_cell("15 août 2024") == "2024-08-15");
  CHECK(parse_due_cell("December 31, 2022") == "2022-12-31");
  CHECK(parse_due_cell("2022-12-31") == "2022-12-31");
  CHECK(parse_due_cell("31/12/2022") == "2022-12-31");
  CHECK(parse_due_cell("En continu") == "ongoing");
  CHECK(parse_due_cell("À déterminer") == "tbd");
  CHECK_FALSE(parse_due_cell("Automne 2021"));
  std::string why;
  CHECK_FALSE(parse_due_cell("31 février 2023", &why));
  CHECK_FALSE(why.empty());
  CHECK(parse_status_cell("En cours") == "in_progress");
  CHECK(parse_status_cell("Réalisé") == "done");
  CHECK(parse_status_cell("cancelled") == "cancelled");
  CHECK_FALSE(parse_status_cell("fini?"));
}

TEST_CASE("csv plan: a table shaped like the Parc-Extension plan", "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  auto yaml = csv_to_plan_yaml(carnet::base::read_file(fixtures + "parc-extension.csv"),
                               "parc-extension.csv", options, diags);
  INFO(carnet::base::read_file(fixtures + "parc-extension.csv"));
  for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
  REQUIRE(yaml);
  CHECK(diags.empty());
  CHECK(*yaml == carnet::base::read_file(fixtures + "parc-extension.plan.yaml"));
}

TEST_CASE("csv plan: bilingual columns, level codes, year grid, statuses and notes",
          "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  auto yaml = csv_to_plan_yaml(
      "Axe;Axe (en);Objectif;Action;Action "
      "(en);Échéance;Statut;Avancement;2021-2022;2022-2023;Notes\n"
      "1. Se loger;1. Housing;Informer;Ateliers;Workshops;2022-12;en cours;40 %;x;;2021-03 : "
      "lancé\n"
      ";;;Guide;;31/12/2022;réalisé;;;X;\n"
      "2. Se nourrir;;;Épicerie;;Automne 2021;;;;;\n",
      "p.csv", options, diags);
  for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
  REQUIRE(yaml);
  CHECK(yaml->find("levels:\n  - fr: \"Axe\"\n    en: \"Axe\"\n  - fr: \"Objectif\"\n") !=
        std::string::npos);
  CHECK(yaml->find("years: [\"2021-2022\", \"2022-2023\"]\n") != std::string::npos);
  CHECK(
      yaml->find("  - code: \"1\"\n    title:\n      fr: \"Se loger\"\n      en: \"Housing\"\n") !=
      std::string::npos);
  CHECK(yaml->find("              fr: \"Ateliers\"\n              en: \"Workshops\"\n            "
                   "due: 2022-12\n"
                   "            years: [\"2021-2022\"]\n            status: in_progress\n          "
                   "  progress: 40\n"
                   "            notes:\n              - date: 2021-03\n") != std::string::npos);
  // The second orientation has no objective: its action sits under it.
  CHECK(yaml->find("    actions:\n      - title:\n          fr: \"Épicerie\"\n        due:\n"
                   "          fr: \"Automne 2021\"\n") != std::string::npos);
}

TEST_CASE("csv plan: every error of the table at once, with its cell", "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  auto yaml = csv_to_plan_yaml(
      "Orientation,Action,Échéancier,Indicatuers,Budget,Statut\n"
      "A,Faire,2022-13-01,x,y,fini\n"
      ",Refaire,,,,\n",
      "plan.csv", options, diags);
  CHECK_FALSE(yaml);
  CHECK(formatted(diags) ==
        std::vector<std::string>{
            "plan.csv:1:31: error: unknown column \"Indicatuers\" (column D; did you mean "
            "\"Indicateurs\"?)",
            "plan.csv:1:43: error: unknown column \"Budget\" (column E); after the levels come "
            "plan fields: ACTION, "
            "DÉTAILS, ÉCHÉANCIER, ANNÉES, RESPONSABLES, PARTENAIRES, RÉSULTATS, INDICATEURS, "
            "SUIVI, STRATÉGIE, "
            "STATUT, AVANCEMENT, NOTES, CODE, ID, or their English names",
            "plan.csv:2:9: error: malformed date \"2022-13-01\": month 13 does not exist",
            "plan.csv:2:24: error: unknown status \"fini\"; write one of: prévu, en cours, "
            "réalisé, reporté, annulé "
            "(or planned, in progress, done, postponed, cancelled)",
        });
}

TEST_CASE("csv plan: a table without levels or an action before any level", "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  CHECK_FALSE(csv_to_plan_yaml("Action;Échéance\nFaire;2022\n", "p.csv", options, diags));
  CHECK(formatted(diags) ==
        std::vector<std::string>{
            "p.csv:1:1: error: the first columns must be the plan's levels, outermost first (e.g. "
            "ORIENTATION;OBJECTIF), before the action columns; use --levels N when a level's "
            "name is also a field's"});
  Diagnostics d2;
  CHECK_FALSE(csv_to_plan_yaml("Axe;Action\n;Faire\n", "p.csv", options, d2));
  CHECK(
      formatted(d2) ==
      std::vector<std::string>{
          "p.csv:2:2: error: this action belongs to no \"Axe\": fill in column A on this row or a "
          "row above"});
}

TEST_CASE("csv plan: --levels makes a field-named column a level", "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  options.level_columns = 2;
  auto yaml = csv_to_plan_yaml("Grand objectif;Stratégie;Activités\nRéussir;Accompagner;Ateliers\n",
                               "p.csv", options, diags);
  REQUIRE(yaml);
  CHECK(yaml->find("levels:\n  - fr: \"Grand objectif\"\n  - fr: \"Stratégie\"\n") !=
        std::string::npos);
}

TEST_CASE("csv plan: a title that starts with a number keeps it when the code column differs",
          "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  const std::string csv =
      "Orientation;Code;Action\n"
      "1. Jardins;1.1;1.1 Ouvrir un jardin\n"
      ";1.2;3. Créer trois jardins\n"
      ";;1.3 Tenir un marché\n";
  auto yaml = csv_to_plan_yaml(csv, "plan.csv", options, diags);
  for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
  REQUIRE(yaml);
  // The same number in both: the title's is a repeated code.
  CHECK(yaml->find("code: \"1.1\"\n        title:\n          fr: \"Ouvrir un jardin\"") !=
        std::string::npos);
  CHECK(yaml->find("code: \"1.2\"\n        title:\n          fr: \"3. Créer trois jardins\"") !=
        std::string::npos);
  CHECK(yaml->find("code: \"1.3\"\n        title:\n          fr: \"Tenir un marché\"") !=
        std::string::npos);
}

TEST_CASE("csv plan: roman numerals and letters are level codes, with a separator", "[authoring]") {
  Diagnostics diags;
  CsvPlanOptions options;
  const std::string csv =
      "Axe;Objectif;Action\n"
      "I. Logement;I.A. Salubrité;Inspecter\n"
      ";B) Jardins;Planter\n"
      "II - Sécurité;X-ray clinics;Soigner\n"
      ";U.S. relations;Parler\n";
  auto yaml = csv_to_plan_yaml(csv, "plan.csv", options, diags);
  for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
  REQUIRE(yaml);
  auto has = [&](const std::string& s) {
    INFO(s);
    CHECK(yaml->find(s) != std::string::npos);
  };
  has("code: \"I\"\n    title:\n      fr: \"Logement\"");
  has("code: \"I.A\"\n        title:\n          fr: \"Salubrité\"");
  has("code: \"B\"\n        title:\n          fr: \"Jardins\"");
  has("code: \"II\"\n    title:\n      fr: \"Sécurité\"");
  // No separator and space after a letter: a title.
  has("title:\n          fr: \"X-ray clinics\"");
  has("title:\n          fr: \"U.S. relations\"");
}

// Issue 13, item 6: std::regex recursed once per character and overflowed
// the stack on a long cell (Excel allows 32,767 characters in one).
TEST_CASE("csv plan: a 30 KB level or notes cell and a 50 KB header cell", "[authoring][harden]") {
  const std::string long_title(30000, 'x');
  const std::string long_note = "2021-03 : " + std::string(30000, 'n');
  {
    Diagnostics diags;
    CsvPlanOptions options;
    auto yaml = csv_to_plan_yaml("Axe;Action;Notes\n1. " + long_title + ";Agir;" + long_note +
                                     "\n;Planter;" + std::string(30000, 'p') + "\n",
                                 "plan.csv", options, diags);
    for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
    REQUIRE(yaml);
    CHECK(yaml->find("code: \"1\"\n    title:\n      fr: \"" + long_title + "\"") !=
          std::string::npos);
    CHECK(yaml->find("- date: 2021-03\n") != std::string::npos);
    CHECK(yaml->find(std::string(30000, 'n')) != std::string::npos);
  }
  {
    Diagnostics diags;
    CsvPlanOptions options;
    const std::string header = "Axe (" + std::string(50000, 'h') + ")";
    auto yaml =
        csv_to_plan_yaml("Axe;" + header + ";Action\n1. A;;Agir\n", "plan.csv", options, diags);
    // Columns before the first field are levels: this one too.
    REQUIRE(yaml);
    CHECK(yaml->find("  - fr: \"" + header + "\"\n") != std::string::npos);
  }
  {
    Diagnostics diags;
    CsvPlanOptions options;
    const std::string header = std::string(50000, '2');
    auto yaml =
        csv_to_plan_yaml("Axe;Action;" + header + "\n1. A;Agir;x\n", "plan.csv", options, diags);
    CHECK_FALSE(yaml);
  }
}

TEST_CASE("csv plan: level codes as split_code always read them", "[authoring][harden]") {
  Diagnostics diags;
  CsvPlanOptions options;
  const std::string csv =
      "Objectif;Sous-objectif;Action\n"
      "Objectif 3 Relocaliser;1.2. Jardins;Planter\n"
      ";1 - Vergers;Tailler\n"
      ";iv) Ruches;Récolter\n"
      "Objectif : Loger;3 ateliers par an;Inspecter\n"
      ";1.1234 Mille;Compter\n"
      ";A: Lettre;Écrire\n"
      ";B- Tiret;Lire\n";
  auto yaml = csv_to_plan_yaml(csv, "plan.csv", options, diags);
  for (const auto& d : formatted(diags)) UNSCOPED_INFO(d);
  REQUIRE(yaml);
  auto has = [&](const std::string& s) {
    INFO(s);
    CHECK(yaml->find(s) != std::string::npos);
  };
  has("code: \"3\"\n    title:\n      fr: \"Relocaliser\"");
  has("code: \"1.2\"\n        title:\n          fr: \"Jardins\"");
  has("code: \"1\"\n        title:\n          fr: \"Vergers\"");
  has("code: \"iv\"\n        title:\n          fr: \"Ruches\"");
  has("  - title:\n      fr: \"Loger\"");
  has("title:\n          fr: \"3 ateliers par an\"");
  // "1" then the separator ".": a code 1 (a fourth digit is not a code's).
  has("code: \"1\"\n        title:\n          fr: \"1234 Mille\"");
  has("code: \"A\"\n        title:\n          fr: \"Lettre\"");
  has("title:\n          fr: \"B- Tiret\"");
}
