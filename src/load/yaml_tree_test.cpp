#include "load/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

using carnet::load::yaml::Node;
using carnet::load::yaml::parse;
using carnet::load::yaml::Style;

namespace {

// Calls f on `node` and every node under it, as iterating reaches them (a
// map's key before its value, aliases followed).
void each_node(const Node& node, const std::function<void(const Node&)>& f) {
  f(node);
  if (node.is_sequence())
    for (const auto& item : node) each_node(item, f);
  if (node.is_map())
    for (const auto& kv : node) {
      each_node(kv.first, f);
      each_node(kv.second, f);
    }
}

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

TEST_CASE("yaml tree: every scalar in the order iterating reaches it, aliases followed",
          "[load][yaml]") {
  const Node root = root_of("a: &x \"v\"\nb: *x\nc: [1, {d: e}, ~]\nf: &y [g, h]\ni: *y\n");
  std::vector<std::string> by_walk;
  root.for_each_scalar(
      [&](const std::string& text, const carnet::load::yaml::Mark&) { by_walk.push_back(text); });
  // The same walk with iterators, as escaped_controls_ok made it before.
  std::vector<std::string> by_iterators;
  each_node(root, [&](const Node& n) {
    if (n.is_scalar()) by_iterators.push_back(n.scalar());
  });
  CHECK(by_walk == std::vector<std::string>{"a", "v", "b", "v", "c", "1", "d", "e", "f", "g", "h",
                                            "i", "g", "h"});
  CHECK(by_walk == by_iterators);
  // Marks are the scalars' own (an alias's is its anchor's node).
  std::vector<int> lines;
  root.for_each_scalar(
      [&](const std::string&, const carnet::load::yaml::Mark& m) { lines.push_back(m.line); });
  CHECK(lines.front() == 0);
  CHECK(lines[3] == 0);  // "v" through *x
}

TEST_CASE("yaml tree: every node's mark is at its line, column bytes from the line's start",
          "[load][yaml]") {
  // Random documents of block and flow maps and lists, many nodes to a
  // line, texts of one and more bytes a character: each mark's byte offset
  // must be on its line, `column` bytes after the line's first byte.
  const char* words[] = {"a", "é", "€x", "mot", "ça va", "\"q é\"", "'s'"};
  std::mt19937 rng(5);
  int checked = 0;
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (int k = 0, keys = 1 + static_cast<int>(rng() % 6); k < keys; ++k) {
      text += "k" + std::to_string(k) + ": ";
      switch (rng() % 3) {
        case 0:
          text += words[rng() % std::size(words)];
          text += "\n";
          break;
        case 1:
          text += "{fr: " + std::string(words[rng() % std::size(words)]) +
                  ", en: " + words[rng() % std::size(words)] + "}\n";
          break;
        default:
          text += "\n";
          for (int i = 0, items = 1 + static_cast<int>(rng() % 3); i < items; ++i)
            text += "  - [" + std::string(words[rng() % std::size(words)]) + ", " +
                    words[rng() % std::size(words)] + "]\n";
      }
    }
    const auto parsed = carnet::load::yaml::parse(text);
    REQUIRE_FALSE(parsed.error);
    each_node(parsed.root, [&](const Node& node) {
      const auto m = node.mark();
      const int line_start = m.pos - m.column;
      INFO(text << "@" << m.pos);
      REQUIRE(line_start >= 0);
      CHECK((line_start == 0 || text[static_cast<size_t>(line_start) - 1] == '\n'));
      CHECK(std::count(text.begin(), text.begin() + m.pos, '\n') == m.line);
      CHECK(std::count(text.begin(), text.begin() + line_start, '\n') == m.line);
      ++checked;
    });
  }
  CHECK(checked > 3000);
}
