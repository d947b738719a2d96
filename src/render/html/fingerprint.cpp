#include "render/html/fingerprint.hpp"

namespace carnet::render::html {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string fingerprint(std::string_view bytes, size_t digits) {
  static const char hex[] = "0123456789abcdef";
  std::uint64_t h = fnv1a64(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = hex[h & 0xf];
  out.resize(digits < 16 ? digits : 16);
  return out;
}

}  // namespace carnet::render::html
