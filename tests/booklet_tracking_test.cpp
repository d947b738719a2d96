// Tracking in the booklets (PRODUCT.md §6): the code-built site of
// booklet_fixture.hpp with an as-of date that makes some actions late and a
// Git history made by hand (an earlier plan, a reference, status changes),
// so that the outline's tracking entries and what the PDF, EPUB and ODT
// print of them are checked without a repository.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "booklet_fixture.hpp"
#include "e2e_support.hpp"
#include "model/tracking.hpp"
#include "render/booklet/booklets.hpp"
#include "render/booklet/outline.hpp"
#include "render/booklet/pdf_layout.hpp"
#include "render/booklet/progress.hpp"

using namespace carnet;
using namespace carnet::render::booklet;
namespace fs = std::filesystem;

namespace {

// The fixture as of 31 March 2023: the actions due 31 December 2022 that are
// planned or in progress are late (a1-0, a1-6, a2-0). Since "ag-2012":
// a1-2 went from in progress to done, a1-7 was added, "old-1" was removed.
model::Site tracked_site() {
  auto site = testing::fixture_site();
  model::Plan& plan = site.plans[0];
  plan.updated = base::Date{2023, 3, 31};
  model::Plan before = plan;
  auto& actions = before.sections[0].sections[0].actions;
  actions[2].status = model::Status::in_progress;
  actions.pop_back();  // a1-7
  model::Action old = testing::make_action(1, 9);
  old.id = "old-1";
  old.code = "1.1.99";
  old.title = testing::both("Action retirée depuis", "Action removed since");
  actions.push_back(old);
  auto history = std::make_shared<model::PlanHistory>();
  history->since = "ag-2012";
  history->since_date = base::Date{2012, 6, 14};
  history->existed_then = true;
  history->before = std::make_shared<model::Plan>(std::move(before));
  history->status_history["a1-2"] = {
      {base::Date{2012, 6, 14}, "abc1234", model::Status::planned, model::Status::in_progress},
      {base::Date{2013, 1, 10}, "def5678", model::Status::in_progress, model::Status::done}};
  plan.history = history;
  return site;
}

const ActionEntry* find_action(const Booklet& b, const std::string& anchor) {
  const ActionEntry* found = nullptr;
  for_each_section(b.sections, [&](const SectionEntry& s) {
    for (const auto& a : s.actions)
      if (a.anchor == anchor) found = &a;
  });
  return found;
}

const ChangeGroupEntry* find_group(const Booklet& b, const std::string& key) {
  if (!b.changes) return nullptr;
  for (const auto& g : b.changes->groups)
    if (g.key == key) return &g;
  return nullptr;
}

// The bytes in a scratch file, for the tools that read files.
fs::path saved(const std::string& bytes, const std::string& name) {
  fs::path p = test::scratch("booklet-tracking") / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string shell(const std::string& command) {
  auto r = test::run_shell(command);
  REQUIRE(r.status == 0);
  return r.out;
}

// Text without line breaks, hyphens and the spaces the layout puts in.
std::string squeezed(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool drop = false;
    for (const char* d : {"\u00A0", "\u00AD", "\u202F", " ", "\n", "\f", "-"})
      if (s.compare(i, std::string(d).size(), d) == 0) {
        i += std::string(d).size();
        drop = true;
        break;
      }
    if (!drop) out += s[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("the outline carries the as-of line, late actions and the date metadata",
          "[booklet][tracking]") {
  auto site = tracked_site();
  Booklet fr = build_outline(site, site.plans[0], "fr");
  CHECK(fr.as_of_line == "État au 31 mars 2023");
  CHECK(fr.as_of_iso == "2023-03-31");
  CHECK(fr.date_iso == "2023-03-31");  // the statuses' date, not the adoption's
  CHECK(fr.counts.late == 3);
  for (const char* late : {"action-a1-0", "action-a1-6", "action-a2-0"}) {
    INFO(late);
    REQUIRE(find_action(fr, late));
    CHECK(find_action(fr, late)->late);
    CHECK(find_action(fr, late)->late_word == "En retard");
  }
  CHECK_FALSE(find_action(fr, "action-a1-1")->late);  // ongoing: never late
  CHECK(find_action(fr, "action-a1-1")->late_word.empty());
  Booklet en = build_outline(site, site.plans[0], "en");
  CHECK(en.as_of_line == "Status as of March 31, 2023");
  CHECK(find_action(en, "action-a1-0")->late_word == "Late");
  auto lines = tracking_lines(fr);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "État au 31 mars 2023");
  CHECK(lines[1].rfind("Avancement\u00A0: ", 0) == 0);
  CHECK(lines[2] == "Actions en retard\u00A0: 3");
}

TEST_CASE("without an as-of date the booklet is dated by its adoption, and nothing is late",
          "[booklet][tracking]") {
  auto site = testing::fixture_site();
  Booklet fr = build_outline(site, site.plans[0], "fr");
  CHECK(fr.as_of_line == "Date des états non précisée");
  CHECK(fr.as_of_iso.empty());
  CHECK(fr.date_iso == "2021-06-28");
  CHECK_FALSE(fr.changes);
  CHECK_FALSE(find_action(fr, "action-a1-0")->late);
  // No late count without a date to be late against.
  auto lines = tracking_lines(fr);
  CHECK(std::none_of(lines.begin(), lines.end(),
                     [](const std::string& l) { return l.find("retard") != std::string::npos; }));
  site.plans[0].adopted = base::Date{2021, 6, 0};
  CHECK(build_outline(site, site.plans[0], "fr").date_iso == "2021-06-01");
  site.plans[0].adopted.reset();
  CHECK(build_outline(site, site.plans[0], "fr").date_iso == "2000-01-01");
}

TEST_CASE("every level carries its rolled-up progress, and the progress rows too",
          "[booklet][tracking]") {
  auto site = tracked_site();
  Booklet fr = build_outline(site, site.plans[0], "fr");
  CHECK_FALSE(fr.progress_text.empty());
  CHECK(fr.progress_rule.rfind("L'avancement d'une action", 0) == 0);
  for_each_section(fr.sections, [](const SectionEntry& s) {
    INFO(s.anchor);
    REQUIRE(s.progress);
    CHECK_FALSE(s.progress_text.empty());
    CHECK(s.progress_line == "Avancement\u00A0: " + s.progress_text);
  });
  // Objective 2.1: a2-0 planned (10 × 0 = 0 %, its own progress) and a2-1
  // in progress (the default, 50 %): 25 %.
  CHECK(fr.sections[1].children[0].progress_text == "25\u202F%");
  auto rows = progress_rows(fr);
  CHECK(has_progress(rows));
  CHECK(rows[0].progress_text == fr.progress_text);
  CHECK(rows[1].progress_text == fr.sections[0].progress_text);
}

TEST_CASE("the changes since the reference and each action's status history",
          "[booklet][tracking]") {
  auto site = tracked_site();
  Booklet fr = build_outline(site, site.plans[0], "fr");
  REQUIRE(fr.changes);
  CHECK(fr.changes->heading == "Changements depuis ag-2012 (14 juin 2012)");
  CHECK(fr.changes->none.empty());
  const auto* status = find_group(fr, "status");
  REQUIRE(status);
  CHECK(status->title == "Changements d'état");
  REQUIRE(status->items.size() == 1);
  CHECK(status->items[0].code == "1.1.3");
  CHECK(status->items[0].detail == "En cours \u2192 Réalisée");
  const auto* added = find_group(fr, "added");
  REQUIRE(added);
  CHECK(added->items[0].code == "1.1.8");
  const auto* removed = find_group(fr, "removed");
  REQUIRE(removed);
  REQUIRE(removed->items.size() == 1);
  CHECK(removed->items[0].removed);
  CHECK(removed->items[0].title == "Action retirée depuis");
  // As blocks: a list item, the code and title in bold, then the detail.
  Blocks blocks = change_blocks(*status, fr.words.colon);
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].kind == Block::Kind::item);
  CHECK(blocks[0].text[0].bold);
  CHECK(plain_text(blocks[0].text).find("\u00A0: En cours \u2192 Réalisée") != std::string::npos);
  CHECK(change_blocks(*removed, fr.words.colon)[0].text[0].strike);

  const ActionEntry* a = find_action(fr, "action-a1-2");
  REQUIRE(a);
  REQUIRE_FALSE(a->more.empty());
  const FieldEntry& history = a->more.back();
  CHECK(history.field == "history");
  CHECK(history.label == "Historique des états");
  REQUIRE(history.blocks.size() == 2);
  CHECK(plain_text(history.blocks[0].text) == "14 juin 2012\u00A0: Prévue \u2192 En cours");
  CHECK(plain_text(history.blocks[1].text) == "10 janvier 2013\u00A0: En cours \u2192 Réalisée");
  Booklet en = build_outline(site, site.plans[0], "en");
  CHECK(en.changes->heading == "Changes since ag-2012 (June 14, 2012)");
  CHECK(plain_text(find_action(en, "action-a1-2")->more.back().blocks[0].text) ==
        "June 14, 2012: Planned \u2192 In progress");
}

TEST_CASE("a reference with no change says so", "[booklet][tracking]") {
  auto site = tracked_site();
  auto history = std::make_shared<model::PlanHistory>(*site.plans[0].history);
  history->before = std::make_shared<model::Plan>(site.plans[0]);
  site.plans[0].history = history;
  Booklet fr = build_outline(site, site.plans[0], "fr");
  REQUIRE(fr.changes);
  CHECK(fr.changes->groups.empty());
  CHECK(fr.changes->none == "Aucun changement.");
}

TEST_CASE("the PDF, EPUB and ODT print the tracking data and are dated as of",
          "[booklet][tracking]") {
  auto site = tracked_site();
  for (const std::string lang : {"fr", "en"}) {
    const bool fr = lang == "fr";
    INFO(lang);
    const std::string as_of = fr ? "État au 31 mars 2023" : "Status as of March 31, 2023";
    const std::string late = fr ? "En retard" : "Late";
    const std::string changes =
        fr ? "Changements depuis ag-2012 (14 juin 2012)" : "Changes since ag-2012 (June 14, 2012)";
    const std::string history = fr ? "Historique des états" : "Status history";
    const std::string detail = fr ? "En cours \u2192 Réalisée" : "In progress \u2192 Done";
    const std::string objective =
        (fr ? "Avancement\u00A0: " : "Progress: ") +
        build_outline(site, site.plans[0], lang).sections[1].children[0].progress_text;

    std::string pdf_bytes = render_booklet(site, site.plans[0], lang, "pdf");
    CHECK(pdf_bytes.find("/CreationDate (20230331000000Z)") != std::string::npos);
    fs::path pdf = saved(pdf_bytes, "t." + lang + ".pdf");
    const std::string text = squeezed(shell("pdftotext -raw '" + pdf.string() + "' -"));
    for (const auto& s : {as_of, late, changes, history, detail, objective}) {
      INFO(s);
      CHECK(text.find(squeezed(s)) != std::string::npos);
    }
    // The cover is page 1: the as-of line is on it.
    CHECK(squeezed(shell("pdftotext -f 1 -l 1 -raw '" + pdf.string() + "' -"))
              .find(squeezed(as_of)) != std::string::npos);
    // The changes chapter is bookmarked, after the progress page.
    {
      Booklet b = build_outline(site, site.plans[0], lang);
      std::lock_guard lock(typesetting_mutex());
      Typesetter ts(lang);
      LaidOutBooklet laid = lay_out(b, ts, page_geometry(site.config.booklet.paper, false));
      REQUIRE(laid.outline.size() >= 2);
      CHECK(laid.outline.back().dest == "changes");
      CHECK(laid.outline.back().title == changes);
      CHECK(laid.outline[laid.outline.size() - 2].dest == "progress");
    }

    fs::path epub = saved(render_booklet(site, site.plans[0], lang, "epub"), "t." + lang + ".epub");
    const std::string nav = shell("unzip -p '" + epub.string() + "' EPUB/nav.xhtml");
    CHECK(nav.find("href=\"changes.xhtml\"") != std::string::npos);
    const std::string opf = shell("unzip -p '" + epub.string() + "' EPUB/package.opf");
    CHECK(opf.find("<dc:date>2023-03-31</dc:date>") != std::string::npos);
    const std::string parts = shell("unzip -p '" + epub.string() + "' 'EPUB/*.xhtml'");
    for (const auto& s : {as_of, late, changes, history, detail, objective}) {
      INFO(s);
      CHECK(parts.find(s) != std::string::npos);
    }
    CHECK(parts.find("<del>") != std::string::npos);  // the removed action

    fs::path odt = saved(render_booklet(site, site.plans[0], lang, "odt"), "t." + lang + ".odt");
    const std::string content = shell("unzip -p '" + odt.string() + "' content.xml");
    // Well-formed, the new styles included.
    shell("unzip -p '" + odt.string() + "' content.xml | xmllint --noout -");
    shell("unzip -p '" + odt.string() + "' styles.xml | xmllint --noout -");
    for (const auto& s : {as_of, late, changes, history, detail, objective}) {
      INFO(s);
      CHECK(content.find(s) != std::string::npos);
    }
    CHECK(content.find("text:name=\"changes\"") != std::string::npos);
    const std::string meta = shell("unzip -p '" + odt.string() + "' meta.xml");
    CHECK(meta.find("2023-03-31T00:00:00") != std::string::npos);
  }
}

TEST_CASE("on a half page the levels' progress moves under their names in the progress table",
          "[booklet][tracking]") {
  auto site = tracked_site();
  fs::path pdf = saved(render_imposed(site, site.plans[0], "fr"), "half.fr.pdf");
  const std::string text = squeezed(shell("pdftotext -raw '" + pdf.string() + "' -"));
  Booklet fr = build_outline(site, site.plans[0], "fr");
  // The whole plan's progress, the progress page's line and its table row.
  const std::string plan_progress = squeezed("Avancement\u00A0: " + fr.progress_text);
  size_t n = 0;
  for (size_t at = text.find(plan_progress); at != std::string::npos;
       at = text.find(plan_progress, at + 1))
    ++n;
  CHECK(n == 2);
  // No header cut into syllables.
  CHECK(text.find("Avance-ment") == std::string::npos);
}
