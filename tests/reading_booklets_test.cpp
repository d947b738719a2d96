// Booklets for reading and for handing out (issue 11): the EPUB's action
// tables read as cards on a narrow screen, the ODT has a real table of
// contents, the year grid reaches the EPUB's and ODT's rows, and the
// one-page summary PDF is one page, for the demo's plans and for a plan far
// too big for it, and is linked from the plan page in every language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/fs.hpp"
#include "booklet_fixture.hpp"
#include "e2e_support.hpp"
#include "model/site.hpp"
#include "render/booklet/booklets.hpp"
#include "render/booklet/outline.hpp"
#include "render/booklet/summary_layout.hpp"
#include "render/booklet/typesetter.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::render::booklet;
using carnet::test::quoted;
using carnet::test::run_carnet;
using carnet::test::run_shell;
using carnet::test::scratch;

namespace {

// One entry of a zip (EPUB, ODT) held in memory.
std::string entry(const std::string& zip, const std::string& name) {
  static int n = 0;
  const fs::path file = scratch("reading-zip") / ("z" + std::to_string(++n) + ".zip");
  base::write_file(file, zip);
  auto r = run_shell("unzip -p " + quoted(file) + " '" + name + "'");
  REQUIRE(r.status == 0);
  return r.out;
}

int pdf_pages(const std::string& pdf) {
  static int n = 0;
  const fs::path file = scratch("reading-pdf") / ("p" + std::to_string(++n) + ".pdf");
  base::write_file(file, pdf);
  auto r = run_shell("pdfinfo " + quoted(file));
  REQUIRE(r.status == 0);
  auto at = r.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(r.out.substr(at + 6));
}

std::string pdf_text(const std::string& pdf) {
  const fs::path file = scratch("reading-pdf") / "text.pdf";
  base::write_file(file, pdf);
  auto r = run_shell("pdftotext " + quoted(file) + " -");
  REQUIRE(r.status == 0);
  return r.out;
}

// From `start` to the first `end` after it ("" when `start` is missing).
std::string segment(const std::string& s, const std::string& start, const std::string& end) {
  size_t from = s.find(start);
  if (from == std::string::npos) return "";
  size_t to = s.find(end, from + start.size());
  return s.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

// Markup → its text.
std::string text_of(const std::string& markup) {
  std::string out;
  bool in_tag = false;
  for (char c : markup) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return out;
}

// Pieces of `s` between consecutive occurrences of `sep` (the first piece,
// before any `sep`, dropped).
std::vector<std::string> split_after(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  for (size_t at = s.find(sep); at != std::string::npos;) {
    size_t next = s.find(sep, at + sep.size());
    out.push_back(s.substr(at, next == std::string::npos ? std::string::npos : next - at));
    at = next;
  }
  return out;
}

// The fixture site with a year grid: 2021–2023, each action running some.
model::Site year_grid_site() {
  auto site = testing::fixture_site();
  auto& plan = site.plans[0];
  plan.years = {"2021", "2022", "2023"};
  plan.columns = {"due", "years", "leads"};
  const std::vector<std::vector<std::string>> runs = {{"2022"}, {"2021", "2023"}, {}};
  size_t i = 0;
  for (auto& top : plan.sections)
    for (auto& child : top.sections)
      for (auto& a : child.actions) a.fields.set("years").years = runs[i++ % runs.size()];
  return site;
}

}  // namespace

TEST_CASE("EPUB action tables become one card per action below 40em", "[booklet][epub]") {
  auto site = testing::fixture_site();
  const std::string epub = render_booklet(site, site.plans[0], "fr", "epub");
  const std::string css = entry(epub, "EPUB/style.css");
  CHECK(css.find("@media (max-width: 40em)") != std::string::npos);
  CHECK(css.find("table.actions thead") != std::string::npos);
  CHECK(css.find(".cell-label { display: none; }") != std::string::npos);
  const std::string part = entry(epub, "EPUB/part-1.xhtml");
  CHECK(part.find("<table class=\"actions\">") != std::string::npos);
  // Every cell of every row names its column, for the cards.
  const Booklet outline = build_outline(site, site.plans[0], "fr");
  const auto& action = outline.sections[0].children[0].actions[0];
  const std::string row = segment(part, "id=\"" + action.anchor + "\"", "</tr>");
  REQUIRE_FALSE(row.empty());
  auto cells = split_after(row, "<td");
  REQUIRE(cells.size() == outline.columns.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    INFO(cells[i]);
    CHECK(cells[i].find("<span class=\"cell-label\">" + outline.columns[i].label + "</span>") !=
          std::string::npos);
  }
}

TEST_CASE("the year grid's years are in the EPUB's and the ODT's rows", "[booklet][years]") {
  auto site = year_grid_site();
  for (const std::string lang : {"fr", "en"}) {
    const Booklet outline = build_outline(site, site.plans[0], lang);
    const std::string epub =
        entry(render_booklet(site, site.plans[0], lang, "epub"), "EPUB/part-*.xhtml");
    const std::string odt = entry(render_booklet(site, site.plans[0], lang, "odt"), "content.xml");
    size_t checked = 0;
    for_each_section(outline.sections, [&](const SectionEntry& s) {
      for (const auto& a : s.actions) {
        INFO(lang << " " << a.code);
        const std::string epub_row = segment(epub, "id=\"" + a.anchor + "\"", "</tr>");
        const std::string odt_row =
            segment(odt, "text:name=\"" + a.anchor + "\"", "</table:table-row>");
        auto epub_cells = split_after(epub_row, "<td");
        auto odt_cells = split_after(odt_row, "<table:table-cell");
        REQUIRE(epub_cells.size() == outline.columns.size());
        REQUIRE(odt_cells.size() == outline.columns.size());
        for (size_t i = 0; i < outline.columns.size(); ++i) {
          if (!outline.columns[i].year) continue;
          const std::string& year = outline.columns[i].label;
          const bool runs = a.cells[i].mark;
          INFO(year << (runs ? " runs" : " does not run"));
          // EPUB: the year names its cell; the mark is there when it runs.
          CHECK(epub_cells[i].find(">" + year + "</span>") != std::string::npos);
          CHECK((epub_cells[i].find(year_mark) != std::string::npos) == runs);
          CHECK((epub_cells[i].find("year-off") == std::string::npos) == runs);
          // ODT: the cell under the year's header holds the mark when it runs.
          CHECK(odt_cells[i].find("Year_20_Mark") != std::string::npos);
          CHECK((odt_cells[i].find(year_mark) != std::string::npos) == runs);
          ++checked;
        }
      }
    });
    CHECK(checked == 10 * 3);  // ten actions, three years
    // And the ODT's header row names the years.
    for (const char* year : {"2021", "2022", "2023"})
      CHECK(segment(odt, "<table:table-header-rows>", "</table:table-header-rows>")
                .find(std::string(">") + year + "<") != std::string::npos);
  }
}

TEST_CASE("the ODT has a table of contents listing every heading", "[booklet][odt]") {
  auto site = testing::fixture_site();
  for (const std::string lang : {"fr", "en"}) {
    INFO(lang);
    const std::string content =
        entry(render_booklet(site, site.plans[0], lang, "odt"), "content.xml");
    const std::string toc = segment(content, "<text:table-of-content ", "</text:table-of-content>");
    REQUIRE_FALSE(toc.empty());
    // LibreOffice rebuilds it from its source (Tools > Update): every
    // heading down to level 4, with page numbers.
    CHECK(toc.find("<text:table-of-content-source text:outline-level=\"4\"") != std::string::npos);
    CHECK(toc.find("<text:index-entry-page-number/>") != std::string::npos);
    // Its body, filled in already, lists every heading of the document, in
    // order, at its level.
    const std::string body = segment(toc, "<text:index-body>", "</text:index-body>");
    std::vector<std::string> entries, headings;
    for (const auto& p : split_after(body, "<text:p text:style-name=\"Contents_20_")) {
      if (p.find("Contents_20_Heading") != std::string::npos) continue;
      entries.push_back(p.substr(p.find("Contents_20_") + 12, 1) + " " +
                        text_of(p.substr(p.find('>') + 1)));
    }
    const std::string after = content.substr(content.find("</text:table-of-content>"));
    for (const auto& h : split_after(after, "<text:h ")) {
      const std::string level = segment(h, "text:outline-level=\"", "\">").substr(20, 1);
      headings.push_back(level + " " + text_of(h.substr(0, h.find("</text:h>"))));
    }
    REQUIRE(headings.size() >= 6);
    CHECK(entries == headings);
    // Headings are text:h with outline levels, the plan's levels included.
    CHECK(std::count_if(headings.begin(), headings.end(),
                        [](const std::string& h) { return h[0] == '2'; }) >= 2);
  }
}

TEST_CASE("the one-page summary fits one page, however big the plan", "[booklet][summary]") {
  auto site = testing::fixture_site();
  CHECK(pdf_pages(render_booklet(site, site.plans[0], "fr", "summary")) == 1);

  // Twelve levels of fifteen objectives, long titles: far too much for a page.
  auto& plan = site.plans[0];
  const auto action = plan.sections[0].sections[0].actions[0];
  plan.sections.clear();
  for (int s = 1; s <= 12; ++s) {
    model::PlanSection top;
    top.id = "o" + std::to_string(s);
    top.code = std::to_string(s);
    top.title =
        testing::both("Une orientation au titre assez long pour deux lignes " + std::to_string(s),
                      "A direction whose title is long enough for two lines " + std::to_string(s));
    for (int c = 1; c <= 15; ++c) {
      model::PlanSection child;
      child.id = top.id + "-" + std::to_string(c);
      child.code = top.code + "." + std::to_string(c);
      child.depth = 1;
      child.title = testing::both("Un objectif dont le titre occupe au moins une ligne entière",
                                  "An objective whose title takes at least one whole line");
      model::Action a = action;
      a.id = child.id + "-a";
      child.actions.push_back(a);
      top.sections.push_back(child);
    }
    plan.sections.push_back(top);
  }
  for (const std::string lang : {"fr", "en"}) {
    INFO(lang);
    const std::string pdf = render_booklet(site, plan, lang, "summary");
    CHECK(pdf_pages(pdf) == 1);
    // What did not fit is said, not dropped silently.
    SummaryFit fit;
    {
      Booklet outline = build_outline(site, plan, lang);
      std::lock_guard lock(typesetting_mutex());
      Typesetter ts(lang);
      LaidOutBooklet laid = lay_out_summary(outline, ts, page_geometry("letter", false), &fit);
      CHECK(laid.pages.size() == 1);
    }
    CHECK(fit.scale < 1);
    CHECK(fit.objectives_shown >= 0);
    CHECK(fit.objectives_shown < 15);
    const std::string more = std::to_string(15 - fit.objectives_shown);
    const std::string text = pdf_text(pdf);
    CHECK(text.find(lang == "fr" ? "\u2026 et " + more + " autres"
                                 : "\u2026 and " + more + " more") != std::string::npos);
  }
}

TEST_CASE("demo: the one-page summary of each plan, one page, linked from its page",
          "[booklet][summary][e2e][demo]") {
  const fs::path out = scratch("reading-demo") / "out";
  auto r = run_carnet({"build", carnet::test::source_dir.string(), "-o", out.string(), "-q"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  size_t found = 0;
  for (const auto& lang : {"fr", "en"}) {
    for (const auto& entry : fs::directory_iterator(out / "booklets")) {
      const std::string name = entry.path().filename().string();
      const std::string suffix = std::string(".") + lang + ".summary.pdf";
      if (name.size() < suffix.size() ||
          name.compare(name.size() - suffix.size(), suffix.size(), suffix))
        continue;
      INFO(name);
      ++found;
      CHECK(pdf_pages(base::read_file(entry.path())) == 1);
    }
  }
  CHECK(found == 4);  // two plans, two languages
  // Each plan page links its language's summary, beside the other booklets.
  size_t linked = 0;
  for (const auto& [path, bytes] : carnet::test::read_tree(out)) {
    if (path.find("plans/") == std::string::npos || path.size() < 10 ||
        path.compare(path.size() - 10, 10, "index.html") != 0)
      continue;
    for (const auto& lang : {"fr", "en"}) {
      const std::string suffix = std::string(".") + lang + ".summary.pdf\"";
      if (bytes.find("class=\"booklets\"") == std::string::npos) continue;
      const bool english_page = path.rfind("en/", 0) == 0;
      if ((std::string(lang) == "en") != english_page) continue;
      INFO(path);
      CHECK(bytes.find(suffix) != std::string::npos);
      CHECK(bytes.find(lang == std::string("fr") ? "une page (PDF)" : "One-page summary (PDF)") !=
            std::string::npos);
      ++linked;
    }
  }
  CHECK(linked == 4);
}
