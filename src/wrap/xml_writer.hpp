// RAII for libxml2's xmlTextWriter, writing an XML document into memory:
// escaping, quoting and nesting are libxml2's, so what Carnet writes is
// well-formed whatever the texts hold. Used for XLIFF; meant for every XML
// Carnet writes (EPUB and ODT parts).
//
// XML 1.0 cannot carry C0 control characters other than tab, line feed and
// carriage return, not even as references, and libxml2's writer passes them
// through; this wrapper writes U+FFFD in their place. Callers that must not
// lose them report them before writing (see translate::plan_export).
#pragma once

#include <libxml/xmlwriter.h>

#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace carnet::wrap {

struct XmlBufferDeleter {
  void operator()(xmlBuffer* b) const { xmlBufferFree(b); }
};
struct XmlTextWriterDeleter {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

class XmlWriter {
 public:
  // `indent`: children on their own lines, indented by two spaces per level
  // (elements holding text keep it on their line).
  explicit XmlWriter(bool indent = true)
      : buffer_(xmlBufferCreate()),
        writer_(buffer_ ? xmlNewTextWriterMemory(buffer_.get(), 0) : nullptr) {
    if (!writer_) throw std::bad_alloc();
    if (indent) {
      check(xmlTextWriterSetIndent(writer_.get(), 1), "indent");
      check(xmlTextWriterSetIndentString(writer_.get(), BAD_CAST "  "), "indent");
    }
    check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr), "start");
  }

  void start(const char* name) {
    check(xmlTextWriterStartElement(writer_.get(), BAD_CAST name), name);
  }
  void attribute(const char* name, std::string_view value) {
    const std::string v = valid(value);
    check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name, BAD_CAST v.c_str()), name);
  }
  void text(std::string_view value) {
    const std::string v = valid(value);
    check(xmlTextWriterWriteString(writer_.get(), BAD_CAST v.c_str()), "text");
  }
  void end() { check(xmlTextWriterEndElement(writer_.get()), "end"); }

  // Closes every open element and returns the document.
  std::string finish() {
    check(xmlTextWriterEndDocument(writer_.get()), "end of document");
    check(xmlTextWriterFlush(writer_.get()), "flush");
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<size_t>(xmlBufferLength(buffer_.get())));
  }

  // `value` with every character XML 1.0 cannot carry replaced by U+FFFD.
  static std::string valid(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
        out += "\xEF\xBF\xBD";
      else
        out += c;
    }
    return out;
  }

 private:
  static void check(int rc, const char* what) {
    if (rc < 0) throw std::runtime_error(std::string("libxml2 could not write XML (") + what + ")");
  }

  // The writer flushes into the buffer when freed: it goes first.
  std::unique_ptr<xmlBuffer, XmlBufferDeleter> buffer_;
  std::unique_ptr<xmlTextWriter, XmlTextWriterDeleter> writer_;
};

}  // namespace carnet::wrap
