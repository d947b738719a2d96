// End to end: the booklets of tests/fixtures/booklet-site (A4, imposition
// and tête-bêche on; a plan whose table spans pages, a plan too wide for a
// table), checked with the tools a reader's software trusts: qpdf, poppler's
// pdftotext and pdfinfo, epubcheck, and the ODF package rules. The README's
// set-up installs these tools; the tests require them.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "load/site_loader.hpp"
#include "render/booklet/booklets.hpp"
#include "render/html/site_renderer.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using carnet::test::quoted;
using carnet::test::squeeze;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

// Runs a shell command, stdout and stderr together.
Run run(const std::string& command) {
  Run r;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::array<char, 4096> buf;
  while (size_t n = fread(buf.data(), 1, buf.size(), pipe.get())) r.out.append(buf.data(), n);
  int status = pclose(pipe.release());
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

struct Built {
  model::Site site;
  fs::path dir;
  std::map<std::string, std::string> files;  // path → bytes
};

// Removes the temporary folder when the test program ends.
struct TempDir {
  fs::path path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

// The fixture site's booklets, rendered once and written to a temporary folder.
const Built& built() {
  static TempDir temp;
  static const Built b = [] {
    Built out;
    base::Diagnostics diags;
    out.site =
        load::load_site(fs::path(CARNET_SOURCE_DIR) / "tests/fixtures/booklet-site", {}, diags);
    for (const auto& d : diags.sorted()) UNSCOPED_INFO(d.format());
    REQUIRE_FALSE(diags.has_errors());
    out.dir = fs::temp_directory_path() / ("carnet-booklet-e2e-" + std::to_string(::getpid()));
    fs::remove_all(out.dir);
    temp.path = out.dir;
    for (auto& f : render::booklet::render_booklets(out.site)) {
      base::write_file(out.dir / f.path, f.bytes);
      out.files[f.path] = std::move(f.bytes);
    }
    return out;
  }();
  return b;
}

}  // namespace

TEST_CASE("e2e: every plan gets its six booklets and the extra PDFs", "[booklet][e2e]") {
  const auto& b = built();
  for (const auto& plan : b.site.plans) {
    for (const auto& lang : b.site.config.languages) {
      for (const char* format : {"pdf", "epub", "odt"})
        CHECK(b.files.count(model::booklet_path(plan, lang, format)) == 1);
      CHECK(b.files.count(model::imposed_path(plan, lang)) == 1);
    }
    CHECK(b.files.count(model::tete_beche_path(b.site, plan)) == 1);
  }
}

TEST_CASE("e2e: plan pages link every booklet, the printer's PDFs included", "[booklet][e2e]") {
  const auto& b = built();
  base::Diagnostics diags;
  auto pages = render::html::render_site(b.site, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  for (const auto& plan : b.site.plans) {
    for (const auto& lang : b.site.config.languages) {
      const std::string page_path = plan.url.at(lang) + "index.html";
      auto page = std::find_if(pages.begin(), pages.end(),
                               [&](const auto& f) { return f.path == page_path; });
      REQUIRE(page != pages.end());
      // Links are relative to the page; each booklet's own path ends the href.
      for (const auto& target :
           {model::booklet_path(plan, lang, "pdf"), model::imposed_path(plan, lang),
            model::tete_beche_path(b.site, plan)}) {
        INFO(page_path << " should link " << target);
        CHECK(page->bytes.find(target + "\"") != std::string::npos);
      }
    }
  }
}

TEST_CASE("e2e: PDFs pass qpdf --check, hold every action title, bookmarks and page count",
          "[booklet][e2e]") {
  const auto& b = built();
  for (const auto& plan : b.site.plans) {
    for (const auto& lang : b.site.config.languages) {
      fs::path pdf = b.dir / model::booklet_path(plan, lang, "pdf");
      INFO(pdf.string());
      Run check = run("qpdf --check " + quoted(pdf));
      CHECK(check.status == 0);
      CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);

      Run info = run("pdfinfo " + quoted(pdf));
      REQUIRE(info.status == 0);
      int pages = std::atoi(info.out.c_str() + info.out.find("Pages:") + 6);
      // Cover, contents, summary, a part per outermost section, progress.
      CHECK(pages >= 3 + static_cast<int>(plan.sections.size()) + 1);
      size_t tagged = info.out.find("Tagged:");
      REQUIRE(tagged != std::string::npos);
      CHECK(info.out.compare(info.out.find_first_not_of(' ', tagged + 7), 3, "yes") == 0);
      CHECK(info.out.find("A4") != std::string::npos);
      CHECK(info.out.find("CreationDate:") != std::string::npos);

      // -raw: in drawing order, where a cell's lines follow each other (the
      // default order reads a table row by row across its cells).
      Run text = run("pdftotext -raw -enc UTF-8 " + quoted(pdf) + " -");
      REQUIRE(text.status == 0);
      std::string all = squeeze(text.out);
      std::function<void(const model::PlanSection&)> visit = [&](const model::PlanSection& s) {
        CHECK(all.find(squeeze(s.title.get(lang, "fr"))) != std::string::npos);
        for (const auto& a : s.actions) {
          std::string title = a.title.get(lang, "fr");
          INFO(title);
          CHECK(all.find(squeeze(title)) != std::string::npos);
        }
        for (const auto& c : s.sections) visit(c);
      };
      for (const auto& s : plan.sections) visit(s);

      Run outline = run("qpdf --json --json-key=outlines " + quoted(pdf));
      REQUIRE(outline.status == 0);
      size_t titles = 0;
      for (size_t at = outline.out.find("\"title\""); at != std::string::npos;
           at = outline.out.find("\"title\"", at + 1))
        titles++;
      CHECK(titles >= plan.sections.size() + 2);

      Run fonts = run("pdffonts " + quoted(pdf));
      CHECK(fonts.out.find("Noto") != std::string::npos);
      // Every font embedded: the "emb" column says yes on every line.
      CHECK(fonts.out.find(" no  ") == std::string::npos);
    }
  }
}

TEST_CASE("e2e: a table that spans pages repeats its header with its context", "[booklet][e2e]") {
  const auto& b = built();
  fs::path pdf = b.dir / "booklets/concerte.fr.pdf";
  Run text = run("pdftotext -layout -enc UTF-8 " + quoted(pdf) + " -");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("(suite)") != std::string::npos);
  size_t headers = 0;
  for (size_t at = text.out.find("Échéance"); at != std::string::npos;
       at = text.out.find("Échéance", at + 1))
    headers++;
  CHECK(headers >= 3);
  Run en = run("pdftotext -enc UTF-8 " + quoted(b.dir / "booklets/concerte.en.pdf") + " -");
  CHECK(en.out.find("(continued)") != std::string::npos);
}

