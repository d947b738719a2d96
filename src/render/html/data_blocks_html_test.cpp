#include <catch2/catch.hpp>

#include "render/html/data_blocks_html.hpp"

using namespace carnet;

namespace {

model::Page page_with_blocks() {
  model::Page p;
  p.lang = "fr";
  p.url = "rapports/bilan/";
  model::DataBlock figures;
  figures.kind = model::DataBlock::Kind::figures;
  figures.figures.push_back({"12 000 $", model::make_text("fr", "d'interprétation"),
                             model::make_text("fr", "à ce jour")});
  model::DataBlock chart;
  chart.kind = model::DataBlock::Kind::chart;
  chart.chart.title = model::make_text("fr", "Membres");
  chart.chart.labels = {model::make_text("fr", "2019"), model::make_text("fr", "2020")};
  chart.chart.series.push_back({model::make_text("fr", "Membres"), {1200, 1500.5}});
  p.blocks = {figures, chart};
  return p;
}

}  // namespace

TEST_CASE("data blocks: markers become the blocks, in the page's language", "[html][blocks]") {
  model::Site site;
  auto page = page_with_blocks();
  const std::string body = "<p>a</p>\n" + model::data_block_marker(0) + "<p>b</p>\n" +
                           model::data_block_marker(1) + "<!--carnet-data-block:7-->\n";
  const std::string out = render::html::expand_data_blocks(site, page, body, page.url);
  CHECK(out.find("<!--carnet-data-block:0") == std::string::npos);
  CHECK(out.find("<dl class=\"key-figures\">") < out.find("<p>b</p>"));
  CHECK(out.find("<dd class=\"figure-value\">12 000 $</dd>") != std::string::npos);
  // The chart: an image with a name, and its numbers for screen readers.
  CHECK(out.find("role=\"img\" aria-labelledby=\"chart-2\"") != std::string::npos);
  CHECK(out.find("<figcaption id=\"chart-2\">Membres</figcaption>") != std::string::npos);
  CHECK(out.find("<th scope=\"row\">2020</th><td>1\u202f500,5</td>") != std::string::npos);
  CHECK(out.find("<details class=\"chart-data\">") != std::string::npos);
  // A marker that names no block stays the comment it is.
  CHECK(out.find("<!--carnet-data-block:7-->") != std::string::npos);
}
