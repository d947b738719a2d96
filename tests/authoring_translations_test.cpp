// `carnet check` and the translation workflow on a fixture with known gaps:
// the check's report, export → translate → import round trips in XLIFF and
// CSV that change only the translated values (the rest of each file stays
// byte for byte), a second import that changes nothing, and conflicts when
// a source changed after the export.
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "cli/check_command.hpp"
#include "cli/translations_command.hpp"
#include "e2e_support.hpp"
#include "translate/exchange.hpp"

namespace fs = std::filesystem;
using carnet::base::read_file;
using carnet::base::write_file;

namespace {

const fs::path fixture = carnet::test::source_dir / "tests/fixtures/authoring-translations";

fs::path site_copy(const std::string& name) {
  fs::path dir = carnet::test::scratch(name) / "site";
  fs::copy(fixture / "site", dir, fs::copy_options::recursive);
  return dir;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// What our pretend translator writes: "EN " before a short text; in a
// Markdown text, a few words translated and the rest (markup, line breaks)
// left as it is.
std::string translate(std::string source) {
  if (source.find('\n') == std::string::npos) return "EN " + source;
  replace_all(source, "Une", "An");
  replace_all(source, "Nous", "We");
  return source;
}

std::string strip_xml_escapes(std::string s) {
  replace_all(s, "&lt;", "<");
  replace_all(s, "&gt;", ">");
  replace_all(s, "&amp;", "&");
  return s;
}

// A translation tool's edit of the XLIFF file: a <target> after each
// <source>, the rest of the file untouched.
std::string fill_xliff(std::string xliff) {
  const std::string open = "<source xml:space=\"preserve\">", close = "</source>";
  for (size_t at = xliff.find(open); at != std::string::npos; at = xliff.find(open, at + 1)) {
    size_t begin = at + open.size(), end = xliff.find(close, begin);
    std::string source = strip_xml_escapes(xliff.substr(begin, end - begin));
    std::string target = translate(source);
    replace_all(target, "&", "&amp;");
    replace_all(target, "<", "&lt;");
    xliff.insert(end + close.size(),
                 "\n        <target xml:space=\"preserve\">" + target + "</target>");
  }
  return xliff;
}

// The expected site after the import: the fixture with the files of
// expected-after-import/ in place of its own.
std::map<std::string, std::string> expected_tree() {
  auto tree = carnet::test::read_tree(fixture / "site");
  for (const auto& [rel, bytes] : carnet::test::read_tree(fixture / "expected-after-import"))
    tree[rel] = bytes;
  return tree;
}

std::vector<std::string> lines(const carnet::base::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}

}  // namespace

TEST_CASE("check: a fixture with known gaps", "[authoring]") {
  carnet::cli::CheckOptions options;
  options.site = (fixture / "site").string();
  auto report = carnet::cli::check_site(options);
  CHECK(lines(report.diags) ==
        carnet::test::lines_of(read_file(fixture / "expected-check-stderr.txt")));
  CHECK(carnet::cli::check_report_text(report) == read_file(fixture / "expected-check-stdout.txt"));
  CHECK_FALSE(report.diags.has_errors());

  options.strict = true;
  auto strict = carnet::cli::check_site(options);
  CHECK(strict.diags.error_count() == 14);  // the translations; the image stays a warning
  CHECK(lines(strict.diags)[1] ==
        "content/a-propos.fr.md:1:1: error: this page has no English (en) translation: add "
        "content/a-propos.en.md "
        "(or use carnet translations export)");
}

TEST_CASE("translations: XLIFF export, translate, import, and import again", "[authoring]") {
  fs::path site = site_copy("translations-xliff");
  fs::path xliff = site.parent_path() / "a-traduire.xliff";
  REQUIRE(carnet::cli::run_translations_export({site.string(), "en", "", xliff.string()}) == 0);
  const std::string exported = read_file(xliff);
  CHECK(exported.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff "
                       "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                       "version=\"2.0\" srcLang=\"fr\" trgLang=\"en\">\n",
                       0) == 0);
  CHECK(exported.find("<file id=\"f2\" original=\"content/a-propos.fr.md\">") != std::string::npos);
  CHECK(exported.find("<note category=\"location\">content/plans/p.plan.yaml:29:21</note>") !=
        std::string::npos);
  CHECK(exported.find("<note category=\"context\">lead #1 of action 1.1.1 (action-a)</note>") !=
        std::string::npos);
  // An out-of-date text comes with its old translation.
  CHECK(exported.find("<note category=\"previous-translation\">Action A</note>") !=
        std::string::npos);

