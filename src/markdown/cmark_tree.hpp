// What markdown.cpp and document.cpp share about cmark-gfm: a parser set up
// as Carnet wants it, and what is done to every link and raw HTML node.
// Private to markdown/: no other folder sees cmark's types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "markdown/cmark_arena.hpp"
#include "markdown/limits.hpp"
#include "markdown/markdown.hpp"
#include "wrap/cmark.hpp"

namespace carnet::markdown::detail {

// cmark-gfm's options for `markdown` as `options` asks for it.
int parse_options(const Options& options, std::string_view markdown);

// A parser with GitHub's extensions attached, allocating from the thread's
// current arena (CmarkArena); safe to use on any thread.
wrap::CmarkParser make_parser(int cmark_options);

// The document tree of `markdown`.
wrap::CmarkNode parse(cmark_parser* parser, std::string_view markdown);

// Whether cmark-gfm's extension characters stay set for the whole process
// (special_chars.cpp), so that parses run their inline passes at the same
// time; false until the first parse has ended, and where the library's
// calls do not reach Carnet's definition.
bool inline_pass_is_shared();

// A text parsed once: the tree and the parser that made it (the HTML
// writer needs its extensions), in their arena. Nodes added to the tree
// come from CmarkArena::mem(). Ends before any arena made after it.
struct ParsedText {
  ParsedText() : arena(std::make_unique<CmarkArena>()) {}
  ParsedText(ParsedText&&) = default;
  ParsedText& operator=(ParsedText&&) = delete;
  // The parser and the tree are the arena's memory: they go with it, not
  // node by node.
  ~ParsedText() {
    if (!arena_on) return;  // freed node by node, as cmark-gfm does alone
    (void)root.release();
    (void)parser.release();
  }
  std::unique_ptr<CmarkArena> arena;
  int cmark_options = 0;  // the parser's, which the HTML writer takes again
  wrap::CmarkParser parser;
  wrap::CmarkNode root;
};

// The tree of `markdown` when it is within every limit (limits.hpp), else
// nullopt with the first limit it passes in `error`: the bytes are checked
// before cmark-gfm sees them, the nesting on the tree, so that a text is
// parsed once.
std::optional<ParsedText> parse_within_limits(std::string_view markdown, const Options& options,
                                              LimitError& error);

// Sets a link's or image's URL to what Options::rewrite_link returns for it
// ("" for a script URL, which never reaches the hook).
void rewrite_link(cmark_node* link, const Options& options);

// The text under a node, without markup; breaks read as spaces.
std::string plain_text_of(cmark_node* node);

}  // namespace carnet::markdown::detail
