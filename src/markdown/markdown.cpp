#include "markdown/markdown.hpp"

#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "base/slug.hpp"
#include "base/spin_lock.hpp"
#include "base/text.hpp"
#include "markdown/cmark_tree.hpp"
#include "markdown/html_sanitizer.hpp"

namespace carnet::markdown {

namespace {

// GFM's tagfilter is not among them: it writes `<script>` and `<iframe>`
// tags as visible text, where sanitize_html removes the script with its
// content and keeps an https embed.
const char* const extension_names[] = {"table", "strikethrough", "autolink", "tasklist"};

void attach_extensions(cmark_parser* parser) {
  for (const char* name : extension_names)
    if (auto* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
}

bool is_script_url(std::string_view url) {
  auto t = base::to_lower_ascii(base::trim(url));
  std::string compact;
  for (char c : t)
    if (c != '\t' && c != '\n' && c != '\r' && c != ' ') compact += c;
  return compact.rfind("javascript:", 0) == 0 || compact.rfind("vbscript:", 0) == 0 ||
         compact.rfind("data:text/html", 0) == 0;
}

}  // namespace

namespace detail {

// Footnotes only where a text may hold one: its '^' after a '[' is
// written as is, escaped or as an entity, so a text with neither '^' nor
// '&' comes out the same either way (tested: with the option on, cmark-gfm
// reads "[\^x]" differently even with no footnote defined). With the
// option, every text's tree was walked once more for footnotes, in the
// part of the parse that runs one text at a time (below): 6 % of the
// Markdown phase.
int parse_options(const Options& o, std::string_view markdown) {
  int opts = CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  // Two finds (memchr): find_first_of("^&") calls memchr on its set for
  // every byte of the text.
  if (markdown.find('^') != std::string_view::npos || markdown.find('&') != std::string_view::npos)
    opts |= CMARK_OPT_FOOTNOTES;
  if (o.unsafe_html) opts |= CMARK_OPT_UNSAFE;
  return opts;
}

wrap::CmarkParser make_parser(int cmark_options) {
  // Registration writes a process-wide list: once, before any parse.
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  wrap::CmarkParser parser(cmark_parser_new_with_mem(cmark_options, CmarkArena::mem()));
  attach_extensions(parser.get());
  return parser;
}

std::string plain_text_of(cmark_node* node) {
  std::string out;
  wrap::CmarkIter it(cmark_iter_new(node));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(n)) out += lit;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  return out;
}

void rewrite_link(cmark_node* n, const Options& options) {
  const char* raw = cmark_node_get_url(n);
  std::string url = raw ? raw : "";
  if (is_script_url(url)) {
    cmark_node_set_url(n, "");
    return;
  }
  if (!options.rewrite_link) return;
  LinkContext where;
  where.image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
  where.line = cmark_node_get_start_line(n);
  where.column = cmark_node_get_start_column(n);
  // Inline nodes may lack positions; fall back to the enclosing block's.
  for (cmark_node* p = n; where.line == 0 && p; p = cmark_node_parent(p)) {
    where.line = cmark_node_get_start_line(p);
    where.column = cmark_node_get_start_column(p);
  }
  where.line += options.first_line - 1;
  std::string out = options.rewrite_link(url, where);
  if (out != url) cmark_node_set_url(n, out.c_str());
}

// cmark-gfm keeps the characters that may open an extension's inline
// syntax in one array for the whole process, which each parse used to
// switch on before its inline pass and off after it (issue 13);
// special_chars.cpp keeps them on instead, and then inline passes run on
// every core at once. If that cannot be (inline_pass_is_shared() false),
// the inline pass is serialised (a spin lock: it is short, and the other
// worker is waiting for it); block parsing (cmark_parser_feed), the tree
// walks and the HTML writer never read the array. See docs/decisions.md.
wrap::CmarkNode parse(cmark_parser* parser, std::string_view markdown) {
  static base::SpinLock inline_pass;
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  if (inline_pass_is_shared()) return wrap::CmarkNode(cmark_parser_finish(parser));
  std::lock_guard lock(inline_pass);
  return wrap::CmarkNode(cmark_parser_finish(parser));
}

}  // namespace detail

namespace {

using namespace detail;

bool is_fenced(cmark_node* code_block) {
  int length = 0, offset = 0;
  char fence = 0;
  return cmark_node_get_fenced(code_block, &length, &offset, &fence) != 0;
}

// Where a fenced block's HTML goes until the page's HTML is complete: text
// the raw-HTML sanitizer keeps as it is (private-use characters around a
// number), replaced by the hook's HTML after it, since that HTML is Carnet's
// own and may hold what the sanitizer refuses (comments, SVG).
std::string fenced_placeholder(size_t index) {
  return "\uE000carnet-fenced:" + std::to_string(index) + "\uE000\n";
}

struct Walk {
  const Options& options;
  std::vector<std::string>* anchors;
  std::unordered_set<std::string> used_ids;
  // The next suffix to try for each slug: a search from 1 each time made
  // 10,000 identical headings take 11 s (issue 13). The ids are the same,
  // since a suffix skipped once stays taken.
  std::unordered_map<std::string, int> next_suffix;
  std::vector<cmark_node*> headings;
  std::vector<std::pair<cmark_node*, std::string>> replaced;  // code blocks → HTML
  // Nodes taken out of the tree, freed with the walk, after the HTML is
  // written: a heading's inline children (moved into its custom block)
  // read their text from the heading's own buffer, which freeing the
  // heading frees (cmark-gfm's text nodes are views into their block's
  // content). A heading holding raw HTML wrote freed memory (found by the
  // markdown_links fuzzer; fuzz/regressions/).
  std::vector<wrap::CmarkNode> detached;

