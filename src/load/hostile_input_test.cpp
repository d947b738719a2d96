// Issue 13: inputs from a hostile round that the loaders accepted, or
// reported with a wrong message: control characters, a second YAML
// document, duplicate front matter keys, over-long slugs, impossible times.
#include <catch2/catch.hpp>

#include "load/config_reader.hpp"
#include "load/page_reader.hpp"
#include "load/plan_reader.hpp"

using namespace carnet;

namespace {
const std::vector<std::string> langs = {"fr", "en"};

std::vector<std::string> errors(const base::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}

model::Page blank() {
  model::Page p;
  p.source = "content/p.fr.md";
  p.lang = "fr";
  return p;
}

std::vector<std::string> page_errors(std::string_view text) {
  auto p = blank();
  base::Diagnostics d;
  CHECK_FALSE(load::read_page(text, p, langs, d));
  return errors(d);
}

std::vector<std::string> plan_errors(std::string_view text) {
  base::Diagnostics d;
  load::read_plan(text, "content/p.plan.yaml", langs, d);
  return errors(d);
}

using Lines = std::vector<std::string>;
}  // namespace

TEST_CASE("hostile input: a control character from Word is an error at its place",
          "[load][harden]") {
  CHECK(plan_errors("title: \"Plan\"\nsections:\n  - title: Se\x0bloger\n") ==
        Lines{"content/p.plan.yaml:3:14: error: control character U+000B is not allowed"});
  // Written as a YAML escape: at the text.
  CHECK(page_errors("---\ntitle: \"Bilan\\x01\"\n---\nTexte.\n") ==
        Lines{"content/p.fr.md:2:8: error: control character U+0001 is not allowed (written as "
              "an escape)"});
  // In the Markdown body, raw or as a character reference cmark decodes.
  CHECK(page_errors("---\ntitle: Bilan\n---\nUn \x07son.\n\nEt &#x1B; ou &#8;.\n") ==
        Lines{"content/p.fr.md:4:4: error: control character U+0007 is not allowed",
              "content/p.fr.md:6:4: error: character reference &#x1B; is the control character "
              "U+001B, which is not allowed",
              "content/p.fr.md:6:14: error: character reference &#8; is the control character "
              "U+0008, which is not allowed"});
  // Tabs, line breaks and CRLF stay allowed, and so do other references.
  auto p = blank();
  base::Diagnostics d;
  CHECK(load::read_page("---\r\ntitle: \"A\\tB\"\r\n---\r\n\tcode &#233; &#10;\r\n", p, langs, d));
  CHECK(d.empty());
}

TEST_CASE("hostile input: a NUL in a block scalar is named as what it is", "[load][harden]") {
  const char raw[] = "title: Plan\nsummary: |\n  Un\n  r\0sum\xc3\xa9\n";
  const std::string text(raw, sizeof raw - 1);
  CHECK(plan_errors(text) ==
        Lines{"content/p.plan.yaml:4:4: error: control character U+0000 is not allowed"});
}

TEST_CASE("hostile input: a second YAML document is an error at its start", "[load][harden]") {
  CHECK(plan_errors("title: Plan\n---\ntitle: Autre\n") ==
        Lines{"content/p.plan.yaml:3:1: error: a second YAML document starts here; this file "
              "holds one: remove the --- line (or the ... line) that ends the first, or move "
              "what follows into its own file"});
  CHECK(plan_errors("---\ntitle: Plan\n---\n").size() == 1);
  // A document end marker alone is no second document.
  CHECK(plan_errors("title: Plan\nlevels: [Axe]\n...\n").empty());
  CHECK(page_errors("---\ntitle: Bilan\n...\ntitle: Autre\n---\nTexte\n") ==
        Lines{"content/p.fr.md:4:1: error: a second YAML document starts here; this file holds "
              "one: remove the --- line (or the ... line) that ends the first, or move what "
              "follows into its own file"});
  base::Diagnostics d;
  load::read_config("title: T\n---\ntitle: U\n", d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message.starts_with("a second YAML document starts here"));
}

