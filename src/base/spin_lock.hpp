// A lock for short critical sections between busy threads: the waiter
// spins on its core rather than sleep in the kernel, and gives way to other
// threads only after a long wait (say, when the holder lost its core).
// A std::mutex puts the waiter to sleep and wakes it by a futex system call;
// around cmark-gfm's inline pass (tens of microseconds a page, taken once
// per page by every worker) that sleep and wake-up cost a tenth of the
// Markdown phase's wall time (docs/decisions.md, "Build speed, fourth pass").
// Meets BasicLockable: use it with std::lock_guard.
#pragma once

#include <atomic>
#include <thread>

namespace carnet::base {

class SpinLock {
 public:
  void lock() {
    while (taken_.exchange(true, std::memory_order_acquire))
      for (int spins = 0; taken_.load(std::memory_order_relaxed); ++spins) {
        if (spins < max_spins)
          pause();
        else
          std::this_thread::yield();
      }
  }
  void unlock() { taken_.store(false, std::memory_order_release); }

 private:
  // Tells the processor this is a wait loop (less power, and the other
  // hyperthread of the core runs faster).
  static void pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
  }
  // About a tenth of a millisecond of pauses, several inline passes.
  static constexpr int max_spins = 4096;
  std::atomic<bool> taken_{false};
};

}  // namespace carnet::base
