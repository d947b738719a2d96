// Memory for one Markdown text's parse: cmark-gfm allocates its tree a node,
// a string, a delimiter at a time (thousands for a page), and frees them one
// by one, walking the tree. From an arena they come out of a few large
// blocks, and go all at once when the text is done: no walk, no free call.
//
// cmark_mem's functions take no context, so the arena they use is the
// thread's current one: the newest alive on the thread. Arenas nest (a data
// block's cells parsed while the page's tree is walked) and must end in the
// order they began, which a scope gives; ending out of order is a bug, and
// stops the program rather than let a tree live on freed memory.
// Private to markdown/.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace carnet::markdown::detail {

// Under AddressSanitizer (the fuzz builds) cmark-gfm allocates with malloc
// as it would alone, so that the sanitizer sees each of its allocations;
// inside an arena's blocks it would see none of cmark-gfm's overruns.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool arena_on = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool arena_on = false;
#else
inline constexpr bool arena_on = true;
#endif
#else
inline constexpr bool arena_on = true;
#endif

class CmarkArena {
 public:
  CmarkArena();  // becomes this thread's current arena
  ~CmarkArena();
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  // The allocator to give cmark-gfm: the parser, new nodes, the HTML writer
  // (malloc's without arena_on).
  static cmark_mem* mem();

  void* allocate(size_t size);  // zeroed
  void* reallocate(void* p, size_t size);

 private:
  struct Block {
    std::unique_ptr<std::byte[]> bytes;
    size_t size = 0;
  };
  std::byte* carve(size_t size);

  std::vector<Block> blocks_;
  std::byte* free_ = nullptr;  // the unused end of the newest block
  std::byte* end_ = nullptr;
  std::byte* last_ = nullptr;  // the newest allocation, which may grow in place
  CmarkArena* outer_;
};

}  // namespace carnet::markdown::detail
