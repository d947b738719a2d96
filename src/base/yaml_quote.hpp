// Quoting a text as YAML, for the few places that write YAML by hand
// (imported plans, translations written back, the translation record).
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// A YAML double-quoted scalar: "..." with \" \\ and control characters escaped.
std::string yaml_quote(std::string_view s);

}  // namespace carnet::base
