#include "render/html/fingerprint.hpp"

#include "base/hash.hpp"

namespace carnet::render::html {

std::string fingerprint(std::string_view bytes, size_t digits) {
  return base::hex_digest(bytes, digits);
}

}  // namespace carnet::render::html
