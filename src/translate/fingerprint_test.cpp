#include <catch2/catch.hpp>

#include "translate/texts.hpp"

using namespace carnet::translate;

TEST_CASE("translation fingerprints are XXH3, marked as such", "[translate][hash]") {
  const std::string f = text_fingerprint("Bonjour");
  CHECK(f.starts_with("xxh3:"));
  CHECK(f.size() == 5 + 16);
  CHECK(fingerprint_matches(f, "Bonjour"));
  CHECK_FALSE(fingerprint_matches(f, "Bonsoir"));
  CHECK_FALSE(fingerprint_matches("", "Bonjour"));
  CHECK_FALSE(fingerprint_matches("xxh3:", "Bonjour"));
}

TEST_CASE("a record written before XXH3 still vouches for its text", "[translate][hash]") {
  // FNV-1a 64 of "Bonjour" and of "Bonsoir", as Carnet 0.1 recorded them.
  CHECK(fingerprint_matches("7cf8b7bc010f02a0", "Bonjour"));
  CHECK_FALSE(fingerprint_matches("f466d8f8c4d25959", "Bonjour"));
  CHECK(fingerprint_matches("f466d8f8c4d25959", "Bonsoir"));
  // An old fingerprint never passes for a new one's algorithm, or back.
  CHECK_FALSE(fingerprint_matches("xxh3:7cf8b7bc010f02a0", "Bonjour"));
}
