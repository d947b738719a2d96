// Runs a loop body over [0, n) on all cores. Each index is handled exactly
// once; results go into slots the caller owns, so output order never depends
// on scheduling (builds stay byte-identical).
//
// The work goes to a pool of threads started once for the process, not to
// threads made for each loop: a build runs some forty loops, and each new
// thread started with an empty allocator heap, so that every loop touched
// fresh memory (a page fault for each 4 KB) where the same threads reuse
// what the last loop freed.
#pragma once

#include <cstddef>
#include <type_traits>

namespace carnet::base {

namespace detail {
// Calls call(context, i) for every i in [0, n), on the pool's threads and
// the caller's; rethrows the first exception a call threw (the others stop
// taking indices then).
void run_parallel(size_t n, void (*call)(void*, size_t), void* context);
}  // namespace detail

template <class F>
void parallel_for(size_t n, F&& body) {
  using Body = std::remove_reference_t<F>;
  detail::run_parallel(
      n, [](void* c, size_t i) { (*static_cast<Body*>(c))(i); },
      const_cast<void*>(static_cast<const void*>(&body)));
}

// How many threads parallel_for runs a loop on (the caller's included).
size_t parallel_width();

}  // namespace carnet::base
