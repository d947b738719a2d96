// cmark-gfm's extension characters, set once for the whole process so that
// texts are parsed on every core at once (see docs/decisions.md, "cmark-gfm's
// special characters").
//
// cmark-gfm keeps the characters that may open an extension's inline syntax
// (`~` for strikethrough, `:` and `w` for autolinks) in one array for the
// process. cmark_parser_finish switches its parser's extensions' characters
// on before the inline pass and off after it, by calling
// cmark_manage_extensions_special_characters: a parse ending while another
// is in its inline pass switched `~` off under it (issue 13). That function
// is public (cmark-gfm-extension_api.h declares it, so the compiler checks
// the definition below against it), and cmark_parser_finish's call to it
// goes through the library's procedure linkage table: the definition below,
// in the program, is the one it reaches (ELF interposition): the first call
// switches the characters on through the library's own function, and every
// later call, on or off, leaves them as they are. Every parser Carnet makes
// has the same extensions (make_parser), so the characters are the same for
// every text. When the call does not reach this definition (a library linked
// with -Bsymbolic, say), inline_pass_is_shared() stays false and the inline
// passes are taken one at a time, as before.
#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "markdown/cmark_tree.hpp"

namespace {

std::atomic<bool> interposed{false};

using Manage = void (*)(cmark_parser*, int);

Manage library_manage() {
  // The next definition after the program's: the library's.
  auto* found =
      reinterpret_cast<Manage>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  if (!found) {
    // Only a cmark-gfm linked into the program itself could get here, and
    // then the link fails first (two definitions): no text can be parsed.
    std::fputs("carnet: cmark-gfm's cmark_manage_extensions_special_characters not found\n",
               stderr);
    std::abort();
  }
  return found;
}

}  // namespace

extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  interposed.store(true, std::memory_order_release);
  if (!add) return;
  static std::once_flag switched_on;
  std::call_once(switched_on, [parser] { library_manage()(parser, 1); });
}

namespace carnet::markdown::detail {

bool inline_pass_is_shared() { return interposed.load(std::memory_order_acquire); }

}  // namespace carnet::markdown::detail
