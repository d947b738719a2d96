#include "translate/exchange.hpp"

#include <catch2/catch.hpp>

#include "translate/xml.hpp"

using namespace carnet::translate;

namespace {

TranslationExchange sample() {
  TranslationExchange x;
  x.source_lang = "fr";
  x.target_lang = "en";
  x.units.push_back({"content/plans/p.plan.yaml", "sections/0/title",
                     "content/plans/p.plan.yaml:4:3", "title of section 1 (a & b)",
                     "0123456789abcdef", "L'«entraide» <b> & \"nous\"", "Mutual <help> & \"us\"",
                     ""});
  x.units.push_back({"content/a-propos.fr.md", "page/body", "content/a-propos.fr.md:1:1",
                     "body of the page", "fedcba9876543210",
                     "  Ligne 1\r\n\tLigne 2 \n\n- liste  \n", "", "Old\r\ntranslation"});
  return x;
}

}  // namespace

TEST_CASE("xliff: what is written reads back the same, byte for byte in every text",
          "[translate]") {
  const auto x = sample();
  const std::string xliff = write_xliff(x);
  CHECK(xliff == write_xliff(x));  // deterministic
  CHECK(xliff.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff ", 0) == 0);
  carnet::base::Diagnostics diags;
  auto back = read_xliff(xliff, "t.xliff", diags);
  REQUIRE(back);
  CHECK_FALSE(diags.has_errors());
  CHECK(back->source_lang == "fr");
  CHECK(back->target_lang == "en");
  REQUIRE(back->units.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    const auto& a = x.units[i];
    const auto& b = back->units[i];
    CHECK(a.file == b.file);
    CHECK(a.key == b.key);
    CHECK(a.location == b.location);
    CHECK(a.context == b.context);
    CHECK(a.fingerprint == b.fingerprint);
    CHECK(a.source == b.source);
    CHECK(a.target == b.target);
    CHECK(a.previous == b.previous);
  }
}

TEST_CASE("xliff: a control character never makes the file ill-formed", "[translate]") {
  auto x = sample();
  x.units[0].source = std::string(
      "avant\x01"
      "apr\xC3\xA8s\x1F",
      13);
  x.units[0].context = std::string("ctx\x0B", 4);
  x.units[0].key = std::string("k\x02", 2);
  const std::string xliff = write_xliff(x);
  xml::ParseError error;
  REQUIRE(xml::parse(xliff, error));
  carnet::base::Diagnostics diags;
  auto back = read_xliff(xliff, "t.xliff", diags);
  REQUIRE(back);
  // Written as U+FFFD, as documented in wrap/xml_writer.hpp.
  CHECK(back->units[0].source ==
        "avant\xEF\xBF\xBD"
        "apr\xC3\xA8s\xEF\xBF\xBD");
  CHECK(back->units[0].context == "ctx\xEF\xBF\xBD");
}
