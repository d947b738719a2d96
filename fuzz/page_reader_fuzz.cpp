// libFuzzer target: a page (front matter and body) as the site loader reads
// it, a regular page in French on a French and English site.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/page_reader.hpp"
#include "model/page.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> languages = {"fr", "en"};
  carnet::model::Page page;
  page.source = "content/rapports/fuzz.fr.md";
  page.dir = "rapports";
  page.name = "fuzz";
  page.lang = "fr";
  carnet::base::Diagnostics diags;
  (void)carnet::load::split_front_matter(text);
  (void)carnet::load::read_page(text, page, languages, diags);
  return 0;
}
