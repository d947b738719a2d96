#include "render/booklet/pdf_finish.hpp"

#include <glib.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "base/system_error.hpp"

namespace carnet::render::booklet {

namespace {

// The value after `key` in the last trailer: "/Root 30 0 R" → 30.
long trailer_number(const std::string& pdf, size_t trailer, const std::string& key) {
  size_t at = pdf.find(key, trailer);
  if (at == std::string::npos) return -1;
  return std::strtol(pdf.c_str() + at + key.size(), nullptr, 10);
}

// The body of "N 0 obj ... endobj", without the obj/endobj lines, found
// through cairo's cross-reference table at `xref`, never by searching: the
// bytes of a compressed stream could hold "N 0 obj" by chance. Cairo writes
// one table with one subsection from object 0 ("xref\n0 SIZE\n") and 20-byte
// entries ("0000001273 00000 n \n"); anything else is refused.
bool find_object(const std::string& pdf, size_t xref, long number, size_t& begin, size_t& end) {
  const std::string head = "xref\n0 ";
  if (xref >= pdf.size() || pdf.compare(xref, head.size(), head) != 0) return false;
  const size_t first = pdf.find('\n', xref + head.size());
  const long count = std::strtol(pdf.c_str() + xref + head.size(), nullptr, 10);
  if (first == std::string::npos || number <= 0 || number >= count) return false;
  const size_t entry = first + 1 + 20 * static_cast<size_t>(number);
  if (entry + 20 > pdf.size() || pdf.compare(entry + 10, 10, " 00000 n \n") != 0) return false;
  const size_t at = std::strtoul(pdf.c_str() + entry, nullptr, 10);
  const std::string obj = std::to_string(number) + " 0 obj\n";
  if (at >= pdf.size() || pdf.compare(at, obj.size(), obj) != 0) return false;
  begin = at + obj.size();
  end = pdf.find("endobj", begin);
  return end != std::string::npos;
}

}  // namespace

std::string pdf_text_string(const std::string& utf8) {
  glong n = 0;
  std::unique_ptr<gunichar2, decltype(&g_free)> utf16(
      g_utf8_to_utf16(utf8.c_str(), static_cast<glong>(utf8.size()), nullptr, &n, nullptr), g_free);
  std::string out = "<FEFF";
  char buf[8];
  for (glong i = 0; utf16 && i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(utf16.get()[i]));
    out += buf;
  }
  return out + ">";
}

std::string finish_pdf(std::string pdf, const std::string& lang,
                       const std::vector<std::string>& alts, const std::string& context) {
  size_t trailer = pdf.rfind("trailer");
  size_t startxref = pdf.rfind("startxref");
  if (trailer == std::string::npos || startxref == std::string::npos)
    throw base::SystemError(context + ": cairo wrote no trailer");
  long root = trailer_number(pdf, trailer, "/Root ");
  long size = trailer_number(pdf, trailer, "/Size ");
  long info = trailer_number(pdf, trailer, "/Info ");
  long prev = std::strtol(pdf.c_str() + startxref + 9, nullptr, 10);
  size_t begin = 0, end = 0;
  if (root < 0 || size < 0 || prev < 0 || !find_object(pdf, prev, root, begin, end))
    throw base::SystemError(context + ": cannot find the document catalog");

  std::map<long, std::string> updated;  // object number → new body
  std::string catalog = pdf.substr(begin, end - begin);
  size_t close = catalog.rfind(">>");
  if (close == std::string::npos) throw base::SystemError(context + ": unexpected catalog");
  // Only keys cairo did not write: a key twice in a dictionary is undefined.
  std::string added;
  if (catalog.find("/Lang") == std::string::npos)
    added += "   /Lang " + pdf_text_string(lang) + "\n";
  if (catalog.find("/ViewerPreferences") == std::string::npos)
    added += "   /ViewerPreferences << /DisplayDocTitle true >>\n";
  // Cairo 1.16 leaves out /MarkInfo in some documents that have a structure
  // tree; without it readers do not treat the file as tagged.
  if (catalog.find("/StructTreeRoot") != std::string::npos &&
      catalog.find("/MarkInfo") == std::string::npos)
    added += "   /MarkInfo << /Marked true >>\n";
  catalog.insert(close, added);
  updated[root] = catalog;

  // Figures, in object order, which is the order cairo met their tags.
  size_t alt = 0;
  const std::string figure = "<< /Type /StructElem\n   /S /Figure\n";
  for (size_t at = pdf.find(figure); at != std::string::npos && alt < alts.size();
       at = pdf.find(figure, at + 1)) {
    size_t line = pdf.rfind("\n", at - 2);
    long number = std::strtol(pdf.c_str() + line + 1, nullptr, 10);
    size_t b = 0, e = 0;
    // The match must be that object's whole dictionary, not bytes elsewhere.
    if (!find_object(pdf, prev, number, b, e) || b != at) continue;
    std::string body = pdf.substr(b, e - b);
    size_t c = body.rfind(">>");
    if (c == std::string::npos) continue;
    body.insert(c, "   /Alt " + pdf_text_string(alts[alt++]) + "\n");
    updated[number] = body;
  }

  // The update: the new objects, then their cross-reference section.
  std::map<long, size_t> offsets;
  for (const auto& [number, body] : updated) {
    offsets[number] = pdf.size();
    pdf += std::to_string(number) + " 0 obj\n" + body + "endobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n";
  char entry[32];
  for (const auto& [number, offset] : offsets) {
    pdf += std::to_string(number) + " 1\n";
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf +=
      "trailer\n<< /Size " + std::to_string(size) + "\n   /Root " + std::to_string(root) + " 0 R\n";
  if (info >= 0) pdf += "   /Info " + std::to_string(info) + " 0 R\n";
  pdf +=
      "   /Prev " + std::to_string(prev) + "\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace carnet::render::booklet
