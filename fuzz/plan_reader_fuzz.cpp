// libFuzzer target: a plan file (`*.plan.yaml`) as the site loader reads it,
// UTF-8 check first, then every rule of the plan reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/page_reader.hpp"
#include "load/plan_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string source = "content/plans/fuzz.plan.yaml";
  static const std::vector<std::string> languages = {"fr", "en"};
  carnet::base::Diagnostics diags;
  if (!carnet::load::check_utf8(text, source, diags)) return 0;
  (void)carnet::load::read_plan(text, source, languages, diags);
  return 0;
}