  write_file(xliff, fill_xliff(exported));
  REQUIRE(carnet::cli::run_translations_import({site.string(), xliff.string()}) == 0);
  CHECK(carnet::test::read_tree(site) == expected_tree());

  // The same file again changes nothing.
  REQUIRE(carnet::cli::run_translations_import({site.string(), xliff.string()}) == 0);
  CHECK(carnet::test::read_tree(site) == expected_tree());

  carnet::cli::CheckOptions options;
  options.site = site.string();
  options.strict = true;
  auto report = carnet::cli::check_site(options);
  CHECK_FALSE(report.diags.has_errors());
  CHECK(report.summary.back() == "en: 19 of 19 texts translated (100%)");
}

TEST_CASE("translations: CSV export, translate in a spreadsheet, import", "[authoring]") {
  fs::path site = site_copy("translations-csv");
  fs::path csv = site.parent_path() / "a-traduire.csv";
  REQUIRE(carnet::cli::run_translations_export({site.string(), "en", "", csv.string()}) == 0);
  const std::string exported = read_file(csv);
  CHECK(exported.rfind("\xEF\xBB\xBF"
                       "file,key,location,context,fingerprint,fr,en,previous en\r\n",
                       0) == 0);

  // A spreadsheet saves it back with `;` and LF, as a French Excel does.
  carnet::base::Diagnostics diags;
  auto x = carnet::translate::read_translation_csv(exported, "a-traduire.csv", diags);
  REQUIRE(x);
  CHECK(x->units.size() == 17);
  for (auto& u : x->units) u.target = translate(u.source);
  std::string saved = carnet::translate::write_translation_csv(*x);
  replace_all(saved, "\",\"", "\";\"");
  replace_all(saved, "fingerprint,fr,en,previous en", "fingerprint;fr;en;previous en");
  replace_all(saved, "file,key,location,context,", "file;key;location;context;");
  replace_all(saved, "\r\n", "\n");
  write_file(csv, saved);

  REQUIRE(carnet::cli::run_translations_import({site.string(), csv.string()}) == 0);
  CHECK(carnet::test::read_tree(site) == expected_tree());
  REQUIRE(carnet::cli::run_translations_import({site.string(), csv.string()}) == 0);
  CHECK(carnet::test::read_tree(site) == expected_tree());
}

TEST_CASE("translations: a source changed since the export is a conflict, not overwritten",
          "[authoring]") {
  fs::path site = site_copy("translations-conflict");
  fs::path xliff = site.parent_path() / "a-traduire.xliff";
  REQUIRE(carnet::cli::run_translations_export({site.string(), "en", "xliff", xliff.string()}) ==
          0);
  write_file(xliff, fill_xliff(read_file(xliff)));

  // Meanwhile the author rewrites the plan's summary and the home page.
  fs::path plan = site / "content/plans/p.plan.yaml";
  std::string text = read_file(plan);
  replace_all(text, "Résumé en français seulement", "Un tout autre résumé");
  write_file(plan, text);

  auto before = carnet::test::read_tree(site);
  CHECK(carnet::cli::run_translations_import({site.string(), xliff.string()}) == 1);
  auto after = carnet::test::read_tree(site);
  // The summary keeps no English text; everything else was imported.
  CHECK(after["content/plans/p.plan.yaml"].find(
            "summary: Un tout autre résumé, sans guillemets\n") != std::string::npos);
  CHECK(after["content/plans/p.plan.yaml"].find("en: \"EN Objectif\"") != std::string::npos);
  CHECK(after["content/a-propos.en.md"] == expected_tree()["content/a-propos.en.md"]);
  CHECK(after[".carnet/translations.yaml"].find("\"summary\"") == std::string::npos);
}

