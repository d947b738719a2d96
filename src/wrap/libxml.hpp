// RAII for libxml2 documents and parser contexts (reading the XLIFF files
// translation tools send back).
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

namespace carnet::wrap {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlParserCtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
// xmlNodeGetContent and friends return strings the caller frees.
struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;
using XmlParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlParserCtxtDeleter>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharDeleter>;

}  // namespace carnet::wrap
