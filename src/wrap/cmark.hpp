// RAII for cmark-gfm handles. cmark returns NULL on allocation failure only,
// so the factories need no other error check.
#pragma once

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>

namespace carnet::wrap {

struct CmarkParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct CmarkNodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CmarkIterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

using CmarkParser = std::unique_ptr<cmark_parser, CmarkParserDeleter>;
using CmarkNode = std::unique_ptr<cmark_node, CmarkNodeDeleter>;
using CmarkIter = std::unique_ptr<cmark_iter, CmarkIterDeleter>;

}  // namespace carnet::wrap
