#include "render/data/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "base/json_string.hpp"
#include "base/utf8.hpp"

namespace carnet::render::data {

void JsonWriter::value(double d) {
  member();
  out_ += nlohmann::json(d).dump();
}

void JsonWriter::string_body(std::string_view s) {
  if (base::find_invalid_utf8(s)) {
    // Never from a loaded site (load/ refuses such text); nlohmann's own
    // replacement, so that the bytes stay those of the tree.
    out_ += nlohmann::json(std::string(s))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  base::append_json_string(out_, s);
}

}  // namespace carnet::render::data
