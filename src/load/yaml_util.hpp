// YAML helpers shared by the readers: positions (the tree's marks are 0-based
// and relative to the text it was given; front matter starts at line 2 of its
// file), parsing with readable errors, and key checks with suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/yaml_tree.hpp"
#include "model/localized_text.hpp"
#include "model/value.hpp"

namespace carnet::load {

struct YamlSource {
  std::string path;     // relative to the site
  int line_offset = 0;  // lines before the YAML text in its file
  const std::vector<std::string>* languages = nullptr;
  std::string_view text;  // the YAML text, when the readers need exact text starts

  base::SourcePos pos(const yaml::Mark& m) const {
    return {path, m.line + 1 + line_offset, m.column + 1};
  }
  base::SourcePos pos(const yaml::Node& n) const { return pos(n.mark()); }
};

// Parses `text`; on a syntax error reports it (with a hint for tabs) and
// returns nullopt.
std::optional<yaml::Node> parse_yaml(std::string_view text, const YamlSource& src,
                                     base::Diagnostics& diags);

// Reports keys of `map` not in `known` ("unknown field "partenrs" (did you
// mean "partners"?)") and keys given twice. `what` names the object ("action").
void check_keys(const yaml::Node& map, const std::vector<std::string>& known, std::string_view what,
                const YamlSource& src, base::Diagnostics& diags);

// Reports every key given twice in `map` and in the maps inside it, which
// libyaml passes without a word (one value would be lost): "WHAT field
// "title" is given twice". For maps whose keys check_keys does not check.
void check_duplicate_keys(const yaml::Node& map, std::string_view what, const YamlSource& src,
                          base::Diagnostics& diags);

// A name that becomes one folder of an output path (a slug) has at most 255
// bytes, the limit of every common file system; an error at `pos` otherwise
// ("FIELD is 300 bytes long; ..."), not an I/O error while writing.
bool check_name_length(std::string_view name, std::string_view field, const base::SourcePos& pos,
                       base::Diagnostics& diags);

// A scalar as a string; reports "expected a text" otherwise.
std::optional<std::string> read_scalar(const yaml::Node& n, std::string_view field,
                                       const YamlSource& src, base::Diagnostics& diags);

// A text: a plain string (the default language) or a map of languages.
model::LocalizedText read_text(const yaml::Node& key, const yaml::Node& value,
                               std::string_view field, const YamlSource& src,
                               base::Diagnostics& diags);

// A list of texts (a single text is accepted as a list of one).
std::vector<model::LocalizedText> read_text_list(const yaml::Node& key, const yaml::Node& value,
                                                 std::string_view field, const YamlSource& src,
                                                 base::Diagnostics& diags);

// Any YAML value, kept for templates.
model::Value to_value(const yaml::Node& n);

// A percentage, 40 or "40%", from 0 to 100; an error at `n` otherwise
// ("FIELD: expected a percentage from 0 to 100, not ...").
std::optional<int> read_percent(const yaml::Node& n, std::string_view field, const YamlSource& src,
                                base::Diagnostics& diags);

// "quoted" for messages.
std::string quote(std::string_view s);

}  // namespace carnet::load
