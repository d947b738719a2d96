// A string as JSON writes it, quotes included: the escapes nlohmann-json
// writes (\" \\ \b \f \n \r \t, \u00XX for the other controls), UTF-8 as it
// is. Shared by the open data (render/data's JsonWriter, which must give
// nlohmann's bytes) and the search index, which write millions of strings.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// Appends `s` (valid UTF-8) to `out` as a JSON string.
void append_json_string(std::string& out, std::string_view s);

// The bytes append_json_string appends for `s`.
size_t json_string_size(std::string_view s);

}  // namespace carnet::base
