#include "translate/yaml_edit.hpp"

#include <catch2/catch.hpp>

using namespace carnet::translate;
using carnet::base::Diagnostics;
using carnet::model::LocalizedText;

namespace {
LocalizedText text_at(std::map<std::string, std::pair<int, int>> positions, std::pair<int, int> key,
                      std::map<std::string, std::string> values) {
  LocalizedText t;
  t.pos = {"p.yaml", key.first, key.second};
  for (const auto& [lang, lc] : positions) t.lang_pos[lang] = {"p.yaml", lc.first, lc.second};
  t.text = std::move(values);
  return t;
}
std::string edit(const std::string& yaml, const LocalizedText& t, const std::string& value,
                 bool markdown = false) {
  Diagnostics diags;
  auto out = apply_yaml_edits(yaml, "p.yaml", {{&t, "fr", "en", value, markdown}}, diags);
  for (const auto& d : diags.items()) UNSCOPED_INFO(d.format());
  CHECK(diags.empty());
  return out;
}
}  // namespace

TEST_CASE("yaml edit: the extent of plain, quoted and block scalars", "[authoring]") {
  std::string y =
      "a: plain text # c\nb: \"q\\\"x\"\nc: 'it''s'\nd: |\n  one\n\n  two\ne: {fr: x, en: y}\n";
  auto plain = scalar_extent(y, 3);
  CHECK(y.substr(plain.begin, plain.end - plain.begin) == "plain text");
  auto dq = scalar_extent(y, y.find('"'));
  CHECK(y.substr(dq.begin, dq.end - dq.begin) == "\"q\\\"x\"");
  auto sq = scalar_extent(y, y.find('\''));
  CHECK(y.substr(sq.begin, sq.end - sq.begin) == "'it''s'");
  auto block = scalar_extent(y, y.find('|'));
  CHECK(block.block);
  CHECK(y.substr(block.begin, block.end - block.begin) == "|\n  one\n\n  two");
  auto flow = scalar_extent(y, y.find("x,"));
  CHECK(flow.flow);
  CHECK(flow.end - flow.begin == 1);
}

TEST_CASE("yaml edit: add a language beside the others, in every form", "[authoring]") {
  // A block map: a new line at the same indentation, after the comment.
  CHECK(edit("t:\n  fr: \"Oui\"  # c\nn: 1\n", text_at({{"fr", {2, 7}}}, {1, 1}, {{"fr", "Oui"}}),
             "Yes") == "t:\n  fr: \"Oui\"  # c\n  en: \"Yes\"\nn: 1\n");
  // A flow map.
  CHECK(edit("t: {fr: Oui}\n", text_at({{"fr", {1, 9}}}, {1, 1}, {{"fr", "Oui"}}), "Yes") ==
        "t: {fr: Oui, en: \"Yes\"}\n");
  // A plain text becomes a map; a plain scalar is quoted inside { }.
  CHECK(edit("t: Oui, non\n", text_at({{"fr", {1, 4}}}, {1, 1}, {{"fr", "Oui, non"}}), "Yes, no") ==
        "t: {fr: \"Oui, non\", en: \"Yes, no\"}\n");
  // A block on several lines moves under `fr:`, byte for byte.
  CHECK(edit("t: |\n  Un\n\n  Deux\nn: 1\n",
             text_at({{"fr", {1, 4}}}, {1, 1}, {{"fr", "Un\n\nDeux\n"}}), "One\n\nTwo\n",
             true) == "t:\n  fr: |\n    Un\n\n    Deux\n  en: |\n    One\n\n    Two\nn: 1\n");
  // An existing translation is replaced, and nothing else.
  CHECK(edit("t:\n  fr: Oui\n  en: 'Yess'   # typo\n",
             text_at({{"fr", {2, 7}}, {"en", {3, 7}}}, {1, 1}, {{"fr", "Oui"}, {"en", "Yess"}}),
             "Yes") == "t:\n  fr: Oui\n  en: \"Yes\"   # typo\n");
}
