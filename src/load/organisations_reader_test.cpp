#include <catch2/catch.hpp>

#include "load/organisations_reader.hpp"

using namespace carnet;

namespace {
const std::vector<std::string> langs = {"fr", "en"};

std::vector<std::string> errors_of(const std::string& yaml) {
  base::Diagnostics d;
  load::read_organisations(yaml, "content/organisations.yaml", langs, d);
  std::vector<std::string> out;
  for (const auto& e : d.sorted()) out.push_back(e.format());
  return out;
}
}  // namespace

TEST_CASE("organisations: entries are read", "[load][organisations]") {
  base::Diagnostics d;
  auto orgs = load::read_organisations(R"(- id: clsc
  name: {fr: "CLSC de Lachine", en: "Lachine CLSC"}
  short: CLSC
  aliases: ["C.L.S.C.", "CLSC Lachine"]
  website: https://example.org
- name: "Table de quartier"
)",
                                       "content/organisations.yaml", langs, d);
  CHECK(d.empty());
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].id == "clsc");
  CHECK(orgs[0].name.get("en", "fr") == "Lachine CLSC");
  CHECK(orgs[0].short_name.get("fr", "fr") == "CLSC");
  CHECK(orgs[0].aliases == std::vector<std::string>{"C.L.S.C.", "CLSC Lachine"});
  CHECK(orgs[0].alias_pos[1].line == 4);
  CHECK(orgs[0].alias_pos[1].column == 25);
  CHECK(orgs[0].website == "https://example.org");
  CHECK(orgs[1].id == "table-de-quartier");  // made from the name
}

TEST_CASE("organisations: an empty file is no organisation", "[load][organisations]") {
  CHECK(errors_of("").empty());
  CHECK(errors_of("# nothing yet\n").empty());
}

TEST_CASE("organisations: every error at once, with its position", "[load][organisations]") {
  CHECK(errors_of(R"(- name: A
  websit: https://a.org
- name: B
  website: www.b.org
- short: C
- name: D
  aliases: E
- name: F
  aliases: [{x: 1}]
- name: G
  id: "G G"
- just a name
)") == std::vector<std::string>{
           "content/organisations.yaml:2:3: error: unknown organisation field \"websit\" (did you "
           "mean \"website\"?)",
           "content/organisations.yaml:4:12: error: website: expected an address starting with "
           "https:// or http://, not \"www.b.org\"",
           "content/organisations.yaml:5:3: error: an organisation needs a name: add `name: ...`",
           "content/organisations.yaml:7:12: error: aliases: expected a list of names such as "
           "[\"CLSC\", \"C.L.S.C.\"]",
           "content/organisations.yaml:9:13: error: aliases: expected a text, not a map",
           "content/organisations.yaml:11:7: error: id: expected lowercase letters, digits and "
           "hyphens such as \"clsc-lachine\", not \"G G\"",
           "content/organisations.yaml:12:3: error: an organisation: expected {name: ..., short: "
           "..., aliases: [...], website: ...}",
       });
}

TEST_CASE("organisations: one spelling names one organisation", "[load][organisations]") {
  CHECK(errors_of(R"(- name: {fr: "Table de quartier", en: "Table de quartier"}
  aliases: [TQ]
- name: "CLSC"
  aliases: ["tq", "Table de Quartier"]
- name: "Clsc"
  id: autre
- name: X
  id: autre
)") == std::vector<std::string>{
           "content/organisations.yaml:4:13: error: \"tq\" names two organisations (also \"TQ\" at "
           "line 2)",
           "content/organisations.yaml:4:19: error: \"Table de Quartier\" names two organisations "
           "(also \"Table de quartier\" at line 1)",
           "content/organisations.yaml:5:9: error: \"Clsc\" names two organisations (also \"CLSC\" "
           "at line 3)",
           "content/organisations.yaml:8:7: error: two organisations have the id \"autre\" (also "
           "line 5); add or change `id: ...`",
       });
}

TEST_CASE("organisations: not a list", "[load][organisations]") {
  CHECK(errors_of("name: A\n") ==
        std::vector<std::string>{"content/organisations.yaml:1:1: error: expected a list of "
                                 "organisations such as `- {name: \"CLSC de Lachine\", aliases: "
                                 "[CLSC]}`"});
}
