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

// The body of "N 0 obj ... endobj", without the obj/endobj lines.
bool find_object(const std::string& pdf, long number, size_t& begin, size_t& end) {
  std::string head = "\n" + std::to_string(number) + " 0 obj\n";
  size_t at = pdf.find(head);
  if (at == std::string::npos) return false;
  begin = at + head.size();
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
  if (root < 0 || size < 0 || !find_object(pdf, root, begin, end))
    throw base::SystemError(context + ": cannot find the document catalog");

  std::map<long, std::string> updated;  // object number → new body
  std::string catalog = pdf.substr(begin, end - begin);
  size_t close = catalog.rfind(">>");
  if (close == std::string::npos) throw base::SystemError(context + ": unexpected catalog");
  std::string added =
      "   /Lang " + pdf_text_string(lang) + "\n   /ViewerPreferences << /DisplayDocTitle true >>\n";
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
    if (!find_object(pdf, number, b, e)) continue;
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