TEST_CASE("e2e: imposed and tête-bêche PDFs are valid and have the pages they should",
          "[booklet][e2e]") {
  const auto& b = built();
  auto pages_of = [](const fs::path& p) {
    Run info = run("pdfinfo " + quoted(p));
    return std::atoi(info.out.c_str() + info.out.find("Pages:") + 6);
  };
  for (const auto& plan : b.site.plans) {
    fs::path reading = b.dir / model::booklet_path(plan, "fr", "pdf");
    fs::path imposed = b.dir / model::imposed_path(plan, "fr");
    fs::path both = b.dir / model::tete_beche_path(b.site, plan);
    CHECK(run("qpdf --check " + quoted(imposed)).status == 0);
    CHECK(run("qpdf --check " + quoted(both)).status == 0);
    // Sheet sides: an even number; A4 landscape.
    CHECK(pages_of(imposed) % 2 == 0);
    CHECK(run("pdfinfo " + quoted(imposed)).out.find("841.89 x 595.28 pts (A4)") !=
          std::string::npos);
    CHECK(run("pdfinfo " + quoted(reading)).out.find("595.28 x 841.89 pts (A4)") !=
          std::string::npos);
    // Both languages, imposed as well (the fixture sets both options).
    CHECK(pages_of(both) > pages_of(imposed));
    CHECK(pages_of(both) % 2 == 0);
  }
}

TEST_CASE("e2e: EPUBs pass epubcheck with no error or warning", "[booklet][e2e]") {
  const auto& b = built();
  for (const auto& [path, bytes] : b.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".epub") != 0) continue;
    INFO(path);
    Run check = run("java -jar /usr/share/java/epubcheck.jar " + quoted(b.dir / path));
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);
  }
}

