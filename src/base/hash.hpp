// The one content hash of Carnet: XXH3 64 from libxxhash, for fingerprints
// (cache-busting asset names, translation records). Fast and stable across
// platforms, versions and builds; not for security. Name-based identifiers
// are RFC 4122 version 5 UUIDs, whose definition fixes SHA-1 (GLib's).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Inlined from libxxhash's header: the search index hashes every word of
// every page (millions at 10,000 pages), where a call into the library
// cost as much as hashing a short word.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace carnet::base {

inline std::uint64_t hash64(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

// The first `digits` lowercase hex digits (at most 16) of hash64(bytes).
std::string hex_digest(std::string_view bytes, size_t digits = 16);

// A name-based UUID (RFC 4122 §4.3, version 5, in Carnet's own namespace):
// the same name always gives the same UUID, so a rebuilt EPUB keeps its
// identifier, and the version bits say truly how it was made.
std::string stable_uuid(std::string_view name);

}  // namespace carnet::base
