// libFuzzer target: `carnet.yaml`, read as the loader reads it (without a
// UTF-8 check of its own: the reader must survive any bytes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/diagnostics.hpp"
#include "load/config_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  carnet::base::Diagnostics diags;
  (void)carnet::load::read_config(text, diags);
  return 0;
}
