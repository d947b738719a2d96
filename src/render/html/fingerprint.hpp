// Content fingerprints for cache-busting file names (css/style.1a2b3c4d5e.css):
// FNV-1a 64, small, stable across platforms and builds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace carnet::render::html {

std::uint64_t fnv1a64(std::string_view bytes);

// The first `digits` lowercase hex digits of fnv1a64(bytes) (at most 16).
std::string fingerprint(std::string_view bytes, size_t digits = 10);

}  // namespace carnet::render::html
