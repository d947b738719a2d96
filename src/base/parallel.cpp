#include "base/parallel.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace carnet::base {

namespace {

// One loop handed to the pool.
struct Loop {
  size_t n = 0;
  void (*call)(void*, size_t) = nullptr;
  void* context = nullptr;
  std::atomic<size_t> next{0};
  std::mutex error_mutex;
  std::exception_ptr error;

  void run() {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) call(context, i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = n;
    }
  }
};

// Whether this thread is running a loop's body: a loop inside it runs on
// this thread (the others are busy with the outer loop).
thread_local bool in_loop = false;

// Runs `loop` on this thread, as part of a loop.
void take_part(Loop& loop) {
  const bool outer = in_loop;
  in_loop = true;
  loop.run();
  in_loop = outer;
}

class Pool {
 public:
  static Pool& get() {
    // Never destroyed (built in static storage, its destructor never
    // called): its threads wait for work until the process ends, and
    // nothing at exit has to wake and join them, or know it cannot (a child
    // of fork() has none of them).
    alignas(Pool) static unsigned char storage[sizeof(Pool)];
    static Pool* pool = ::new (storage) Pool;
    return *pool;
  }

  size_t width() const { return workers_ + 1; }

  void run(size_t n, void (*call)(void*, size_t), void* context) {
    Loop loop;
    loop.n = n;
    loop.call = call;
    loop.context = context;
    // A loop met inside a loop runs on the thread that meets it (the other
    // threads are busy with the outer loop), as it does in a child of fork()
    // (which has no pool threads).
    if (n <= 1 || in_loop || workers_ == 0 || forked_) {
      take_part(loop);
    } else if (busy_.exchange(true)) {
      // Another thread's loop has the pool: this one gets threads of its
      // own, as many as the system gives (the caller's thread alone, at
      // worst: a thread that cannot start is no reason to fail the loop,
      // and one left unjoined would end the program).
      std::vector<std::thread> threads;
      try {
        for (size_t i = 0; i < std::min(workers_, n - 1); ++i)
          threads.emplace_back([&loop] { take_part(loop); });
      } catch (const std::system_error&) {
      }
      take_part(loop);
      for (auto& t : threads) t.join();
    } else {
      {
        std::lock_guard lock(mutex_);
        loop_ = &loop;
        ++generation_;
        running_ = workers_;
      }
      wake_.notify_all();
      take_part(loop);
      {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return running_ == 0; });
        loop_ = nullptr;
      }
      busy_ = false;
    }
    if (loop.error) std::rethrow_exception(loop.error);
  }

 private:
  Pool() {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    workers_ = cores - 1;
    for (size_t i = 0; i < workers_; ++i) std::thread([this] { work(); }).detach();
    pthread_atfork(nullptr, nullptr, [] { Pool::get().forked_ = true; });
  }

  void work() {
    in_loop = true;
    uint64_t seen = 0;
    for (;;) {
      Loop* loop;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return generation_ != seen; });
        seen = generation_;
        loop = loop_;
      }
      loop->run();
      {
        std::lock_guard lock(mutex_);
        --running_;
      }
      done_.notify_one();
    }
  }

  size_t workers_ = 0;
  bool forked_ = false;  // set in a child of fork(), which has one thread
  std::atomic<bool> busy_{false};
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  Loop* loop_ = nullptr;
  uint64_t generation_ = 0;
  size_t running_ = 0;
};

}  // namespace

namespace detail {
void run_parallel(size_t n, void (*call)(void*, size_t), void* context) {
  Pool::get().run(n, call, context);
}
}  // namespace detail

size_t parallel_width() { return Pool::get().width(); }

}  // namespace carnet::base
