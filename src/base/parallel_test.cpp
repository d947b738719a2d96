#include "base/parallel.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

using carnet::base::parallel_for;

TEST_CASE("parallel_for: every index exactly once, loop after loop", "[base][parallel]") {
  for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{1000}}) {
    for (int round = 0; round < 20; ++round) {
      std::vector<std::atomic<int>> seen(n);
      parallel_for(n, [&](size_t i) { ++seen[i]; });
      for (size_t i = 0; i < n; ++i) CHECK(seen[i] == 1);
    }
  }
  CHECK(carnet::base::parallel_width() >= 1);
}

TEST_CASE("parallel_for: a body's exception reaches the caller, and the next loop runs",
          "[base][parallel]") {
  CHECK_THROWS_WITH(parallel_for(100,
                                 [](size_t i) {
                                   if (i == 37) throw std::runtime_error("index 37");
                                 }),
                    "index 37");
  std::atomic<size_t> sum{0};
  parallel_for(100, [&](size_t i) { sum += i; });
  CHECK(sum == 4950);
}

TEST_CASE("parallel_for: a loop inside a loop, and loops of two threads at once",
          "[base][parallel]") {
  std::atomic<size_t> sum{0};
  parallel_for(8, [&](size_t) { parallel_for(100, [&](size_t i) { sum += i; }); });
  CHECK(sum == 8 * 4950);

  std::atomic<size_t> a{0}, b{0};
  std::thread other([&] {
    for (int round = 0; round < 50; ++round) parallel_for(100, [&](size_t i) { a += i; });
  });
  for (int round = 0; round < 50; ++round) parallel_for(100, [&](size_t i) { b += i; });
  other.join();
  CHECK(a == 50 * 4950);
  CHECK(b == 50 * 4950);
}

TEST_CASE("parallel_for: a child of fork() runs its loops itself", "[base][parallel]") {
  parallel_for(10, [](size_t) {});  // the pool exists before the fork
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::atomic<size_t> sum{0};
    parallel_for(100, [&](size_t i) { sum += i; });
    ::_exit(sum == 4950 ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
