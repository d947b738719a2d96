#include <catch2/catch.hpp>

#include "base/hash.hpp"

using namespace carnet::base;

TEST_CASE("hash64 is XXH3 64, the same on every machine", "[base][hash]") {
  // XXH3_64bits of no bytes, as published with xxHash.
  CHECK(hash64("") == 0x2D06800538D394C2ull);
  CHECK(hex_digest("") == "2d06800538d394c2");
  CHECK(hex_digest("", 10) == "2d06800538");
  CHECK(hex_digest("", 40) == "2d06800538d394c2");
  CHECK(hash64("a") != hash64("b"));
}

TEST_CASE("stable UUIDs are version 5 UUIDs of the name", "[base][hash]") {
  // Python's uuid.uuid5(UUID("146ed5ce-e953-477f-b30d-e1edba3525b9"), name).
  CHECK(stable_uuid("plans/plan-action-2021-2023.plan.yaml#fr") ==
        "31b2857b-c9bd-5b86-9a98-318046f07331");
  CHECK(stable_uuid("") == "83c9c879-cf9d-55ef-b711-8b77477e3b84");
  CHECK(stable_uuid("a#fr") != stable_uuid("a#en"));
}
