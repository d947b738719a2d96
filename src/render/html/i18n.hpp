// The theme's words, per language. The files (themes/default/i18n/LANG.yaml,
// and a site's i18n/LANG.yaml overriding some keys) use a flat subset of
// YAML that render/html reads itself, without yaml-cpp (a load/ dependency):
//
//   # a comment
//   key: "value with \"quotes\", \\ and \n"
//   other_key: plain value
//
// Keys are [A-Za-z0-9_-]; a value is the rest of the line, optionally in
// double quotes (then \" \\ \n are escapes). Nothing else is allowed.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::render::html {

using Strings = std::map<std::string, std::string>;

struct StringsError {
  int line = 0;  // 1-based
  std::string message;
};

// Adds the file's keys to `out` (replacing existing ones); returns the errors.
std::vector<StringsError> parse_strings(std::string_view text, Strings& out);

// "{n} %" with {n} → value.
std::string format_count(const std::string& pattern, const std::string& value);

}  // namespace carnet::render::html
