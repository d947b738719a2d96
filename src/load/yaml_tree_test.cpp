#include "load/yaml_tree.hpp"

#include <catch2/catch.hpp>

using carnet::load::yaml::Node;
using carnet::load::yaml::parse;
using carnet::load::yaml::Style;

namespace {

Node root_of(const std::string& text) {
  auto p = parse(text);
  REQUIRE_FALSE(p.error);
  REQUIRE_FALSE(p.second_document);
  return p.root;
}

}  // namespace

TEST_CASE("yaml tree: maps, lists and lookups", "[load][yaml]") {
  const Node root = root_of("title: Plan\nlevels: [Axe, Objectif]\nsections:\n  - id: o1\n");
  REQUIRE(root.is_map());
  CHECK(root.size() == 3);
  CHECK(root["title"].scalar() == "Plan");
  CHECK(root["levels"].is_sequence());
  CHECK(root["levels"].style() == Style::flow);
  CHECK(root["sections"].style() == Style::block);
  CHECK(root["levels"][1].scalar() == "Objectif");
  CHECK(root["sections"][0]["id"].scalar() == "o1");
  // What is not there is undefined, never an error.
  CHECK_FALSE(root["missing"].is_defined());
  CHECK_FALSE(root["levels"][2].is_defined());
  CHECK_FALSE(root["title"]["x"].is_defined());
  CHECK_FALSE(root["missing"]["deeper"][0].is_defined());
  std::vector<std::string> keys;
  for (const auto& kv : root) keys.push_back(kv.first.scalar());
  CHECK(keys == std::vector<std::string>{"title", "levels", "sections"});
  std::vector<std::string> items;
  for (const auto& item : root["levels"]) items.push_back(item.scalar());
  CHECK(items == std::vector<std::string>{"Axe", "Objectif"});
}

TEST_CASE("yaml tree: a key given twice keeps both entries, lookups find the first",
          "[load][yaml]") {
  const Node root = root_of("a: 1\nb: 2\na: 3\n");
  CHECK(root.size() == 3);  // the readers report the second "a"
  CHECK(root["a"].scalar() == "1");
}

TEST_CASE("yaml tree: null is a plain empty, ~ or null; quoted it is a text", "[load][yaml]") {
  const Node root = root_of("a:\nb: ~\nc: null\nd: NULL\ne: \"null\"\nf: ''\ng: nil\n");
  CHECK(root["a"].is_null());
  CHECK(root["b"].is_null());
  CHECK(root["c"].is_null());
  CHECK(root["d"].is_null());
  CHECK(root["e"].is_scalar());
  CHECK(root["e"].scalar() == "null");
  CHECK(root["f"].is_scalar());
  CHECK(root["f"].scalar().empty());
  CHECK(root["g"].scalar() == "nil");
  CHECK(root["a"].as_string() == "null");
  CHECK(root["a"].scalar().empty());
  CHECK(root_of("").is_null());
  CHECK(root_of("# only a comment\n").is_null());
}

TEST_CASE("yaml tree: texts as strings, with a fallback or an exception", "[load][yaml]") {
  const Node root = root_of("n: 12\nm: {x: 1}\n");
  CHECK(root["n"].as_string() == "12");
  CHECK(root["m"].as_string("fallback") == "fallback");
  CHECK_THROWS_AS(root["m"].as_string(), carnet::load::yaml::Exception);
  CHECK_THROWS_AS(root["none"].as_string(), carnet::load::yaml::Exception);
}

TEST_CASE("yaml tree: marks are 0-based and in bytes", "[load][yaml]") {
  // libyaml counts characters: "é" is one character but two bytes.
  const Node root = root_of("é: \"àb\"\nk:\n  - x\n");
  const auto value = root["é"];
  CHECK(value.scalar() == "àb");
  CHECK(value.mark().pos == 4);
  CHECK(value.mark().line == 0);
  CHECK(value.mark().column == 4);
  const auto list = root["k"];
  CHECK(list.mark().line == 2);
  CHECK(list.mark().column == 2);
  const auto item = list[0];
  CHECK(item.mark().pos == 17);
  CHECK(item.mark().column == 4);
  CHECK(Node().mark().is_null());
}

TEST_CASE("yaml tree: a byte order mark is read past; offsets count it", "[load][yaml]") {
  const Node root = root_of("\xEF\xBB\xBFtitle: x\nb: y\n");
  CHECK(root["title"].scalar() == "x");
  CHECK(root["title"].mark().pos == 10);
  CHECK(root["title"].mark().column == 7);
  CHECK(root["b"].mark().line == 1);
}

TEST_CASE("yaml tree: aliases share their anchor's node; a loop or an unknown name is an error",
          "[load][yaml]") {
  const Node root = root_of("base: &b {fr: Oui, en: Yes}\ncopy: *b\n");
  CHECK(root["copy"]["en"].scalar() == "Yes");
  auto unknown = parse("a: *nowhere\n");
  REQUIRE(unknown.error);
  CHECK(unknown.error->problem.find("*nowhere") != std::string::npos);
  CHECK(unknown.error->mark.column == 3);
  // An alias inside its own anchor would make a tree that never ends.
  auto loop = parse("a: &x [1, *x]\n");
  REQUIRE(loop.error);
  CHECK(loop.error->problem.find("*x") != std::string::npos);
}

TEST_CASE("yaml tree: where a second document starts", "[load][yaml]") {
  auto p = parse("a: 1\n---\nb: 2\n");
  REQUIRE(p.second_document);
  CHECK(p.second_document->line == 2);
  CHECK(p.root["a"].scalar() == "1");
  auto empty = parse("a: 1\n---\n");
  REQUIRE(empty.second_document);
  CHECK(empty.second_document->line == 1);  // its --- line
  CHECK_FALSE(parse("---\na: 1\n...\n").second_document);
}

TEST_CASE("yaml tree: a syntax error gives libyaml's problem, context and place", "[load][yaml]") {
  auto p = parse("title: Plan\nlevels: [Axe\nsummary: x\n");
  REQUIRE(p.error);
  CHECK(p.error->problem == "did not find expected ',' or ']'");
  CHECK(p.error->context == "while parsing a flow sequence");
  CHECK(p.error->context_mark.line == 1);
  CHECK(p.error->context_mark.column == 8);
  CHECK_FALSE(p.root.is_defined());
}

TEST_CASE("yaml tree: nesting past the limit is an error where it passes it", "[load][yaml]") {
  using carnet::load::yaml::max_depth;
  CHECK_FALSE(
      parse("a: " + std::string(max_depth - 1, '[') + std::string(max_depth - 1, ']')).error);
  auto deep = parse("a: " + std::string(200'000, '[') + std::string(200'000, ']'));
  REQUIRE(deep.error);
  CHECK(deep.error->problem ==
        "lists and maps nested more than 1000 levels deep; Carnet reads at "
        "most 1000");
  CHECK(deep.error->mark.column == static_cast<int>(3 + max_depth - 1));
}

TEST_CASE("yaml tree: aliases that would make a walk without end are an error", "[load][yaml]") {
  // Ten aliases of ten aliases, eight times over: 10^9 values from 700 bytes.
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  auto p = parse(text);
  REQUIRE(p.error);
  CHECK(p.error->problem.find("the aliases (*name) in this value repeat so much") !=
        std::string::npos);
  CHECK(p.error->mark.line == 6);  // a6: 10^7 values, the first past the limit
  // A few aliases are fine.
  CHECK_FALSE(parse("a: &a [1, 2]\nb: [*a, *a, *a]\n").error);
}