  void visit(cmark_node* root) {
    wrap::CmarkIter it(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it.get());
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          rewrite_link(n, options);
          break;
        case CMARK_NODE_HEADING:
          if (options.heading_ids) headings.push_back(n);
          break;
        case CMARK_NODE_CODE_BLOCK:
          if (options.fenced_block && is_fenced(n)) {
            const char* info = cmark_node_get_fence_info(n);
            const char* lit = cmark_node_get_literal(n);
            FencedCode code{info ? info : "", lit ? lit : "",
                            cmark_node_get_start_line(n) + options.first_line - 1,
                            cmark_node_get_start_column(n)};
            if (auto html = options.fenced_block(code)) replaced.emplace_back(n, std::move(*html));
          }
          break;
        default:
          break;
      }
    }
    // Changing the tree while iterating is not allowed; headings are swapped after.
    for (cmark_node* h : headings) add_id(h);
    for (size_t i = 0; i < replaced.size(); ++i) {
      cmark_node* node = replaced[i].first;
      // A custom block prints its on_enter text as is, like a heading's tag:
      // a placeholder here, the hook's HTML once the page is sanitized.
      cmark_node* block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena::mem());
      cmark_node_set_on_enter(block, fenced_placeholder(i).c_str());
      cmark_node_replace(node, block);
      detached.emplace_back(node);
    }
  }

  // cmark-gfm writes <h2> without an id; a custom block prints the opening
  // tag we choose and keeps the heading's inline children as they were.
  void add_id(cmark_node* h) {
    std::string id = base::slugify(plain_text_of(h));
    if (id.empty()) id = "section";
    std::string unique = id;
    if (used_ids.count(unique)) {
      int& k = next_suffix[id];
      do unique = id + "-" + std::to_string(++k);
      while (used_ids.count(unique));
    }
    used_ids.insert(unique);
    if (anchors) anchors->push_back(unique);
    int level = cmark_node_get_heading_level(h);
    std::string open = "<h" + std::to_string(level) + " id=\"" + unique + "\">";
    std::string close = "</h" + std::to_string(level) + ">\n";
    cmark_node* block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena::mem());
    cmark_node_set_on_enter(block, open.c_str());
    cmark_node_set_on_exit(block, close.c_str());
    while (cmark_node* child = cmark_node_first_child(h)) {
      cmark_node_unlink(child);
      cmark_node_append_child(block, child);
    }
    cmark_node_replace(h, block);
    detached.emplace_back(h);
  }
};

std::string render(const ParsedText& parsed) {
  // Written into the arena, copied out of it.
  char* html = cmark_render_html_with_mem(parsed.root.get(), parsed.cmark_options,
                                          cmark_parser_get_syntax_extensions(parsed.parser.get()),
                                          CmarkArena::mem());
  std::string out = html ? html : "";
  if (!arena_on) CmarkArena::mem()->free(html);
  return out;
}

}  // namespace

Html to_html(std::string_view markdown, const Options& options) {
  Html out;
  // Nothing past the limits reaches cmark-gfm (quadratic there) or the
  // walks below; the loader refuses it, so no build shows this paragraph.
  LimitError limit;
  auto parsed = parse_within_limits(markdown, options, limit);
  if (!parsed) {
    out.limit = std::move(limit);
    out.html = "<p>" + base::html_escape(markdown) + "</p>\n";
    return out;
  }
  cmark_node* root = parsed->root.get();
  Walk walk{options, &out.anchors, {}, {}, {}, {}, {}};
  walk.visit(root);
  out.html = render(*parsed);
  // Raw HTML comes out of cmark-gfm in pieces (an inline <b> and its </b>
  // are two nodes), so only the page's whole HTML can be parsed as the
  // browser will read it; Markdown's own links and images pass the same
  // allow-list.
  if (options.unsafe_html) out.html = sanitize_html(out.html);
  for (size_t i = 0; i < walk.replaced.size(); ++i) {
    const std::string placeholder = fenced_placeholder(i);
    if (auto at = out.html.find(placeholder); at != std::string::npos)
      out.html.replace(at, placeholder.size(), walk.replaced[i].second);
  }
  return out;
}

std::string inline_html(std::string_view markdown, const Options& options) {
  Options o = options;
  o.heading_ids = false;
  std::string html = to_html(markdown, o).html;
  // A single paragraph: drop its <p>...</p>\n so the text fits in a cell or a title.
  if (html.rfind("<p>", 0) == 0 && html.size() >= 8 &&
      html.compare(html.size() - 5, 5, "</p>\n") == 0 && html.find("<p>", 3) == std::string::npos)
    return html.substr(3, html.size() - 8);
  return html;
}

std::string to_plain_text(std::string_view markdown) {
  LimitError limit;
  auto parsed = parse_within_limits(markdown, {}, limit);
  if (!parsed) return std::string(markdown);
  std::string out;
  wrap::CmarkIter it(cmark_iter_new(parsed->root.get()));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it.get());
    auto type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
      if (const char* lit = cmark_node_get_literal(n)) out += lit;
    } else if (ev == CMARK_EVENT_ENTER &&
               (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)) {
      out += ' ';
    } else if (ev == CMARK_EVENT_EXIT && (type == CMARK_NODE_PARAGRAPH ||
                                          type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM)) {
      out += '\n';
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace carnet::markdown
