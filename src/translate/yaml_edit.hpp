// Writes translations into YAML sources in place: only the translated
// values change, every other byte of the file (comments, order, quoting,
// blank lines) stays as the author wrote it. The loader gives each text the
// position of its key and of each language's value (LocalizedText::pos,
// lang_pos); from there an edit either replaces the value of the language,
// adds the language beside the others ({fr: a} → {fr: a, en: b}; a new `en:`
// line in a block map), or turns a plain text into a map of languages.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/localized_text.hpp"

namespace carnet::translate {

struct YamlTextEdit {
  const model::LocalizedText* text = nullptr;  // positions from the loader (1-based, byte columns)
  std::string source_lang;                     // the language the text is written in
  std::string lang;                            // the language to write
  std::string value;
  bool markdown = false;  // a Markdown text on several lines becomes a literal block
};

// Applies `edits` to `yaml` (the text of the file `path`). An edit that
// cannot be made safely is reported to `diags` and left out.
std::string apply_yaml_edits(const std::string& yaml, const std::string& path,
                             const std::vector<YamlTextEdit>& edits, base::Diagnostics& diags);

// The extent [begin, end) of the YAML scalar that starts at byte `begin`
// (a plain, quoted or block scalar), for tests and for the editor.
struct ScalarExtent {
  size_t begin = 0, end = 0;
  bool block = false;  // | or >
  bool flow = false;   // inside { } or [ ]
  bool multiline = false;
};
ScalarExtent scalar_extent(std::string_view yaml, size_t begin);

}  // namespace carnet::translate
