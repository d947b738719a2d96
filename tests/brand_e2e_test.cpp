// End to end: tests/fixtures/brand-site (a PNG logo, a light brand colour,
// a partner with an SVG logo and a link, one with a name only) built by the
// real binary: the logo is in the site header and on the PDF cover, the
// partners in the footer and on the PDF's back cover, the colour in the
// stylesheet and the PDF, the logo packaged in the EPUB (epubcheck clean)
// and the ODT.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

namespace {

const fs::path& built_site() {
  static const fs::path out = [] {
    fs::path dir = scratch("brand-site");
    auto r = run_carnet({"build", (source_dir / "tests/fixtures/brand-site").string(), "-o",
                         (dir / "out").string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return dir / "out";
  }();
  return out;
}

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("brand e2e: the logo heads every page, the partners close it", "[brand][e2e]") {
  const auto& out = built_site();
  const std::string home = carnet::base::read_file(out / "index.html");
  CHECK(home.find(R"(<a class="site-title" href="./"><img class="site-logo" )"
                  R"(src="images/logo.png" alt="Table de quartier à l&#39;essai"></a>)") !=
        std::string::npos);
  CHECK(home.find(R"(<li><a href="https://example.org/fondation/"><img )"
                  R"(src="images/partner.svg" alt="Fondation de l&#39;essai"></a></li>)") !=
        std::string::npos);
  CHECK(home.find("<li>Ville de l&#39;essai</li>") != std::string::npos);
  const std::string en = carnet::base::read_file(out / "en/index.html");
  CHECK(en.find(R"(src="../images/logo.png" alt="Test Round Table")") != std::string::npos);
  CHECK(en.find("<li>Test City</li>") != std::string::npos);
  CHECK(en.find("<h2 id=\"partners-title\">Partners</h2>") != std::string::npos);
  // The 404 page is served at any address: absolute paths.
  const std::string missing = carnet::base::read_file(out / "404.html");
  CHECK(missing.find(R"(src="/marque/images/logo.png")") != std::string::npos);
  CHECK(broken_relative_links(out).empty());
}

TEST_CASE("brand e2e: the colour reaches the stylesheet, darkened for text", "[brand][e2e]") {
  const auto& out = built_site();
  std::string css;
  for (const auto& e : fs::directory_iterator(out / "css")) css = carnet::base::read_file(e.path());
  // #f2c94c is 1.6:1 on white: rules and bars get 3:1, text 4.5:1.
  CHECK(css.find(":root{--brand:#ae9137;--brand-text:#836d29;--brand-tint:#fdf9ea}") !=
        std::string::npos);
  CHECK(css.find("--accent:var(--brand,") != std::string::npos);
}

TEST_CASE("brand e2e: the PDF has the logo on its cover and the partners on its back",
          "[brand][e2e]") {
  const fs::path pdf = built_site() / "booklets/plan.fr.pdf";
  REQUIRE(fs::exists(pdf));
  CHECK(run_shell("qpdf --check " + q(pdf) + " >/dev/null").status == 0);
  // pdfimages: the PNG logo is an image of page 1, and the only one.
  auto images = run_shell("pdfimages -list " + q(pdf));
  auto rows = lines_of(images.out);
  REQUIRE(rows.size() == 3);  // two header lines, one image
  CHECK(rows[2].rfind("   1     0 image     120    48", 0) == 0);
  // The period is not repeated under "Plan d'action 2021-2023".
  auto cover = run_shell("pdftotext -f 1 -l 1 " + q(pdf) + " -");
  CHECK(cover.out.find("Plan d’action 2021-2023") != std::string::npos);
  CHECK(cover.out.find("2021–2023") == std::string::npos);
  // nor the summary, which opens page 3.
  CHECK(cover.out.find("Quatre orientations") == std::string::npos);
  auto third = run_shell("pdftotext -f 3 -l 3 " + q(pdf) + " -");
  CHECK(third.out.find("Quatre orientations") != std::string::npos);
  // The back cover: the last page, an even one, with both partners and a link.
  auto info = run_shell("pdfinfo " + q(pdf));
  auto at = info.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  int pages = std::stoi(info.out.substr(at + 6));
  CHECK(pages % 2 == 0);
  auto back = run_shell("pdftotext -f " + std::to_string(pages) + " -l " + std::to_string(pages) +
                        " " + q(pdf) + " -");
  CHECK(back.out.find("PARTENAIRES") != std::string::npos);
  CHECK(back.out.find("Fondation de l’essai") != std::string::npos);
  CHECK(back.out.find("Ville de l’essai") != std::string::npos);
  CHECK(carnet::base::read_file(pdf).find("https://example.org/fondation/") != std::string::npos);
}

TEST_CASE("brand e2e: the brand colour heads the PDF's tables", "[brand][e2e]") {
  // The table heads are filled with the text strength of the brand colour,
  // #836d29: "0.513725 0.427451 0.160784 rg" in cairo's content streams.
  const fs::path pdf = built_site() / "booklets/plan.fr.pdf";
  auto streams = run_shell("qpdf --qdf --object-streams=disable " + q(pdf) +
                           " - | grep -a -c '0.513725 0.427451 0.160784 rg'");
  CHECK(std::stoi(streams.out) > 0);
  auto teal = run_shell("qpdf --qdf --object-streams=disable " + q(pdf) +
                        " - | grep -a -c '0.063 0.275 0.349 rg'");
  CHECK(std::stoi(teal.out) == 0);
}

TEST_CASE("brand e2e: the EPUB and the ODT package the logo", "[brand][e2e]") {
  const auto& out = built_site();
  const fs::path epub = out / "booklets/plan.fr.epub";
  auto list = run_shell("unzip -l " + q(epub));
  CHECK(list.out.find("EPUB/logo.png") != std::string::npos);
  auto opf = run_shell("unzip -p " + q(epub) + " EPUB/package.opf");
  CHECK(opf.out.find(R"(<item id="logo" href="logo.png" media-type="image/png"/>)") !=
        std::string::npos);
  auto title = run_shell("unzip -p " + q(epub) + " EPUB/title.xhtml");
  CHECK(title.out.find(R"(<img src="logo.png" alt="Table de quartier à l'essai"/>)") !=
        std::string::npos);
  CHECK(title.out.find("2021–2023") == std::string::npos);
  auto check = run_shell("java -jar /usr/share/java/epubcheck.jar " + q(epub) + " 2>&1");
  INFO(check.out);
  CHECK(check.status == 0);

  const fs::path odt = out / "booklets/plan.fr.odt";
  auto manifest = run_shell("unzip -p " + q(odt) + " META-INF/manifest.xml");
  CHECK(manifest.out.find(
            R"(manifest:full-path="Pictures/logo.png" manifest:media-type="image/png")") !=
        std::string::npos);
  auto content = run_shell("unzip -p " + q(odt) + " content.xml");
  CHECK(content.out.find(R"(xlink:href="Pictures/logo.png")") != std::string::npos);
}
