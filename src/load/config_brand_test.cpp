#include <catch2/catch.hpp>

#include "load/config_reader.hpp"

using namespace carnet;

namespace {
std::vector<std::string> errors_of(const std::string& yaml) {
  base::Diagnostics d;
  load::read_config(yaml, d);
  std::vector<std::string> out;
  for (const auto& e : d.sorted()) out.push_back(e.format());
  return out;
}
}  // namespace

TEST_CASE("config: brand is read", "[load][brand]") {
  base::Diagnostics d;
  auto c = load::read_config(R"(title: T
brand:
  logo: static/images/logo.svg
  color: "#0B5D7A"
  partners:
    - {name: "Centraide", logo: static/c.png, url: "https://www.centraide.org/"}
    - name: {fr: "Ville", en: "City"}
)",
                             d);
  CHECK(d.empty());
  CHECK(c.brand.logo == "static/images/logo.svg");
  CHECK(c.brand.logo_pos.line == 3);
  CHECK(c.brand.logo_pos.column == 9);
  CHECK(c.brand.color == "#0b5d7a");
  REQUIRE(c.brand.partners.size() == 2);
  CHECK(c.brand.partners[0].name.get("fr", "fr") == "Centraide");
  CHECK(c.brand.partners[0].logo == "static/c.png");
  CHECK(c.brand.partners[0].url == "https://www.centraide.org/");
  CHECK(c.brand.partners[1].name.get("en", "fr") == "City");
  CHECK(c.brand.partners[1].logo.empty());
}

TEST_CASE("config: every brand error at its position, all at once", "[load][brand]") {
  CHECK(errors_of("title: T\nbrand: static/logo.svg\n") ==
        std::vector<std::string>{
            "carnet.yaml:2:8: error: brand: expected {logo: static/images/logo.svg, color: "
            "\"#0b5d7a\", partners: [...]}"});
  CHECK(errors_of("title: T\nbrand: {color: red, logo: ../logo.svg, partners: {name: x}}\n") ==
        std::vector<std::string>{
            "carnet.yaml:2:16: error: brand.color: expected a colour such as \"#0b5d7a\", not "
            "\"red\"",
            "carnet.yaml:2:27: error: brand.logo: expected a file under static/ such as "
            "static/images/logo.svg, not \"../logo.svg\"",
            "carnet.yaml:2:50: error: brand.partners: expected a list such as [{name: ..., "
            "logo: ..., url: ...}]"});
  CHECK(errors_of("title: T\nbrand: {color: \"#12345\", logo: static/../x.svg}\n") ==
        std::vector<std::string>{
            "carnet.yaml:2:16: error: brand.color: expected a colour such as \"#0b5d7a\", not "
            "\"#12345\"",
            "carnet.yaml:2:32: error: brand.logo: expected a file under static/ such as "
            "static/images/logo.svg, not \"static/../x.svg\""});
  CHECK(errors_of("title: T\nbrand:\n  partners:\n    - {url: \"javascript:alert(1)\"}\n") ==
        std::vector<std::string>{
            "carnet.yaml:4:7: error: brand.partners: a partner has no name: add `name: ...`",
            "carnet.yaml:4:13: error: brand.partners: url: expected an address starting with "
            "https:// or http://, not \"javascript:alert(1)\""});
}
