// End to end: one set of words for every output. A site's i18n/fr.yaml
// renames a status (tests/fixtures/words-site); the real binary must print
// the new word on the plan page and in the PDF, EPUB and ODT booklets, and
// the old word nowhere. A language the theme has no words for takes English
// words, and `carnet check` says so; the preview's reloads see edits to i18n/.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "base/fs.hpp"
#include "cli/build_pipeline.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using carnet::base::read_file;
using carnet::base::write_file;
using carnet::test::quoted;
using carnet::test::run_carnet;
using carnet::test::run_shell;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// pdftotext breaks lines where the layout does: compare without white space.
std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

// The fixture site copied into a scratch folder, built by the real binary.
const fs::path& built_site() {
  static const fs::path out = [] {
    const fs::path work = carnet::test::scratch("words-site");
    fs::copy(carnet::test::source_dir / "tests/fixtures/words-site", work / "site",
             fs::copy_options::recursive);
    auto r = run_carnet({"build", (work / "site").string(), "-o", (work / "out").string(), "-q"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return work / "out";
  }();
  return out;
}

}  // namespace

TEST_CASE("words: a site's i18n/ override reaches the plan page and every booklet",
          "[words][e2e]") {
  const fs::path& out = built_site();

  const std::string page_fr = read_file(out / "plans/mots/index.html");
  CHECK(has(page_fr, "En marche"));
  CHECK_FALSE(has(page_fr, "En cours"));
  CHECK(has(read_file(out / "en/plans/mots/index.html"), "In progress"));

  auto pdf = run_shell("pdftotext -enc UTF-8 " + quoted(out / "booklets/mots.fr.pdf") + " -");
  REQUIRE(pdf.status == 0);
  CHECK(has(without_spaces(pdf.out), "Enmarche"));
  CHECK_FALSE(has(without_spaces(pdf.out), "Encours"));

  auto epub = run_shell("unzip -p " + quoted(out / "booklets/mots.fr.epub") + " '*.xhtml'");
  REQUIRE(epub.status == 0);
  CHECK(has(epub.out, "En marche"));
  CHECK_FALSE(has(epub.out, "En cours"));

  auto odt = run_shell("unzip -p " + quoted(out / "booklets/mots.fr.odt") + " content.xml");
  REQUIRE(odt.status == 0);
  CHECK(has(odt.out, "En marche"));
  CHECK_FALSE(has(odt.out, "En cours"));

  // The English booklets keep the theme's English word.
  auto odt_en = run_shell("unzip -p " + quoted(out / "booklets/mots.en.odt") + " content.xml");
  CHECK(has(odt_en.out, "In progress"));
}

TEST_CASE("words: a language the theme lacks takes English words, and check says so",
          "[words][e2e]") {
  const fs::path site = carnet::test::scratch("words-es") / "site";
  write_file(site / "carnet.yaml",
             "title: {fr: \"Mots\", es: \"Palabras\"}\nlanguages: [fr, es]\n");
  write_file(site / "content/_index.fr.md", "---\ntitle: Accueil\n---\nBienvenue.\n");
  write_file(site / "content/_index.es.md", "---\ntitle: Inicio\n---\nBienvenidos.\n");

  auto check = run_carnet({"check", site.string()});
  INFO(check.err);
  CHECK(check.status == 0);
  CHECK(has(check.err, "carnet.yaml: warning: the theme has no words in \"es\": "));
  CHECK(has(check.err, "show in English (translate them in i18n/es.yaml)"));

  auto built = run_carnet({"build", site.string(), "-q"});
  INFO(built.err);
  REQUIRE(built.status == 0);
  CHECK(has(read_file(site / "output/es/index.html"), "Skip to content"));

  // Every word translated in the site's i18n/es.yaml: nothing left to say.
  std::string all;
  for (const auto& line :
       carnet::test::lines_of(read_file(carnet::test::source_dir / "themes/default/i18n/en.yaml")))
    if (!line.empty() && line[0] != '#') all += line + "\n";
  write_file(site / "i18n/es.yaml", all);
  auto translated = run_carnet({"check", site.string()});
  CHECK(translated.status == 0);
  CHECK_FALSE(has(translated.err, "no words in"));
}

TEST_CASE("words: the preview's reloads see an edit to i18n/", "[words][e2e]") {
  const fs::path site = carnet::test::scratch("words-cache") / "site";
  fs::copy(carnet::test::source_dir / "tests/fixtures/words-site", site,
           fs::copy_options::recursive);
  carnet::load::ParseCache cache;
  carnet::cli::BuildOptions options;
  options.booklets = false;
  options.load.cache = &cache;
  auto page_of = [&] {
    auto r = carnet::cli::build_site(site, options);
    REQUIRE_FALSE(r.diags.has_errors());
    for (const auto& f : r.files)
      if (f.path == "plans/mots/index.html") return f.bytes;
    FAIL("no plan page");
    return std::string();
  };
  CHECK(has(page_of(), "En marche"));
  write_file(site / "i18n/fr.yaml", "status_in_progress: \"En chantier\"\n");
  const std::string after = page_of();
  CHECK(has(after, "En chantier"));
  CHECK_FALSE(has(after, "En marche"));
}
