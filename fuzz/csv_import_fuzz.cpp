// libFuzzer target: the CSV reader under its three users, `carnet import`
// (a plan spreadsheet, the language guessed from its headers, then the plan
// it writes read back), the translation exchange CSV, and the bare reader
// with its Windows-1252 fallback.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/csv_reader.hpp"
#include "base/diagnostics.hpp"
#include "import/plan_import.hpp"
#include "translate/exchange.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.csv";
  {
    carnet::base::Diagnostics diags;
    (void)carnet::base::parse_csv(text, path, diags);
    (void)carnet::base::windows1252_to_utf8(text);
  }
  {
    carnet::base::Diagnostics diags;
    (void)carnet::import::csv_to_plan_yaml(text, path, carnet::import::CsvPlanOptions{}, diags);
  }
  {
    carnet::base::Diagnostics diags;
    (void)carnet::translate::read_translation_csv(text, path, diags);
  }
  return 0;
}