// Text after a root that ended: yaml-cpp, the YAML library before libyaml,
// read it as a second document without a marker, and Carnet had to count
// documents itself. These shapes are kept: each is still an error, never a
// plan with the rest dropped.
TEST_CASE("hostile input: a second YAML document without a marker is still found",
          "[load][harden]") {
  const std::vector<std::string> texts = {
      "title: Plan\n]\n",                // a line left of the keys' column
      "  title: Plan\n-]\n",             // an indented map, then a line at column 0
      "title: Plan\n[a]\n",              // at the keys' column, not a key
      "title: [Plan]\n,summary: b\n",    // after a flow value
      "- ?\n!&@\n-.[!a\n",               // a sequence root (found by a generator)
      "[a]\n,b: 2\n",                    // a flow root
      "title: Plan\n...\nsummary: b\n",  // after an end marker
  };
  for (const auto& text : texts) {
    INFO(text);
    const auto errs = plan_errors(text);
    REQUIRE_FALSE(errs.empty());
    // Never read as one plan with the rest dropped.
    bool reported = false;
    for (const auto& e : errs)
      reported = reported || e.find("second YAML document") != std::string::npos ||
                 e.find("cannot") != std::string::npos ||
                 e.find("invalid YAML") != std::string::npos;
    CHECK(reported);
  }
  // A map whose values run over several lines, quoted, folded or nested,
  // is one document and reads without error either way.
  CHECK(plan_errors("title: Plan\nsummary: >\n  Un texte\n  sur deux lignes\n"
                    "levels: [Axe,\n  Objectif]\n# fin\n")
            .empty());
  CHECK(plan_errors("title: Plan\nlevels: [Axe,\nObjectif]\n").empty());  // counted: same result
}

// Found by fuzz/config_reader (kept in fuzz/regressions/config_reader/):
// yaml-cpp's LoadAll never returned, filling memory, on a comma where a
// document starts. libyaml stops there; the message stays Carnet's.
TEST_CASE("hostile input: a comma that starts a YAML document is an error, not a hang",
          "[load][harden][fuzz]") {
  const std::string comma = "a comma, not in a list";  // what an author might paste after a comment
  CHECK(plan_errors("# Plan\n,\n") ==
        Lines{"content/p.plan.yaml:2:1: error: a ',' cannot start a value: a comma only "
              "separates the items of a [list] or a {map}"});
  CHECK(page_errors("---\n# titre\n, " + comma + "\n---\nTexte\n").size() == 1);
  base::Diagnostics d;
  load::read_config(",\n", d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message.starts_with("a ',' cannot start a value"));
  // After a first document, it is that document's second one.
  CHECK(plan_errors("title: Plan\n---\n,\n").size() == 1);
}

TEST_CASE("hostile input: a front matter key given twice is an error", "[load][harden]") {
  CHECK(page_errors("---\ntitle: Bilan\ndate: 2019-06-15\ntitle: Autre\nauthor: {a: 1, a: 2}\n"
                    "---\nTexte\n") ==
        Lines{"content/p.fr.md:4:1: error: front matter field \"title\" is given twice",
              "content/p.fr.md:5:16: error: front matter field \"a\" is given twice"});
}

TEST_CASE("hostile input: a slug longer than a file name can be is a content error",
          "[load][harden]") {
  const std::string slug(300, 'a');
  CHECK(page_errors("---\ntitle: Bilan\nslug: " + slug + "\n---\nTexte\n") ==
        Lines{"content/p.fr.md:3:7: error: slug is 300 bytes long; it names a folder of the "
              "output, and file systems allow at most 255 bytes: shorten it"});
  CHECK(plan_errors("title: Plan\nslug: {fr: " + slug + ", en: plan}\nlevels: [Axe]\n") ==
        Lines{"content/p.plan.yaml:2:12: error: slug is 300 bytes long; it names a folder of "
              "the output, and file systems allow at most 255 bytes: shorten it"});
}

