#include "render/booklet/booklets.hpp"

#include <catch2/catch.hpp>

#include <libxml/parser.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/fs.hpp"
#include "wrap/libxml.hpp"

#include "booklet_fixture.hpp"
#include "render/booklet/outline.hpp"
#include "render/booklet/progress.hpp"

using namespace carnet;
using namespace carnet::render::booklet;
namespace fs = std::filesystem;

namespace {
bool mimetype_first_and_stored(const std::string& zip, const std::string& type) {
  // Local file header: signature, then compression method at offset 8, name
  // length at 26, name at 30, then the (stored) content right after.
  if (zip.size() < 38 || zip.compare(0, 4, "PK\x03\x04") != 0) return false;
  int method = static_cast<unsigned char>(zip[8]) | (static_cast<unsigned char>(zip[9]) << 8);
  int name_len = static_cast<unsigned char>(zip[26]) | (static_cast<unsigned char>(zip[27]) << 8);
  int extra_len = static_cast<unsigned char>(zip[28]) | (static_cast<unsigned char>(zip[29]) << 8);
  return method == 0 && zip.compare(30, name_len, "mimetype") == 0 && extra_len == 0 &&
         zip.compare(30 + name_len, type.size(), type) == 0;
}
}  // namespace

TEST_CASE("the outline words the plan in the booklet's language", "[booklet]") {
  auto site = testing::fixture_site();
  Booklet fr = build_outline(site, site.plans[0], "fr");
  CHECK(fr.adopted == "Adopté le 28 juin 2021");
  CHECK(fr.period == "2021\u20132023");
  CHECK(fr.columns[2].label == "Ressources");  // the plan's own label
  CHECK(fr.columns[0].label == "Échéance");
  const auto& a = fr.sections[0].children[0].actions[1];
  CHECK(a.status_label == "En cours");
  CHECK(plain_text(a.cells[0].blocks) == "En continu");
  Booklet en = build_outline(site, site.plans[0], "en");
  const auto& missing = en.sections[0].children[0].actions[1];
  CHECK(missing.title_lang == "fr");  // shown in French, marked
  CHECK(en.sections[0].children[0].actions[0].status_label == "Planned");
  CHECK(plain_text(en.sections[0].children[0].actions[0].cells[0].blocks) == "December 31, 2022");
}

TEST_CASE("a PDF booklet is tagged, bookmarked, dated from the content and reproducible",
          "[booklet]") {
  auto site = testing::fixture_site();
  std::string a = render_booklet(site, site.plans[0], "fr", "pdf");
  std::string b = render_booklet(site, site.plans[0], "fr", "pdf");
  CHECK(a == b);
  CHECK(a.rfind("%PDF-1.5", 0) == 0);
  CHECK(a.find("/StructTreeRoot") != std::string::npos);
  CHECK(a.find("/Outlines") != std::string::npos);
  CHECK(a.find("/Lang <FEFF00660072>") != std::string::npos);  // "fr"
  CHECK(a.find("/CreationDate (20210628000000Z)") != std::string::npos);
  CHECK(a.find("/S /Figure") != std::string::npos);
  CHECK(a.find("/Alt <FEFF") != std::string::npos);
}

TEST_CASE("EPUB and ODT start with a stored mimetype and are reproducible", "[booklet]") {
  auto site = testing::fixture_site();
  std::string epub = render_booklet(site, site.plans[0], "en", "epub");
  CHECK(mimetype_first_and_stored(epub, "application/epub+zip"));
  CHECK(epub == render_booklet(site, site.plans[0], "en", "epub"));
  std::string odt = render_booklet(site, site.plans[0], "fr", "odt");
  CHECK(mimetype_first_and_stored(odt, "application/vnd.oasis.opendocument.text"));
  CHECK(odt == render_booklet(site, site.plans[0], "fr", "odt"));
}

TEST_CASE("every booklet the settings ask for, the same in parallel as alone", "[booklet]") {
  auto site = testing::fixture_site();
  site.config.booklet.imposition = "saddle-stitch";
  site.config.booklet.bilingual = "tete-beche";
  auto files = render_booklets(site);
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{
                     "booklets/essai.fr.pdf", "booklets/essai.fr.epub", "booklets/essai.fr.odt",
                     "booklets/essai.fr.saddle-stitch.pdf", "booklets/essai.en.pdf",
                     "booklets/essai.en.epub", "booklets/essai.en.odt",
                     "booklets/essai.en.saddle-stitch.pdf", "booklets/essai.fr-en.pdf"});
  CHECK(files[0].bytes == render_booklet(site, site.plans[0], "fr", "pdf"));
  CHECK(files[8].bytes == render_tete_beche(site, site.plans[0]));
  for (const auto& f : files) CHECK_FALSE(f.bytes.empty());
}

TEST_CASE("no booklet formats, no booklets", "[booklet]") {
  auto site = testing::fixture_site();
  site.config.booklet.formats.clear();
  CHECK(render_booklets(site).empty());
}

