#include "base/hash.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <array>
#include <memory>

namespace carnet::base {

namespace {
// Carnet's UUID namespace (a random UUID drawn once): names hashed in it
// cannot collide with the same names in the DNS or URL namespaces.
constexpr std::array<guint8, 16> carnet_namespace = {
    0x14, 0x6e, 0xd5, 0xce, 0xe9, 0x53, 0x47, 0x7f, 0xb3, 0x0d, 0xe1, 0xed, 0xba, 0x35, 0x25, 0xb9};
}  // namespace

std::string hex_digest(std::string_view bytes, size_t digits) {
  std::string out = fmt::format("{:016x}", hash64(bytes));
  out.resize(digits < 16 ? digits : 16);
  return out;
}

std::string stable_uuid(std::string_view name) {
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sha1(g_checksum_new(G_CHECKSUM_SHA1),
                                                              g_checksum_free);
  g_checksum_update(sha1.get(), carnet_namespace.data(), carnet_namespace.size());
  g_checksum_update(sha1.get(), reinterpret_cast<const guchar*>(name.data()),
                    static_cast<gssize>(name.size()));
  std::array<guint8, 20> digest{};
  gsize length = digest.size();
  g_checksum_get_digest(sha1.get(), digest.data(), &length);
  digest[6] = static_cast<guint8>((digest[6] & 0x0f) | 0x50);  // version 5
  digest[8] = static_cast<guint8>((digest[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string out;
  for (size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", digest[i]);
  }
  return out;
}

}  // namespace carnet::base