TEST_CASE("hostile input: a date's time and offset must exist", "[load][harden]") {
  CHECK(page_errors("---\ntitle: Bilan\ndate: 2019-06-15T25:61:61+99:99\n---\n") ==
        Lines{"content/p.fr.md:3:7: error: date: \"2019-06-15T25:61:61+99:99\" is not a valid "
              "date: hour 25 does not exist"});
  CHECK(page_errors("---\ntitle: Bilan\ndate: 2019-06-15T10:61\n---\n") ==
        Lines{"content/p.fr.md:3:7: error: date: \"2019-06-15T10:61\" is not a valid date: "
              "minute 61 does not exist"});
  CHECK(page_errors("---\ntitle: Bilan\ndate: 2019-06-15T10:00:00+99:99\n---\n") ==
        Lines{"content/p.fr.md:3:7: error: date: \"2019-06-15T10:00:00+99:99\" is not a valid "
              "date: the offset +99:99 does not exist (at most 23:59)"});
  CHECK(page_errors("---\ntitle: Bilan\ndate: 2019-06-15Tnoon\n---\n").size() == 1);
  for (const char* ok :
       {"2019-06-15T10:00", "2019-06-15 10:00:00", "2019-06-15T23:59:60Z",
        "2019-06-15T10:00:00.123-05:00", "2019-06-15T10:00:00+0200", "2019-06-15T10:00+02"}) {
    INFO(ok);
    auto p = blank();
    base::Diagnostics d;
    CHECK(load::read_page(std::string("---\ntitle: B\ndate: ") + ok + "\n---\n", p, langs, d));
    CHECK(p.date == base::Date{2019, 6, 15});
  }
}

// Found while replacing yaml-cpp: the tree's readers recurse, and libyaml
// sets no limit of its own.
TEST_CASE("hostile input: YAML nested without end or aliased without end is an error",
          "[load][harden]") {
  const auto deep = plan_errors("title: Plan\nsummary: " + std::string(200'000, '[') + "\n");
  REQUIRE(deep.size() == 1);
  CHECK(deep[0] ==
        "content/p.plan.yaml:2:1009: error: invalid YAML: lists and maps nested more "
        "than 1000 levels deep; Carnet reads at most 1000");
  std::string laughs = "title: Plan\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) laughs += (k ? ", *a" : "*a") + std::to_string(i - 1);
    laughs += "]\n";
  }
  const auto aliased = plan_errors(laughs);
  REQUIRE(aliased.size() == 1);
  CHECK(aliased[0].find("the aliases (*name) in this value repeat so much") != std::string::npos);
}

// libyaml's commonest complaints come with what to do, at the line to fix.
TEST_CASE("hostile input: YAML syntax errors say what to do", "[load][harden]") {
  auto one = [](const std::string& text) {
    const auto e = plan_errors(text);
    REQUIRE(e.size() == 1);
    return e[0];
  };
  CHECK(one("title: Plan: suite\n") ==
        "content/p.plan.yaml:1:12: error: invalid YAML: YAML cannot read the ':' here: put a "
        "text that holds \": \" in quotes (\"Plan : suite\"), and start the fields of one map in "
        "the same column (libyaml: mapping values are not allowed in this context)");
  CHECK(one("levels: [a, b\ntitle: x\n")
            .starts_with("content/p.plan.yaml:2:6: error: invalid YAML: the [list] opened at "
                         "line 1 is not closed: end it with ']'"));
  CHECK(one("summary: {fr: a\ntitle: x\n")
            .starts_with("content/p.plan.yaml:2:6: error: invalid YAML: the {map} opened at "
                         "line 1 is not closed: end it with '}'"));
  CHECK(one("title: @home\n")
            .starts_with("content/p.plan.yaml:1:8: error: invalid YAML: a text cannot start "
                         "with this character"));
  CHECK(one("title: a\njust text\nlevels: [A]\n")
            .starts_with("content/p.plan.yaml:2:1: error: invalid YAML: this line is neither a "
                         "field"));
  CHECK(one("title: a\n- c\n")
            .starts_with("content/p.plan.yaml:2:1: error: invalid YAML: this line does not fit "
                         "the map above it"));
  CHECK(one("levels:\n  - x\n  y: 1\n")
            .starts_with("content/p.plan.yaml:3:3: error: invalid YAML: this line does not fit "
                         "the list above it"));
  // The others are shown as libyaml words them, with where it was reading.
  CHECK(one("title: \"a\\q\"\n").find("invalid YAML: found unknown escape character") !=
        std::string::npos);
}
