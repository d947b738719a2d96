// Eight bytes tested at once: the scans that read every byte of every page
// (UTF-8 validation, control characters, the search index's JSON) pass over
// a word at a time while none of its bytes is one they stop at, then look
// at that word byte by byte. Each test is nonzero when at least one byte of
// the word matches (exact as a yes or no; which byte, the caller finds);
// tests joined with `|` cost no branch between them.
#pragma once

#include <cstdint>
#include <cstring>

namespace carnet::base::bytes {

inline constexpr std::uint64_t ones = 0x0101010101010101ull;
inline constexpr std::uint64_t highs = 0x8080808080808080ull;

// The eight bytes at `p`, in memory order.
inline std::uint64_t word_at(const void* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// A byte of 0x80 or more (not ASCII).
inline std::uint64_t any_high(std::uint64_t w) { return w & highs; }

// A byte below `n` (n at most 0x80).
inline std::uint64_t any_below(std::uint64_t w, unsigned char n) {
  return (w - ones * n) & ~w & highs;
}

// A byte equal to `c`.
inline std::uint64_t any_equal(std::uint64_t w, unsigned char c) {
  const std::uint64_t v = w ^ (ones * c);
  return (v - ones) & ~v & highs;
}

}  // namespace carnet::base::bytes
