#include "markdown/cmark_arena.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>

using carnet::markdown::detail::CmarkArena;

TEST_CASE("cmark arena: zeroed, aligned, and what grows keeps its bytes", "[markdown]") {
  if (!carnet::markdown::detail::arena_on) return;  // malloc's, under AddressSanitizer
  CmarkArena arena;
  cmark_mem* mem = CmarkArena::mem();
  std::string expected;
  char* grown = static_cast<char*>(mem->realloc(nullptr, 1));
  size_t size = 1;
  for (int round = 0; round < 200; ++round) {
    // Allocations of every size between the growing buffer's steps, large
    // ones (past a block) too.
    const size_t n = round % 50 == 49 ? 100000 : static_cast<size_t>(round * 37 % 500 + 1);
    auto* p = static_cast<unsigned char*>(mem->calloc(n, 1));
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
    bool zero = true;
    for (size_t i = 0; i < n; ++i) zero = zero && p[i] == 0;
    CHECK(zero);
    std::memset(p, 0xAB, n);
    // The buffer doubles, in place while it is the newest, moved when not.
    const size_t bigger = size * 2 + round % 7;
    grown = static_cast<char*>(mem->realloc(grown, bigger));
    for (size_t i = size; i < bigger; ++i) grown[i] = static_cast<char>('a' + i % 26);
    expected.resize(bigger);
    for (size_t i = size; i < bigger; ++i) expected[i] = static_cast<char>('a' + i % 26);
    if (round == 0) grown[0] = expected[0] = 'z';
    size = bigger > 1 << 20 ? 1 : bigger;
    if (size == 1) {
      CHECK(std::string(grown, bigger) == expected);
      grown = static_cast<char*>(mem->realloc(nullptr, 1));
      grown[0] = 'z';
      expected = "z";
    }
  }
  CHECK(std::string(grown, size) == expected);
  mem->free(grown);  // nothing until the arena goes
}

TEST_CASE("cmark arena: arenas nest, each parse allocating from the newest", "[markdown]") {
  if (!carnet::markdown::detail::arena_on) return;
  CmarkArena outer;
  void* a = CmarkArena::mem()->calloc(1, 8);
  {
    CmarkArena inner;
    void* b = CmarkArena::mem()->calloc(1, 8);
    CHECK(b != a);
  }
  void* c = CmarkArena::mem()->calloc(1, 8);
  // The outer arena again: its next 16-byte slot after `a` and its header.
  CHECK(static_cast<char*>(c) - static_cast<char*>(a) == 32);
}

TEST_CASE("cmark arena: a size that does not fit ends the program, as cmark-gfm's malloc does",
          "[markdown]") {
  if (!carnet::markdown::detail::arena_on) return;
  for (const bool through_calloc : {true, false}) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(2);  // the message is not this test's output
      CmarkArena arena;
      if (through_calloc)
        (void)CmarkArena::mem()->calloc(SIZE_MAX / 2, 4);  // count × size wraps
      else
        (void)CmarkArena::mem()->realloc(nullptr, SIZE_MAX - 8);  // its rounding would
      ::_exit(0);  // an allocation that returned: the test fails
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
  }
}