TEST_CASE("e2e: ODTs are ODF packages with named styles and repeated header rows",
          "[booklet][e2e]") {
  const auto& b = built();
  for (const auto& [path, bytes] : b.files) {
    if (path.size() < 4 || path.compare(path.size() - 4, 4, ".odt") != 0) continue;
    INFO(path);
    fs::path odt = b.dir / path;
    Run list = run("unzip -Z1 " + quoted(odt));
    REQUIRE(list.status == 0);
    CHECK(list.out.rfind("mimetype\n", 0) == 0);
    for (const char* entry : {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"})
      CHECK(list.out.find(std::string(entry) + "\n") != std::string::npos);
    Run verbose = run("unzip -Zv " + quoted(odt) + " mimetype");
    CHECK(verbose.out.find("compression method:                             none (stored)") !=
          std::string::npos);
    Run content = run("unzip -p " + quoted(odt) + " content.xml");
    CHECK(content.out.find("<table:table-header-rows>") != std::string::npos);
    CHECK(content.out.find("text:outline-level=\"1\"") != std::string::npos);
    Run styles = run("unzip -p " + quoted(odt) + " styles.xml");
    for (const char* name : {"Heading 1", "Text body", "Table Heading", "Table Contents"})
      CHECK(styles.out.find(std::string("style:display-name=\"") + name + "\"") !=
            std::string::npos);
    // Well-formed XML.
    CHECK(run("unzip -p " + quoted(odt) + " content.xml | xmllint --noout -").status == 0);
  }
}

TEST_CASE("e2e: the same site gives the same bytes", "[booklet][e2e]") {
  const auto& b = built();
  auto again = render::booklet::render_booklets(b.site);
  for (const auto& f : again) CHECK(b.files.at(f.path) == f.bytes);
}

TEST_CASE("e2e: `carnet booklet` writes exactly the file asked for", "[booklet][e2e][cli]") {
  fs::path dir = fs::temp_directory_path() / ("carnet-booklet-cli-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path plan =
      fs::path(CARNET_SOURCE_DIR) / "tests/fixtures/booklet-site/content/plans/concerte.plan.yaml";
  for (const char* format : {"pdf", "epub", "odt"}) {
    fs::path out = dir / (std::string("out.") + format);
    Run r = run(std::string(CARNET_BINARY) + " booklet " + quoted(plan) + " --lang en --format " +
                format + " -o " + quoted(out));
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(fs::exists(out));
  }
  CHECK(run("qpdf --check " + quoted(dir / "out.pdf")).status == 0);
  // Only the files asked for.
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
  CHECK(n == 3);
  Run bad = run(std::string(CARNET_BINARY) + " booklet " + quoted(plan) + " --lang de -o " +
                quoted(dir / "x.pdf"));
  CHECK(bad.status == 2);
  fs::remove_all(dir);
}

TEST_CASE("e2e: the year grid's years are in the rows of the PDF", "[booklet][e2e]") {
  // detaille is set as cards (too many columns): each card has a row
  // "Années | 2022, 2023" where the table would have its marks.
  const auto& b = built();
  for (const auto& [lang, label] : {std::pair{"fr", "Années"}, std::pair{"en", "Years"}}) {
    fs::path pdf = b.dir / ("booklets/detaille." + std::string(lang) + ".pdf");
    Run text = run("pdftotext -layout -enc UTF-8 " + quoted(pdf) + " -");
    REQUIRE(text.status == 0);
    size_t rows = 0;
    std::string out = text.out;
    for (size_t at = out.find(label); at != std::string::npos; at = out.find(label, at + 1)) {
      size_t eol = out.find('\n', at);
      if (out.substr(at, eol - at).find("2022, 2023") != std::string::npos) rows++;
    }
    INFO(lang);
    CHECK(rows >= 2);
  }
}

namespace {
// Every page's size, "595.28 x 841.89", from pdfinfo.
std::vector<std::string> page_sizes(const fs::path& pdf) {
  Run info = run("pdfinfo -f 1 -l 999 " + quoted(pdf));
  REQUIRE(info.status == 0);
  std::vector<std::string> out;
  // "Page    3 size: 595.28 x 841.89 pts (A4)"
  std::istringstream lines(info.out);
  for (std::string line; std::getline(lines, line);) {
    size_t at = line.find(" size: ");
    if (line.rfind("Page ", 0) != 0 || at == std::string::npos || line.find(" pts") == line.npos)
      continue;
    size_t from = line.find_first_not_of(' ', at + 7);
    out.push_back(line.substr(from, line.find(" pts", from) - from));
  }
  return out;
}
}  // namespace

TEST_CASE("e2e: pages never turn inside a booklet; orientation: landscape turns them all",
          "[booklet][e2e]") {
  // concerte has seven columns: too many for a portrait A4 table, so cards,
  // not landscape pages.
  const auto& b = built();
  auto portrait = page_sizes(b.dir / "booklets/concerte.fr.pdf");
  REQUIRE(portrait.size() > 5);
  for (const auto& s : portrait) CHECK(s == "595.28 x 841.89");

  model::Site site = b.site;
  site.config.booklet.orientation = "landscape";
  fs::path pdf = b.dir / "landscape.fr.pdf";
  base::write_file(pdf, render::booklet::render_booklet(site, site.plans[0], "fr", "pdf"));
  auto landscape = page_sizes(pdf);
  REQUIRE(landscape.size() > 3);
  for (const auto& s : landscape) CHECK(s == "841.89 x 595.28");
}
