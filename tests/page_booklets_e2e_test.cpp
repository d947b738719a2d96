// End to end: the booklets of the demo's two report pages (`booklet: true`,
// PRODUCT.md §9), built by the real binary, in both languages: each page
// links its PDF, EPUB and ODT; the PDF passes qpdf --check, is tagged, has a
// table of contents whose page numbers are where the headings are, every
// heading of the page, and each footnote on the page of its call; the EPUB
// passes epubcheck; the ODT carries the headings and the notes.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>

#include "base/fs.hpp"
#include "e2e_support.hpp"
#include "load/site_loader.hpp"
#include "markdown/document.hpp"
#include "model/page_booklets.hpp"

namespace fs = std::filesystem;
using namespace carnet;
using namespace carnet::test;

namespace {

const char* const report_pages[] = {
    "content/rapports/2019-rapport-pic-parc-extension.fr.md",
    "content/rapports/2019-rapport-pic-parc-extension.en.md",
    "content/rapports/2021-planification-solidarite-ahuntsic.fr.md",
    "content/rapports/2021-planification-solidarite-ahuntsic.en.md",
};

struct Demo {
  model::Site site;
  fs::path out;
};

const Demo& demo() {
  static const Demo d = [] {
    Demo out;
    base::Diagnostics diags;
    out.site = load::load_site(source_dir, {}, diags);
    REQUIRE_FALSE(diags.has_errors());
    out.out = scratch("page-booklets") / "output";
    auto r = run_carnet({"build", source_dir.string(), "-o", out.out.string(), "--quiet"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return out;
  }();
  return d;
}

const model::Page& page(const std::string& source) {
  const auto& site = demo().site;
  return site.pages.at(site.page_by_source.at(source));
}

// The text of each page of a PDF, squeezed; [0] is page 1.
std::vector<std::string> pages_text(const fs::path& pdf) {
  auto info = run_shell("pdfinfo " + quoted(pdf) + " | sed -n 's/^Pages: *//p'");
  int count = std::stoi(info.out);
  std::vector<std::string> out;
  for (int i = 1; i <= count; ++i)
    out.push_back(squeeze(run_shell("pdftotext -raw -enc UTF-8 -f " + std::to_string(i) + " -l " +
                                    std::to_string(i) + " " + quoted(pdf) + " -")
                              .out));
  return out;
}

struct Source {
  std::vector<std::string> headings;
  std::vector<std::pair<int, std::string>> notes;  // number, first words of the text
};

// The page's headings and footnotes, read from its Markdown.
Source read_source(const model::Page& p) {
  Source out;
  for (const auto& n : markdown::parse(p.markdown, {})) {
    if (n.kind == markdown::Node::Kind::heading)
      out.headings.push_back(markdown::plain_text(n.children));
    if (n.kind == markdown::Node::Kind::footnote_definition && !n.children.empty())
      out.notes.push_back({n.number, squeeze(markdown::plain_text(n.children[0].children))});
  }
  return out;
}

std::string superscript(int n) {
  static const char* const digits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string out;
  for (char c : std::to_string(n)) out += digits[c - '0'];
  return out;
}

}  // namespace

TEST_CASE("page booklets: the report pages get PDF, EPUB and ODT, linked from the page",
          "[e2e][page-booklet]") {
  const auto& d = demo();
  for (const char* source : report_pages) {
    const auto& p = page(source);
    INFO(source);
    CHECK(p.booklet);
    const auto html = base::read_file(d.out / (p.url + "index.html"));
    auto files = model::page_booklet_files(d.site, p);
    REQUIRE(files.size() == 3);
    for (const auto& f : files) {
      INFO(f.path);
      CHECK(fs::is_regular_file(d.out / f.path));
      // Relative to the page, which shares the booklet's folder.
      CHECK(html.find("href=\"" + fs::path(f.path).filename().string() + "\"") !=
            std::string::npos);
    }
  }
  // Pages without `booklet: true` get none: every PDF outside booklets/ is a report's.
  std::set<std::string> pdfs;
  for (const auto& e : fs::recursive_directory_iterator(d.out)) {
    auto rel = e.path().lexically_relative(d.out).generic_string();
    if (e.path().extension() == ".pdf" && rel.rfind("booklets/", 0) != 0) pdfs.insert(rel);
  }
  CHECK(pdfs.size() == 4);
}

TEST_CASE("page booklets: the PDF is valid, tagged, with its contents, headings and footnotes",
          "[e2e][page-booklet]") {
  const auto& d = demo();
  for (const char* source : report_pages) {
    const auto& p = page(source);
    const fs::path pdf = d.out / model::page_booklet_path(p, "pdf");
    INFO(pdf);
    CHECK(run_shell("qpdf --check " + quoted(pdf) + " >/dev/null 2>&1").status == 0);
    // Tagged: cairo writes the catalog uncompressed, pdf_finish adds /MarkInfo.
    const std::string catalog = base::read_file(pdf);
    CHECK(catalog.find("/StructTreeRoot") != std::string::npos);
    CHECK(catalog.find("/MarkInfo") != std::string::npos);

    const auto pages = pages_text(pdf);
    REQUIRE(pages.size() > 3);
    const std::string contents = squeeze(d.site.words.get(p.lang, "booklet_contents"));
    size_t first_body = 1;  // 0-based: page 2 on holds the contents
    while (first_body < pages.size() && pages[first_body].find(contents) != std::string::npos)
      ++first_body;
    REQUIRE(first_body > 1);
    std::string toc;
    for (size_t i = 1; i < first_body; ++i) toc += pages[i];

    const Source src = read_source(p);
    REQUIRE(src.headings.size() >= 3);
    size_t from = 0;
    for (const auto& h : src.headings) {
      const std::string sh = squeeze(h);
      INFO(h);
      // In the contents, in order, followed by its page number...
      size_t at = toc.find(sh, from);
      REQUIRE(at != std::string::npos);
      size_t digits = at + sh.size(), end = digits;
      while (end < toc.size() && std::isdigit(static_cast<unsigned char>(toc[end]))) ++end;
      // The next entry may start with digits too ("1. La démarche"): the
      // number is what leaves the next heading right after it.
      if (&h != &src.headings.back()) {
        const std::string next = squeeze(*(&h + 1));
        while (end > digits + 1 && toc.compare(end, next.size(), next) != 0) --end;
      }
      REQUIRE(end > digits);
      int number = std::stoi(toc.substr(digits, end - digits));
      from = end;
      // ...which is the first page of the body that shows it.
      int first_seen = 0;
      for (size_t i = first_body; i < pages.size() && !first_seen; ++i)
        if (pages[i].find(sh) != std::string::npos) first_seen = static_cast<int>(i) + 1;
      CHECK(first_seen == number);
    }
    // Each footnote at the foot of the page that calls it, and only there.
    for (const auto& [number, text] : src.notes) {
      const std::string start = text.substr(0, 40);
      INFO("note " << number << ": " << start);
      int where = 0, times = 0;
      for (size_t i = 0; i < pages.size(); ++i)
        if (pages[i].find(start) != std::string::npos) where = static_cast<int>(i), ++times;
      CHECK(times == 1);
      CHECK(pages[where].find(superscript(number)) != std::string::npos);
    }
  }
}

TEST_CASE("page booklets: EPUBs pass epubcheck, ODTs hold the headings and notes",
          "[e2e][page-booklet]") {
  const auto& d = demo();
  for (const char* source : report_pages) {
    const auto& p = page(source);
    const fs::path epub = d.out / model::page_booklet_path(p, "epub");
    INFO(epub);
    auto check = run_shell("java -jar /usr/share/java/epubcheck.jar " + quoted(epub) + " 2>&1");
    INFO(check.out);
    CHECK(check.status == 0);
    CHECK(check.out.find("No errors or warnings detected") != std::string::npos);

    const fs::path odt = d.out / model::page_booklet_path(p, "odt");
    const std::string content = run_shell("unzip -p " + quoted(odt) + " content.xml").out;
    const Source src = read_source(p);
    for (const auto& h : src.headings) {
      std::string escaped;
      for (char c : h) escaped += c == '\'' ? std::string("&apos;") : std::string(1, c);
      CHECK((content.find(">" + h + "<") != std::string::npos ||
             content.find(">" + escaped + "<") != std::string::npos));
    }
    for (const auto& [number, text] : src.notes)
      CHECK(content.find("text:name=\"note-" + std::to_string(number) + "\"") != std::string::npos);
  }
}

TEST_CASE("page booklets: carnet booklet makes one from the page file", "[e2e][page-booklet]") {
  auto dir = scratch("page-booklet-cli");
  const std::string page_file =
      (source_dir / "content/rapports/2019-rapport-pic-parc-extension.fr.md").string();
  auto r = run_carnet({"booklet", page_file, "--format", "pdf", "-o", (dir / "r.pdf").string()});
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(run_shell("qpdf --check " + quoted(dir / "r.pdf") + " >/dev/null 2>&1").status == 0);
  auto odt = run_carnet({"booklet", page_file, "-o", (dir / "r.odt").string()});
  CHECK(odt.status == 0);
  CHECK(base::read_file(dir / "r.odt").rfind("PK", 0) == 0);
  // A page's booklet is in the page's language.
  auto lang = run_carnet({"booklet", page_file, "--lang", "en", "-o", (dir / "x.pdf").string()});
  CHECK(lang.status == 2);
  CHECK(lang.err.find("is in 'fr'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}
