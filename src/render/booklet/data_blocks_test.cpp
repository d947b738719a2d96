#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>

#include "render/booklet/block_layout.hpp"
#include "render/booklet/data_blocks.hpp"
#include "render/booklet/pdf_writer.hpp"
#include "render/booklet/xhtml.hpp"

using namespace carnet;
using namespace carnet::render::booklet;

namespace {

view::Text text(std::string s) { return {std::move(s), "fr", false, false}; }

Blocks sample_blocks() {
  auto chart = std::make_shared<view::DataBlockView>();
  chart->kind = model::DataBlock::Kind::chart;
  auto& c = chart->chart;
  c.title = text("Le plan évalué");
  c.labels = {text("Orientations"), text("Cibles"), text("Stratégies")};
  c.series = {{text("2009"), {11, 33, 73}, {"11", "33", "73"}},
              {text("2019"), {8, 20, 41}, {"8", "20", "41"}}};
  auto scale = view::nice_scale(0, 73);
  c.low = scale.low;
  c.high = scale.high;
  c.ticks = scale.ticks;
  for (double t : c.ticks) c.tick_texts.push_back(view::format_number(t, "fr"));
  c.legend = true;
  c.table_caption = "Données du graphique";
  c.alt = "Le plan évalué. 2009 : Orientations : 11; Cibles : 33; Stratégies : 73";

  auto figures = std::make_shared<view::DataBlockView>();
  figures->kind = model::DataBlock::Kind::figures;
  figures->figures = {{"25+", text("activités"), text("sur deux ans")},
                      {"100+", text("participants"), {}}};

  Blocks blocks;
  blocks.push_back(paragraph("Avant."));
  for (auto v : {chart, figures}) {
    Block b;
    b.kind = Block::Kind::data;
    b.data = v;
    blocks.push_back(b);
  }
  return blocks;
}

}  // namespace

TEST_CASE("data blocks: a chart is vectors in the PDF, tagged as a figure", "[booklet][blocks]") {
  std::lock_guard lock(typesetting_mutex());
  Typesetter ts("fr");
  std::vector<Page> pages;
  Flow flow(PageGeometry{}, pages);
  flow.new_page();
  place_blocks(flow, ts, sample_blocks(), styles::body());
  REQUIRE(pages.size() == 1);
  int rects = 0, lines = 0;
  std::string alt;
  for (const auto& item : pages[0].items) {
    if (std::holds_alternative<FillRect>(item)) ++rects;
    if (std::holds_alternative<StrokeLine>(item)) ++lines;
    if (auto* t = std::get_if<TagBegin>(&item); t && t->name == "Figure") alt = t->alt;
  }
  // Six bars, two legend keys, two figure cards with their top bars.
  CHECK(rects == 6 + 2 + 4);
  CHECK(lines >= 5);  // the ticks' grid and the zero line
  CHECK(alt.find("Cibles : 33") != std::string::npos);

  LaidOutBooklet booklet;
  booklet.pages = pages;
  booklet.title = "Test";
  booklet.lang = "fr";
  const std::string pdf = write_pdf(booklet, reading_sheets(booklet.pages), "test");
  CHECK(pdf.rfind("%PDF", 0) == 0);
  CHECK(pdf.find("/Subtype /Image") == std::string::npos);
  if (const char* keep = std::getenv("CARNET_KEEP_CHART_PDF")) std::ofstream(keep) << pdf;
}

TEST_CASE("data blocks: EPUB gets the chart as SVG and its numbers as a table",
          "[booklet][blocks]") {
  const std::string x = blocks_xhtml(sample_blocks());
  CHECK(x.find("<svg") != std::string::npos);
  CHECK(x.find("role=\"img\"") != std::string::npos);
  CHECK(x.find("<caption>Données du graphique</caption>") != std::string::npos);
  CHECK(x.find("<th>Stratégies</th><td>73</td><td>41</td>") != std::string::npos);
  CHECK(x.find("<dd class=\"figure-value\">25+</dd>") != std::string::npos);
}
