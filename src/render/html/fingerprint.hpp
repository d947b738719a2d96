// Content fingerprints for cache-busting file names (css/style.1a2b3c4d5e.css):
// the first hex digits of base::hash64 (XXH3), stable across platforms and builds.
#pragma once

#include <string>
#include <string_view>

namespace carnet::render::html {

// The first `digits` lowercase hex digits (at most 16) of base::hash64(bytes).
std::string fingerprint(std::string_view bytes, size_t digits = 10);

}  // namespace carnet::render::html
