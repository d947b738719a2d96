#include "markdown/cmark_arena.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

namespace carnet::markdown::detail {

namespace {

thread_local CmarkArena* current = nullptr;

// Each allocation is preceded by its size, for realloc; sizes and
// addresses are multiples of 16, as malloc's are.
constexpr size_t header = 16;
constexpr size_t block_size = 64 * 1024;

size_t rounded(size_t n) { return (n + 15) & ~size_t{15}; }

size_t& size_of(void* p) { return *reinterpret_cast<size_t*>(static_cast<std::byte*>(p) - header); }

CmarkArena& arena() {
  if (!current) {
    std::fputs("carnet: internal error: cmark-gfm allocated outside an arena\n", stderr);
    std::abort();
  }
  return *current;
}

// Called from C: nothing may be thrown through cmark-gfm. Out of memory
// (or a size that does not fit) ends the program, as cmark-gfm's own
// allocator does.
[[noreturn]] void out_of_memory() {
  std::fputs("carnet: out of memory while reading Markdown\n", stderr);
  std::abort();
}

void* arena_calloc(size_t count, size_t size) noexcept {
  if (size != 0 && count > SIZE_MAX / size) out_of_memory();
  try {
    return arena().allocate(count * size);
  } catch (const std::bad_alloc&) {
    out_of_memory();
  }
}
void* arena_realloc(void* p, size_t size) noexcept {
  try {
    return arena().reallocate(p, size);
  } catch (const std::bad_alloc&) {
    out_of_memory();
  }
}
void arena_free(void*) noexcept {}

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

CmarkArena::CmarkArena() : outer_(current) { current = this; }

CmarkArena::~CmarkArena() {
  if (current != this) {
    std::fputs("carnet: internal error: Markdown arenas ended out of order\n", stderr);
    std::abort();
  }
  current = outer_;
}

cmark_mem* CmarkArena::mem() { return arena_on ? &arena_mem : cmark_get_default_mem_allocator(); }

std::byte* CmarkArena::carve(size_t size) {
  if (size > SIZE_MAX / 2) throw std::bad_alloc();  // its rounding would wrap
  const size_t need = header + rounded(size);
  if (static_cast<size_t>(end_ - free_) < need) {
    // A large allocation gets a block of its own; the current one stays
    // the one to carve from.
    const size_t n = std::max(block_size, need);
    blocks_.push_back({std::make_unique_for_overwrite<std::byte[]>(n), n});
    std::byte* start = blocks_.back().bytes.get();
    if (n > block_size) {
      *reinterpret_cast<size_t*>(start) = size;
      return start + header;
    }
    free_ = start;
    end_ = start + n;
  }
  std::byte* p = free_ + header;
  free_ += need;
  *reinterpret_cast<size_t*>(p - header) = size;
  last_ = p;
  return p;
}

void* CmarkArena::allocate(size_t size) {
  std::byte* p = carve(size);
  std::memset(p, 0, size);
  return p;
}

void* CmarkArena::reallocate(void* p, size_t size) {
  if (!p) return carve(size);
  size_t& old = size_of(p);
  if (size <= old) return p;
  // The newest allocation grows in place while its block has room (a
  // string buffer, doubled as it is written).
  if (p == last_ && static_cast<size_t>(end_ - static_cast<std::byte*>(p)) >= rounded(size)) {
    free_ = static_cast<std::byte*>(p) + rounded(size);
    old = size;
    return p;
  }
  std::byte* q = carve(size);
  std::memcpy(q, p, old);
  return q;
}

}  // namespace carnet::markdown::detail
