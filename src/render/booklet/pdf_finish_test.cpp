#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "base/system_error.hpp"
#include "render/booklet/pdf_finish.hpp"

using carnet::render::booklet::finish_pdf;

namespace {

// A PDF laid out as cairo writes one: objects, one xref table from object 0,
// a trailer. Object 2 is a stream whose bytes look like object 3's header.
std::string cairo_like_pdf() {
  std::vector<std::string> objects = {
      "<< /Type /Pages /Kids [] /Count 0 >>\n",
      "<< /Length 42 >>\nstream\n\n3 0 obj\n<< /Type /Catalog >>\nendstream\n",
      "<< /Type /Catalog\n   /Pages 1 0 R\n   /StructTreeRoot 4 0 R\n>>\n",
      "<< /Type /StructElem\n   /S /Figure\n   /K 0\n>>\n",
  };
  std::string pdf = "%PDF-1.5\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}endobj\n", i + 1, objects[i]);
  }
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t o : offsets) pdf += fmt::format("{:010} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {}\n   /Root 3 0 R\n>>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, xref);
  return pdf;
}

}  // namespace

TEST_CASE("the PDF finish appends the language and alt texts as an update", "[booklet]") {
  const std::string pdf = cairo_like_pdf();
  const std::string done = finish_pdf(pdf, "fr", {"Un graphique"}, "t.pdf");
  REQUIRE(done.rfind(pdf, 0) == 0);  // cairo's bytes untouched
  const std::string update = done.substr(pdf.size());
  // The catalog is found through the xref table, not the look-alike inside
  // object 2's stream.
  CHECK(update.find("3 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n   /StructTreeRoot 4 0 R\n"
                    "   /Lang <FEFF00660072>\n   /ViewerPreferences << /DisplayDocTitle true >>\n"
                    "   /MarkInfo << /Marked true >>\n>>\nendobj\n") != std::string::npos);
  CHECK(update.find("4 0 obj\n<< /Type /StructElem\n   /S /Figure\n   /K 0\n   /Alt <FEFF") !=
        std::string::npos);
  CHECK(update.find("trailer\n<< /Size 5\n   /Root 3 0 R\n") != std::string::npos);
  CHECK(done == finish_pdf(pdf, "fr", {"Un graphique"}, "t.pdf"));
}

TEST_CASE("the PDF finish refuses a file not laid out as cairo's", "[booklet]") {
  std::string pdf = cairo_like_pdf();
  pdf.replace(pdf.find("xref\n0 5"), 8, "xref\n1 4");  // a subsection that does not start at 0
  try {
    finish_pdf(pdf, "fr", {}, "t.pdf");
    FAIL("no error");
  } catch (const carnet::base::SystemError& e) {
    CHECK(std::string(e.what()) == "t.pdf: cannot find the document catalog");
  }
}
