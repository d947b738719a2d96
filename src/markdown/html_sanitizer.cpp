#include "markdown/html_sanitizer.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "base/text.hpp"
#include "wrap/libxml.hpp"

namespace carnet::markdown {

namespace {

using namespace std::string_view_literals;

// The elements raw HTML may use, with the attributes each may carry besides
// the global ones below. What authors of community sites write in raw HTML:
// text semantics, tables, details, figures, images and media, and embeds
// (iframe, restricted below). Forms, scripts, plug-ins and foreign content
// (SVG, MathML) are not on it.
struct Allowed {
  std::string_view name;
  std::string_view attributes;  // space-separated
  bool void_element = false;    // no content, no end tag
};

constexpr std::array allowed_elements{
    Allowed{"a", "href name target rel hreflang"},
    Allowed{"abbr", ""},
    Allowed{"address", ""},
    Allowed{"article", ""},
    Allowed{"aside", ""},
    Allowed{"audio", "src controls loop muted preload"},
    Allowed{"b", ""},
    Allowed{"bdi", ""},
    Allowed{"bdo", ""},
    Allowed{"blockquote", "cite"},
    Allowed{"br", "", true},
    Allowed{"caption", ""},
    Allowed{"cite", ""},
    Allowed{"code", ""},
    Allowed{"col", "span", true},
    Allowed{"colgroup", "span"},
    Allowed{"data", "value"},
    Allowed{"dd", ""},
    Allowed{"del", "cite datetime"},
    Allowed{"details", "open"},
    Allowed{"dfn", ""},
    Allowed{"div", ""},
    Allowed{"dl", ""},
    Allowed{"dt", ""},
    Allowed{"em", ""},
    Allowed{"figcaption", ""},
    Allowed{"figure", ""},
    Allowed{"footer", ""},
    Allowed{"h1", ""},
    Allowed{"h2", ""},
    Allowed{"h3", ""},
    Allowed{"h4", ""},
    Allowed{"h5", ""},
    Allowed{"h6", ""},
    Allowed{"header", ""},
    Allowed{"hr", "", true},
    Allowed{"i", ""},
    Allowed{"iframe", "src width height loading allowfullscreen referrerpolicy"},
    Allowed{"img", "src srcset sizes alt width height loading decoding", true},
    Allowed{"input", "type checked disabled", true},
    Allowed{"ins", "cite datetime"},
    Allowed{"kbd", ""},
    Allowed{"li", "value"},
    Allowed{"mark", ""},
    Allowed{"ol", "start reversed type"},
    Allowed{"p", ""},
    Allowed{"picture", ""},
    Allowed{"pre", ""},
    Allowed{"q", "cite"},
    Allowed{"s", ""},
    Allowed{"samp", ""},
    Allowed{"section", ""},
    Allowed{"small", ""},
    Allowed{"source", "src srcset sizes type media", true},
    Allowed{"span", ""},
    Allowed{"strong", ""},
    Allowed{"sub", ""},
    Allowed{"summary", ""},
    Allowed{"sup", ""},
    Allowed{"table", ""},
    Allowed{"tbody", ""},
    Allowed{"td", "colspan rowspan headers align"},
    Allowed{"tfoot", ""},
    Allowed{"th", "colspan rowspan headers scope abbr align"},
    Allowed{"thead", ""},
    Allowed{"time", "datetime"},
    Allowed{"tr", ""},
    Allowed{"track", "src kind srclang label default", true},
    Allowed{"u", ""},
    Allowed{"ul", ""},
    Allowed{"var", ""},
    Allowed{"video", "src poster controls width height loop muted playsinline preload"},
    Allowed{"wbr", "", true},
};

// Any element may carry these, and aria-* and data-* attributes.
constexpr std::string_view global_attributes = "id class title lang dir role translate style";

// Elements whose content is code, styles, another document or markup of
// its own: removed with everything inside. Any other element that is not
// allowed is unwrapped, its text kept.
constexpr std::array dropped_with_content{
    "applet"sv,   "embed"sv,    "frame"sv,    "frameset"sv,  "iframe"sv, "math"sv,   "noembed"sv,
    "noframes"sv, "noscript"sv, "object"sv,   "plaintext"sv, "script"sv, "select"sv, "style"sv,
    "svg"sv,      "template"sv, "textarea"sv, "title"sv,     "xmp"sv,
};

// Attributes whose value is one address, and srcset, a list of them.
constexpr std::array url_attributes{"href"sv, "src"sv, "cite"sv, "poster"sv};

const Allowed* allowed(std::string_view name) {
  for (const auto& a : allowed_elements)
    if (a.name == name) return &a;
  return nullptr;
}

bool in_list(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    auto space = list.find(' ');
    if (list.substr(0, space) == word) return true;
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return false;
}

std::string_view name_of(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

std::string value_of(const xmlAttr* a) {
  wrap::XmlCharPtr v(xmlNodeListGetString(a->doc, a->children, 1));
  return v ? std::string(reinterpret_cast<const char*>(v.get())) : std::string();
}

std::string attribute(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (name_of(reinterpret_cast<const xmlNode*>(a)) == name) return value_of(a);
  return {};
}

// Style: properties only. CSS cannot run script in any browser Carnet's
// readers use, but old ones ran `expression()` and `url(javascript:…)`, and
// any `url()` loads an address this file did not check; escapes and
// comments could hide either from this test, so they refuse the whole
// attribute too.
bool safe_style(std::string_view css) {
  std::string lower = base::to_lower_ascii(css);
  for (std::string_view bad : {"\\"sv, "/*"sv, "@"sv, "url("sv, "image-set"sv, "cross-fade"sv,
                               "expression"sv, "javascript"sv, "behavior"sv, "binding"sv})
    if (lower.find(bad) != std::string::npos) return false;
  return true;
}

// srcset: "a.png 1x, b.png 2x". Each candidate's address is checked; a
// data: URL (which holds commas) splits into pieces that fail, as it must.
std::optional<std::string> safe_srcset(std::string_view value) {
  std::string out;
  while (!value.empty()) {
    auto comma = value.find(',');
    std::string_view candidate = base::trim(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    if (candidate.empty()) continue;
    auto space = candidate.find_first_of(" \t\n\r\f");
    auto url = safe_url(candidate.substr(0, space));
    if (!url || url->empty()) return std::nullopt;
    if (!out.empty()) out += ", ";
    out += *url;
    if (space != std::string_view::npos)
      out += " " + std::string(base::trim(candidate.substr(space)));
  }
  return out;
}

// The value to write for attribute `name` of element `element`, or nullopt
// to leave the attribute out.
std::optional<std::string> kept_value(std::string_view element, const Allowed& rule,
                                      std::string_view name, std::string value) {
  const bool listed = in_list(global_attributes, name) || in_list(rule.attributes, name) ||
                      name.rfind("aria-", 0) == 0 || name.rfind("data-", 0) == 0;
  if (!listed) return std::nullopt;
  if (name == "style") return safe_style(value) ? std::optional(value) : std::nullopt;
  if (name == "srcset") return safe_srcset(value);
  if (std::find(url_attributes.begin(), url_attributes.end(), name) != url_attributes.end())
    return safe_url(value);
  if (element == "input" && name == "type")
    return base::to_lower_ascii(value) == "checkbox" ? std::optional(value) : std::nullopt;
  return value;
}

enum class Fate { keep, unwrap, drop };

// An element's fate does not depend on its content, so the walk can ask
// again when it leaves the element.
Fate fate_of(const xmlNode* n) {
  std::string_view name = name_of(n);
  if (allowed(name)) {
    // An embed only from another site over https, sandboxed below; the
    // task-list checkbox cmark writes, and no other input.
    if (name == "iframe") {
      auto src = safe_url(attribute(n, "src"));
      return src && base::to_lower_ascii(*src).rfind("https://", 0) == 0 ? Fate::keep : Fate::drop;
    }
    if (name == "input")
      return base::to_lower_ascii(attribute(n, "type")) == "checkbox" ? Fate::keep : Fate::drop;
    return Fate::keep;
  }
  if (std::find(dropped_with_content.begin(), dropped_with_content.end(), name) !=
      dropped_with_content.end())
    return Fate::drop;
  return Fate::unwrap;
}

// As cmark-gfm escapes, so that the HTML it wrote comes back unchanged.
void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

class Writer {
 public:
  std::string out;

  // Writes what `n` keeps on entering it; returns whether its children follow.
  bool enter(const xmlNode* n) {
    switch (n->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (n->content) escape_into(out, reinterpret_cast<const char*>(n->content));
        return false;
      case XML_ELEMENT_NODE:
        break;
      default:  // comments, processing instructions, the doctype
        return false;
    }
    Fate fate = fate_of(n);
    if (fate == Fate::drop) return false;
    if (fate == Fate::unwrap) return true;
    std::string_view name = name_of(n);
    const Allowed& rule = *allowed(name);
    out += '<';
    out += name;
    for (const xmlAttr* a = n->properties; a; a = a->next) {
      std::string_view attr = name_of(reinterpret_cast<const xmlNode*>(a));
      if (a->ns) continue;  // xlink:href and the like
      if (auto v = kept_value(name, rule, attr, value_of(a))) {
        out += ' ';
        out += attr;
        // A name without a value (`data-footnotes`, as cmark-gfm writes it)
        // has no text node: written back as it came.
        if (!a->children && v->empty()) continue;
        out += "=\"";
        escape_into(out, *v);
        out += '"';
      }
    }
    // Scripts may run inside the embed, on its own site only: not at the top
    // of the window, nor in this site's pages.
    if (name == "iframe") out += " sandbox=\"allow-scripts allow-same-origin allow-popups\"";
    out += rule.void_element ? " />" : ">";
    // The parser drops a newline just after <pre>: write one back, so that
    // the browser drops that one and keeps the author's.
    if (name == "pre" && n->children && n->children->type == XML_TEXT_NODE &&
        n->children->content && n->children->content[0] == '\n')
      out += '\n';
    return true;
  }

  void leave(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE || fate_of(n) != Fate::keep) return;
    const Allowed& rule = *allowed(name_of(n));
    if (rule.void_element) return;
    out += "</";
    out += rule.name;
    out += '>';
  }
};

}  // namespace

std::optional<std::string> safe_url(std::string_view value) {
  // What the URL parser does first (WHATWG URL): leading and trailing C0
  // controls and spaces go, and tabs and line breaks anywhere.
  auto is_c0_or_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!value.empty() && is_c0_or_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_c0_or_space(value.back())) value.remove_suffix(1);
  std::string url;
  for (char c : value)
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  // A scheme is what precedes the first ':' when no '/', '?' or '#' comes
  // before it. Anything there but the four schemes is refused, including
  // what a browser would not read as a scheme ("java script:"): such an
  // address was not written for the browser to follow.
  auto stop = url.find_first_of(":/?#");
  if (stop == std::string::npos || url[stop] != ':') return url;  // relative, or a fragment
  std::string scheme = base::to_lower_ascii(std::string_view(url).substr(0, stop));
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") return url;
  return std::nullopt;
}

std::string sanitize_html(std::string_view html) {
  // Sets up libxml2's process-wide tables; pages are parsed in parallel.
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  // Without a <body> to put them in, the parser wraps leading text in a <p>
  // of its own; the wrapper's tags are not written back (html and body are
  // unwrapped like any element off the list).
  std::string doc = "<!DOCTYPE html><html><body>";
  doc.append(html);
  doc += "</body></html>";
  wrap::XmlDocPtr parsed(htmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8",
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            // Past 256 levels of nesting the parser would drop the
                                            // rest of the page; the walk below has no depth limit.
                                            XML_PARSE_HUGE));
  if (!parsed) return {};  // nothing the parser could read is written
  const xmlNode* root = reinterpret_cast<const xmlNode*>(parsed.get());
  Writer writer;
  writer.out.reserve(html.size());
  // Depth-first without recursion: nesting is the author's, and may be deep.
  for (const xmlNode* n = root->children; n;) {
    if (writer.enter(n) && n->children) {
      n = n->children;
      continue;
    }
    // enter() wrote an element's start tag: close it now (leave() knows).
    if (n->type == XML_ELEMENT_NODE && fate_of(n) == Fate::keep) writer.leave(n);
    while (n && !n->next) {
      n = n->parent;
      if (n == root)
        n = nullptr;
      else
        writer.leave(n);
    }
    if (n) n = n->next;
  }
  return writer.out;
}

}  // namespace carnet::markdown
