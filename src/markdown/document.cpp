#include "markdown/document.hpp"

#include <cstdlib>
#include <cstring>

#include "markdown/cmark_tree.hpp"
#include "markdown/limits.hpp"

namespace carnet::markdown {

namespace {

using namespace detail;

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? s : "";
}

struct Converter {
  const Options& options;
  int footnotes = 0;

  // `line` and `column` are the parent's, for children cmark gave no position.
  void children(cmark_node* parent, std::vector<Node>& out, int line = 0, int column = 0) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
      convert(c, out, line, column);
  }

  void convert(cmark_node* n, std::vector<Node>& out, int parent_line, int parent_column) {
    Node node;
    node.line = cmark_node_get_start_line(n);
    node.column = cmark_node_get_start_column(n);
    if (node.line > 0) {
      node.line += options.first_line - 1;
    } else {
      // Inline nodes made by extensions (autolinks) may lack positions.
      node.line = parent_line;
      node.column = parent_column;
    }
    if (!kind_of(n, node)) {
      // A node this walk does not know (another extension): its content
      // still reads.
      children(n, out, node.line, node.column);
      return;
    }
    if (node.kind == Node::Kind::link || node.kind == Node::Kind::image) {
      // Before the children: the hook sees links in document order, as in to_html.
      rewrite_link(n, options);
      const char* url = cmark_node_get_url(n);
      const char* title = cmark_node_get_title(n);
      node.url = url ? url : "";
      node.title = title ? title : "";
    }
    children(n, node.children, node.line, node.column);
    out.push_back(std::move(node));
  }

  // Fills the kind and the fields of `node`; false for a node to leave out
  // or see through.
  bool kind_of(cmark_node* n, Node& node) {
    using K = Node::Kind;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        node.kind = K::paragraph;
        return true;
      case CMARK_NODE_HEADING:
        node.kind = K::heading;
        node.level = cmark_node_get_heading_level(n);
        return true;
      case CMARK_NODE_LIST:
        node.kind = K::list;
        node.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        node.start = node.ordered ? cmark_node_get_list_start(n) : 1;
        return true;
      case CMARK_NODE_ITEM:
        node.kind = K::item;
        // The tasklist extension marks the item itself.
        if (std::strcmp(cmark_node_get_type_string(n), "tasklist") == 0) {
          node.task = true;
          node.checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
        }
        return true;
      case CMARK_NODE_BLOCK_QUOTE:
        node.kind = K::quote;
        return true;
      case CMARK_NODE_CODE_BLOCK: {
        node.kind = K::code_block;
        node.text = literal(n);
        const char* info = cmark_node_get_fence_info(n);
        node.info = info ? info : "";
        return true;
      }
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        // As in to_html: raw HTML only when the site opted in.
        if (!options.unsafe_html) return false;
        node.kind =
            cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK ? K::html_block : K::html_inline;
        node.text = literal(n);  // as written: see document.hpp
        return true;
      case CMARK_NODE_THEMATIC_BREAK:
        node.kind = K::thematic_break;
        return true;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        // The parser keeps only referenced definitions, moved to the end in
        // the order of their first reference: their rank is their number.
        node.kind = K::footnote_definition;
        node.number = ++footnotes;
        return true;
      case CMARK_NODE_TEXT:
        node.kind = K::text;
        node.text = literal(n);
        return true;
      case CMARK_NODE_SOFTBREAK:
        node.kind = K::soft_break;
        return true;
      case CMARK_NODE_LINEBREAK:
        node.kind = K::line_break;
        return true;
      case CMARK_NODE_CODE:
        node.kind = K::code;
        node.text = literal(n);
        return true;
      case CMARK_NODE_EMPH:
        node.kind = K::emphasis;
        return true;
      case CMARK_NODE_STRONG:
        node.kind = K::strong;
        return true;
      case CMARK_NODE_LINK:
        node.kind = K::link;
        return true;
      case CMARK_NODE_IMAGE:
        node.kind = K::image;
        return true;
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        // After parsing, cmark-gfm sets a reference's literal to its number.
        node.kind = K::footnote_reference;
        node.number = std::atoi(literal(n).c_str());
        return true;
      default:
        break;
    }
    // The extensions' node types are numbers given out at registration;
    // their names are stable.
    const std::string_view name = cmark_node_get_type_string(n);
    if (name == "strikethrough") {
      node.kind = K::strike;
    } else if (name == "table") {
      node.kind = K::table;
      // One byte per column: 'l', 'c', 'r', or 0 when the delimiter row
      // asks for none.
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
      if (const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n))
        for (uint16_t i = 0; i < columns; ++i) node.align += align[i] ? char(align[i]) : ' ';
    } else if (name == "table_header" || name == "table_row") {
      node.kind = K::table_row;
      node.header = name == "table_header";
    } else if (name == "table_cell") {
      node.kind = K::table_cell;
    } else {
      return false;
    }
    return true;
  }
};

void append_plain(const std::vector<Node>& inlines, std::string& out) {
  for (const auto& n : inlines) {
    switch (n.kind) {
      case Node::Kind::text:
      case Node::Kind::code:
        out += n.text;
        break;
      case Node::Kind::soft_break:
      case Node::Kind::line_break:
        out += ' ';
        break;
      default:
        append_plain(n.children, out);
        break;
    }
  }
}

}  // namespace

std::vector<Node> parse(std::string_view markdown, const Options& options) {
  // Past the limits (limits.hpp), which the loader reports: the text as it
  // is, in one paragraph, never handed to cmark-gfm.
  LimitError limit;
  auto parsed = detail::parse_within_limits(markdown, options, limit);
  if (!parsed) {
    Node text;
    text.kind = Node::Kind::text;
    text.text = std::string(markdown);
    text.line = options.first_line;
    text.column = 1;
    Node para;
    para.kind = Node::Kind::paragraph;
    para.line = text.line;
    para.column = 1;
    para.children.push_back(std::move(text));
    return {para};
  }
  std::vector<Node> out;
  Converter{options}.children(parsed->root.get(), out);
  return out;
}

std::string plain_text(const std::vector<Node>& inlines) {
  std::string out;
  append_plain(inlines, out);
  return out;
}

std::string escape_url(std::string_view url) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      (u != 0 && std::strchr("!#$%&'()*+,-./:;=?@_~", c) != nullptr);
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 0xF];
    }
  }
  return out;
}

}  // namespace carnet::markdown
