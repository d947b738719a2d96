#include "render/data/json_writer.hpp"

#include <nlohmann/json.hpp>

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
  out_ += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default: {
        static const char hex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += hex[c >> 4];
        out_ += hex[c & 15];
      }
    }
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

}  // namespace carnet::render::data
