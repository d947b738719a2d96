#include "translate/xml.hpp"

#include <catch2/catch.hpp>

using namespace carnet::translate;

TEST_CASE("xml: prefixes, character references, CDATA and lines", "[translate]") {
  xml::ParseError error;
  auto root = xml::parse(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<x:xliff xmlns:x=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">\n"
      "  <x:unit name=\"title\"><x:target xml:space=\"preserve\">L&#39;&#xE9;t&amp;"
      "<![CDATA[<b>]]><x:ph id=\"1\"/>fin</x:target></x:unit>\n"
      "</x:xliff>\n",
      error);
  INFO(error.message);
  REQUIRE(root);
  CHECK(root->local_name() == "xliff");
  const xml::Element* unit = root->child("unit");
  REQUIRE(unit);
  CHECK(unit->line == 3);
  REQUIRE(unit->attribute("name"));
  CHECK(*unit->attribute("name") == "title");
  const xml::Element* target = unit->child("target");
  REQUIRE(target);
  CHECK(target->text == "L'ét&<b>fin");
  REQUIRE(target->attribute("space"));
  CHECK(*target->attribute("space") == "preserve");
  CHECK(root->children_named("unit").size() == 1);
}

TEST_CASE("xml: malformed files and DTDs are refused with a position", "[translate]") {
  xml::ParseError error;
  CHECK_FALSE(xml::parse("<a>\n  <b>\n</a>\n", error));
  CHECK(error.line == 3);
  CHECK(error.message.find("mismatch") != std::string::npos);
  CHECK_FALSE(error.message.empty());

  // An entity expansion bomb never gets expanded.
  CHECK_FALSE(
      xml::parse("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"xxxxxxxx\">"
                 "<!ENTITY y \"&x;&x;&x;&x;&x;&x;&x;&x;\">]>\n<a>&y;</a>\n",
                 error));
  CHECK(error.message.find("<!DOCTYPE>") != std::string::npos);

  CHECK_FALSE(xml::parse("", error));
  CHECK_FALSE(error.message.empty());
}
