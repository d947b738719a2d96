#include "translate/xml.hpp"

#include <cctype>
#include <new>

#include "wrap/libxml.hpp"

namespace carnet::translate::xml {

namespace {

std::string to_string(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string qualified(const xmlChar* name, const xmlNs* ns) {
  return ns && ns->prefix ? to_string(ns->prefix) + ":" + to_string(name) : to_string(name);
}

std::unique_ptr<Element> convert(xmlNode* node) {
  auto e = std::make_unique<Element>();
  e->name = qualified(node->name, node->ns);
  e->line = static_cast<int>(xmlGetLineNo(node));
  for (xmlAttr* a = node->properties; a; a = a->next) {
    wrap::XmlCharPtr value(xmlNodeListGetString(node->doc, a->children, 1));
    e->attributes[qualified(a->name, a->ns)] = to_string(value.get());
  }
  wrap::XmlCharPtr text(xmlNodeGetContent(node));
  e->text = to_string(text.get());
  for (xmlNode* c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) e->children.push_back(convert(c));
  return e;
}

// Keeps libxml2's first error: the later ones follow from it ("premature
// end of data" after a tag left open).
void keep_first_error(void* user_data, xmlError* e) {
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  auto* first = static_cast<ParseError*>(ctxt->_private);
  if (!first || !first->message.empty() || !e || e->level < XML_ERR_ERROR) return;
  std::string message = e->message ? e->message : "not well-formed XML";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  *first = {e->line > 0 ? e->line : 1, e->int2 > 0 ? e->int2 : 1, message};
}

}  // namespace

std::string Element::local_name() const {
  auto colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

const std::string* Element::attribute(std::string_view local) const {
  for (const auto& [k, v] : attributes) {
    auto colon = k.find(':');
    std::string_view l =
        colon == std::string::npos ? std::string_view(k) : std::string_view(k).substr(colon + 1);
    if (l == local && k.rfind("xmlns", 0) != 0) return &v;
  }
  return nullptr;
}

std::vector<const Element*> Element::children_named(std::string_view local) const {
  std::vector<const Element*> out;
  for (const auto& c : children)
    if (c->local_name() == local) out.push_back(c.get());
  return out;
}

const Element* Element::child(std::string_view local) const {
  for (const auto& c : children)
    if (c->local_name() == local) return c.get();
  return nullptr;
}

std::unique_ptr<Element> parse(std::string_view text, ParseError& error) {
  error = {};
  wrap::XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  ctxt->_private = &error;
  ctxt->sax->serror = keep_first_error;
  // No network, no entity substitution (a DTD is refused below), and no
  // messages on stderr: errors are reported with the file's position.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  wrap::XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()),
                                        nullptr, "UTF-8", options));
  if (!doc || !error.message.empty()) {
    if (error.message.empty()) error = {1, 1, "not well-formed XML"};
    return nullptr;
  }
  if (doc->intSubset || doc->extSubset) {
    const xmlNode* dtd =
        reinterpret_cast<const xmlNode*>(doc->intSubset ? doc->intSubset : doc->extSubset);
    error = {static_cast<int>(xmlGetLineNo(dtd)) > 0 ? static_cast<int>(xmlGetLineNo(dtd)) : 1, 1,
             "a document type declaration (<!DOCTYPE>) is not accepted in a translation file"};
    return nullptr;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) {
    error = {1, 1, "expected an XML element"};
    return nullptr;
  }
  return convert(root);
}

}  // namespace carnet::translate::xml