TEST_CASE("the booklets' words are the site's words, typography included", "[booklet][words]") {
  auto site = testing::fixture_site();
  site.words.by_lang["fr"]["status_planned"] = "À venir";
  site.words.by_lang["fr"]["field_due"] = "Pour quand";
  site.words.by_lang["fr"]["due_ongoing"] = "Toujours";
  site.words.by_lang["fr"]["booklet_summary"] = "En bref";
  site.words.by_lang["fr"]["colon"] = " — ";
  Booklet fr = build_outline(site, site.plans[0], "fr");
  const auto& a = fr.sections[0].children[0].actions[0];
  CHECK(a.status_label == "À venir");
  CHECK(fr.columns[0].label == "Pour quand");
  CHECK(plain_text(fr.sections[0].children[0].actions[1].cells[0].blocks) == "Toujours");
  CHECK(fr.words.summary == "En bref");
  CHECK(fr.status_labels[0] == "À venir");
  // The note's date lead ends with the language's colon, not a rule in code.
  auto notes = std::find_if(a.more.begin(), a.more.end(),
                            [](const FieldEntry& f) { return f.field == "notes"; });
  REQUIRE(notes != a.more.end());
  CHECK(plain_text(notes->blocks.front().text).find(" — ") != std::string::npos);
  CHECK(fr.words.colon == " — ");
  CHECK(chart_description(fr, progress_rows(fr)).find("Ensemble du plan — ") != std::string::npos);

  // A language with English words (as load/ gives one the theme lacks)
  // gets English booklets, with the site's overrides.
  site.config.languages = {"fr", "es"};
  site.words.by_lang["es"] = site.words.by_lang.at("en");
  site.words.by_lang["es"]["status_done"] = "Hecha";
  Booklet es = build_outline(site, site.plans[0], "es");
  CHECK(es.status_labels[2] == "Hecha");
  CHECK(es.words.contents == "Contents");
  CHECK(es.words.colon == ": ");
}

TEST_CASE("an action's fields that are not columns come with it, and the year grid as marks",
          "[booklet]") {
  auto site = testing::fixture_site();
  auto& plan = site.plans[0];
  plan.years = {"2021", "2022", "2023"};
  auto& action = plan.sections[0].sections[0].actions[0];
  action.fields.set("years").years = {"2022"};
  action.fields.set("details").texts = {testing::both("Des *détails*.", "Some *details*.")};
  plan.columns = {"due", "years", "leads"};
  Booklet fr = build_outline(site, plan, "fr");
  REQUIRE(fr.columns.size() == 5);
  CHECK(fr.columns[1].year);
  CHECK(fr.columns[2].label == "2022");
  CHECK_FALSE(fr.columns[4].year);
  const auto& a = fr.sections[0].children[0].actions[0];
  REQUIRE(a.cells.size() == 5);
  CHECK_FALSE(a.cells[1].mark);
  CHECK(a.cells[1].mark_word == "non");
  CHECK(a.cells[2].mark);
  CHECK(a.cells[2].mark_word == "oui");
  std::vector<std::string> more;
  for (const auto& f : a.more) more.push_back(f.field);
  // Every field it has that is not a column, in the field table's order.
  CHECK(more == std::vector<std::string>{"details", "partners", "results", "indicators",
                                         "follow_up", "progress", "notes"});
  Blocks partners = labelled_blocks(a.more[1], fr.words.colon);
  CHECK(plain_text(partners.front().text) == "Ressources\u00A0: ");
  CHECK(partners[1].kind == Block::Kind::item);
}

TEST_CASE("control characters and markup in a plan's texts never make EPUB or ODT ill-formed",
          "[booklet]") {
  auto site = testing::fixture_site();
  auto& action = site.plans[0].sections[0].sections[0].actions[0];
  action.title = testing::both("Titre <b>&amp; \x01 fin\x1f", "Title <b>&amp; \x01 end\x1f");
  action.fields.set("leads").texts = {testing::both("Table \x0b \"q\"", "Table \x0b \"q\"")};
  const fs::path dir = fs::temp_directory_path() / ("carnet-xml-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto entry = [&](const std::string& zip, const std::string& name) {
    const fs::path file = dir / "booklet.zip";
    base::write_file(file, zip);
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(
        popen(("unzip -p '" + file.string() + "' '" + name + "'").c_str(), "r"), pclose);
    REQUIRE(pipe);
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    return out;
  };
  auto well_formed = [](const std::string& xml) {
    wrap::XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.xml", nullptr,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    return doc != nullptr;
  };
  const std::string xhtml =
      entry(render_booklet(site, site.plans[0], "fr", "epub"), "EPUB/part-1.xhtml");
  CHECK(well_formed(xhtml));
  CHECK(xhtml.find("Titre &lt;b&gt;&amp;amp; \xEF\xBF\xBD fin\xEF\xBF\xBD") != std::string::npos);
  const std::string content =
      entry(render_booklet(site, site.plans[0], "en", "odt"), "content.xml");
  CHECK(well_formed(content));
  CHECK(content.find("Table \xEF\xBF\xBD &quot;q&quot;") != std::string::npos);
  fs::remove_all(dir);
}