TEST_CASE("translations: a file whose target is the site's own language writes nothing",
          "[authoring]") {
  fs::path site = site_copy("translations-own-language");
  fs::path xliff = site.parent_path() / "a-traduire.xliff";
  REQUIRE(carnet::cli::run_translations_export({site.string(), "en", "", xliff.string()}) == 0);
  std::string filled = fill_xliff(read_file(xliff));
  replace_all(filled, "srcLang=\"fr\" trgLang=\"en\"", "srcLang=\"en\" trgLang=\"fr\"");
  write_file(xliff, filled);
  const auto before = carnet::test::read_tree(site);
  CHECK(carnet::cli::run_translations_import({site.string(), xliff.string()}) == 1);
  CHECK(carnet::test::read_tree(site) == before);

  // A CSV whose header names fr as the translation's column.
  fs::path csv = site.parent_path() / "a-traduire.csv";
  REQUIRE(carnet::cli::run_translations_export({site.string(), "en", "", csv.string()}) == 0);
  carnet::base::Diagnostics diags;
  auto x = carnet::translate::read_translation_csv(read_file(csv), "a-traduire.csv", diags);
  REQUIRE(x);
  for (auto& u : x->units) u.target = translate(u.source);
  std::string saved = carnet::translate::write_translation_csv(*x);
  replace_all(saved, "fingerprint,fr,en,previous en", "fingerprint,en,fr,previous fr");
  write_file(csv, saved);
  CHECK(carnet::cli::run_translations_import({site.string(), csv.string()}) == 1);
  CHECK(carnet::test::read_tree(site) == before);

  // A language the site does not have.
  replace_all(filled, "trgLang=\"fr\"", "trgLang=\"de\"");
  write_file(xliff, filled);
  CHECK(carnet::cli::run_translations_import({site.string(), xliff.string()}) == 1);
  CHECK(carnet::test::read_tree(site) == before);

  // Nor can an export or an accept be made into it.
  CHECK(carnet::cli::run_translations_export({site.string(), "fr", "", xliff.string()}) == 2);
  CHECK(carnet::cli::run_translations_accept(site.string(), "fr") == 2);
  CHECK(carnet::test::read_tree(site) == before);
}

TEST_CASE("translations: an export does not overwrite a source or someone's file", "[authoring]") {
  fs::path site = site_copy("translations-export-over");
  const auto before = carnet::test::read_tree(site);
  for (const char* rel : {"content/a-propos.fr.md", "content/plans/p.plan.yaml", "carnet.yaml"}) {
    INFO(rel);
    CHECK(carnet::cli::run_translations_export(
              {site.string(), "en", "xliff", (site / rel).string()}) == 2);
  }
  CHECK(carnet::test::read_tree(site) == before);

  const fs::path mine = site.parent_path() / "budget.csv";
  write_file(mine, "poste,montant\n");
  CHECK(carnet::cli::run_translations_export({site.string(), "en", "", mine.string()}) == 2);
  CHECK(read_file(mine) == "poste,montant\n");
  carnet::cli::ExportOptions forced{site.string(), "en", "", mine.string(), true};
  CHECK(carnet::cli::run_translations_export(forced) == 0);
  CHECK(read_file(mine).find("file,key,location") != std::string::npos);

  // An earlier export is replaced without asking, in either format...
  const fs::path xliff = site.parent_path() / "a-traduire.xliff";
  CHECK(carnet::cli::run_translations_export({site.string(), "en", "", xliff.string()}) == 0);
  CHECK(carnet::cli::run_translations_export({site.string(), "en", "", xliff.string()}) == 0);
  CHECK(carnet::cli::run_translations_export({site.string(), "en", "", mine.string()}) == 0);
  CHECK(carnet::test::read_tree(site) == before);
  // ...but not once the translator has written in it.
  const std::string filled = fill_xliff(read_file(xliff));
  write_file(xliff, filled);
  CHECK(carnet::cli::run_translations_export({site.string(), "en", "", xliff.string()}) == 2);
  CHECK(read_file(xliff) == filled);
}
