// End to end: tests/fixtures/page-figures, a report page with an image and a
// Markdown table long enough to span pages, built by the real binary. The
// PDF draws the image with its description as caption on the same page,
// tagged Figure with the description as its alternative text, and repeats
// the table's header on every page the table spans; the EPUB packs the
// image (epubcheck clean) as a figure and the table as a <table> with
// <th scope>; the ODT has the image in Pictures/ in a draw:frame and the
// table as table:table with a header row. The demo's Ahuntsic report gets
// its table as a table in every format. A missing image is a content error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

namespace {

const fs::path fixture = source_dir / "tests/fixtures/page-figures";

const fs::path& built_site() {
  static const fs::path out = [] {
    fs::path dir = scratch("page-figures");
    auto r = run_carnet({"build", fixture.string(), "-o", (dir / "out").string(), "--quiet"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return dir / "out";
  }();
  return out;
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// The text of a PDF's page, without white space and soft hyphens.
std::string page_text(const fs::path& pdf, int page) {
  std::string t = run_shell("pdftotext -raw -enc UTF-8 -f " + std::to_string(page) + " -l " +
                            std::to_string(page) + " " + q(pdf) + " -")
                      .out;
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ' || t[i] == '\n' || t[i] == '\f' || t[i] == '-') continue;
    if (t.compare(i, 2, "\xC2\xAD") == 0) {
      ++i;
      continue;
    }
    out += t[i];
  }
  return out;
}

int page_count(const fs::path& pdf) {
  return std::stoi(run_shell("pdfinfo " + q(pdf) + " | sed -n 's/^Pages: *//p'").out);
}

struct Lang {
  const char* pdf;
  const char* caption;  // squeezed
  const char* header;   // the third column's header, squeezed
  const char* row;      // words of every row, squeezed
};
const Lang langs[] = {
    {"rapports/bilan/bilan.fr", "Lesmembresréunisenassembléegénérale", "Cequis’estpassé",
     "Rencontredequartier"},
    {"en/rapports/bilan/bilan.en", "Themembersgatheredatthegeneralassembly", "Whathappened",
     "Neighbourhoodmeeting"},
};

}  // namespace

TEST_CASE("page figures e2e: the PDF draws the image with its caption, tagged Figure",
          "[e2e][page-booklet][page-figures]") {
  for (const auto& l : langs) {
    const fs::path pdf = built_site() / (std::string(l.pdf) + ".pdf");
    INFO(pdf);
    REQUIRE(fs::exists(pdf));
    CHECK(run_shell("qpdf --check " + q(pdf) + " >/dev/null 2>&1").status == 0);
    // One image, 800 × 500 pixels, on the page that carries its caption.
    auto rows = lines_of(run_shell("pdfimages -list " + q(pdf)).out);
    REQUIRE(rows.size() == 3);
    int page = std::stoi(rows[2].substr(0, 4));
    CHECK(rows[2].find(" image     800   500") != std::string::npos);
    CHECK(page_text(pdf, page).find(l.caption) != std::string::npos);
    // Tagged as a figure, with its description as alternative text.
    const std::string bytes = carnet::base::read_file(pdf);
    CHECK(bytes.find("/S /Figure") != std::string::npos);
    CHECK(bytes.find("/Alt ") != std::string::npos);
  }
}

TEST_CASE("page figures e2e: a long table repeats its header on every page it spans",
          "[e2e][page-booklet][page-figures]") {
  for (const auto& l : langs) {
    const fs::path pdf = built_site() / (std::string(l.pdf) + ".pdf");
    INFO(pdf);
    int spanned = 0;
    for (int p = 1, n = page_count(pdf); p <= n; ++p) {
      const std::string text = page_text(pdf, p);
      if (text.find(l.row) == std::string::npos) continue;
      INFO("page " << p);
      ++spanned;
      CHECK(text.find(l.header) != std::string::npos);
    }
    CHECK(spanned >= 2);
    // Its rows as a table: tagged Table, TR, TH, TD.
    const std::string bytes = carnet::base::read_file(pdf);
    CHECK(bytes.find("/S /TH") != std::string::npos);
  }
}

TEST_CASE("page figures e2e: the EPUB packs the image and sets the table, epubcheck clean",
          "[e2e][page-booklet][page-figures]") {
  for (const auto& l : langs) {
    const fs::path epub = built_site() / (std::string(l.pdf) + ".epub");
    INFO(epub);
    auto check = run_shell("java -jar /usr/share/java/epubcheck.jar " + q(epub) + " 2>&1");
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);
    const auto list = run_shell("unzip -Z1 " + q(epub)).out;
    CHECK(list.find("EPUB/images/") != std::string::npos);
    const auto opf = run_shell("unzip -p " + q(epub) + " EPUB/package.opf").out;
    CHECK(opf.find("media-type=\"image/png\"") != std::string::npos);
    const auto docs = run_shell("unzip -p " + q(epub) + " 'EPUB/*.xhtml'").out;
    CHECK(docs.find("<figure><img src=\"images/") != std::string::npos);
    CHECK(docs.find("<figcaption>") != std::string::npos);
    CHECK(docs.find("<table class=\"markdown\"><thead><tr><th scope=\"col\">") !=
          std::string::npos);
    CHECK(docs.find("<th scope=\"col\" class=\"right\">") != std::string::npos);
  }
}

TEST_CASE("page figures e2e: the ODT has the image in a frame and the table with a header row",
          "[e2e][page-booklet][page-figures]") {
  for (const auto& l : langs) {
    const fs::path odt = built_site() / (std::string(l.pdf) + ".odt");
    INFO(odt);
    const auto list = run_shell("unzip -Z1 " + q(odt)).out;
    CHECK(list.find("Pictures/images/") != std::string::npos);
    const auto manifest = run_shell("unzip -p " + q(odt) + " META-INF/manifest.xml").out;
    CHECK(manifest.find("Pictures/images/") != std::string::npos);
    const auto content = run_shell("unzip -p " + q(odt) + " content.xml").out;
    CHECK(content.find("<draw:frame draw:style-name=\"ChartFrame\" draw:name=\"Figure1\"") !=
          std::string::npos);
    CHECK(content.find("xlink:href=\"Pictures/images/") != std::string::npos);
    CHECK(content.find("text:style-name=\"FigureCaption\"") != std::string::npos);
    CHECK(content.find("<table:table table:name=\"Table1\"") != std::string::npos);
    CHECK(content.find("<table:table-header-rows>") != std::string::npos);
    CHECK(content.find("CellRight") != std::string::npos);
  }
}

TEST_CASE("page figures e2e: the demo's Ahuntsic report sets its table as a table",
          "[e2e][page-booklet][page-figures]") {
  const fs::path out = scratch("page-figures-demo") / "out";
  auto r = run_carnet({"build", source_dir.string(), "-o", out.string(), "--quiet"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const fs::path base = out / "rapports/2021-planification-solidarite-ahuntsic";
  fs::path stem;
  for (const auto& e : fs::directory_iterator(base))
    if (e.path().extension() == ".epub") stem = e.path().parent_path() / e.path().stem();
  REQUIRE_FALSE(stem.empty());
  const auto docs = run_shell("unzip -p " + q(stem.string() + ".epub") + " 'EPUB/*.xhtml'").out;
  CHECK(docs.find("<th scope=\"col\" class=\"right\">Nombre</th>") != std::string::npos);
  const auto content = run_shell("unzip -p " + q(stem.string() + ".odt") + " content.xml").out;
  CHECK(content.find("<table:table-header-rows>") != std::string::npos);
  const std::string bytes = carnet::base::read_file(stem.string() + ".pdf");
  CHECK(bytes.find("/S /TH") != std::string::npos);
}

TEST_CASE("page figures e2e: an image whose file is missing is an error at its position",
          "[e2e][page-figures]") {
  const fs::path site = scratch("page-figures-missing") / "site";
  fs::copy(fixture, site, fs::copy_options::recursive);
  carnet::base::write_file(
      site / "content/rapports/bilan.fr.md",
      "---\ntitle: Bilan\n---\n\nTexte.\n\n![Une photo](/images/absente.png)\n");
  const fs::path out = site.parent_path() / "out";
  auto r = run_carnet({"build", site.string(), "-o", out.string()});
  CHECK(r.status != 0);
  CHECK(r.err.find("content/rapports/bilan.fr.md:7:1: error: image \"/images/absente.png\": no "
                   "such file (looked for static/images/absente.png)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  auto check = run_carnet({"check", site.string()});
  CHECK(check.status != 0);
  CHECK(check.err.find("bilan.fr.md:7:1: error: image") != std::string::npos);
}
