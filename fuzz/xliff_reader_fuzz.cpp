// libFuzzer target: an XLIFF 2.0 file given to `carnet translations import`.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "translate/exchange.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  carnet::base::Diagnostics diags;
  (void)carnet::translate::read_xliff(text, "fuzz.xliff", diags);
  return 0;
}
