#include "load/yaml_util.hpp"

#include "base/numbers.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "base/text.hpp"
#include "base/utf8.hpp"

namespace carnet::load {

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

namespace {

// A control character written as an escape ("\x0B", "\0", "\a") in a
// quoted scalar (the raw text has none, the value has), or as a character
// reference ("&#1;"). Keys too.
bool escaped_controls_ok(const yaml::Node& n, const YamlSource& src, base::Diagnostics& diags) {
  bool ok = true;
  n.for_each_scalar([&](const std::string& text, const yaml::Mark& mark) {
    // References too: texts may be Markdown, which decodes "&#1;".
    const auto found = base::find_control_chars(text, true);
    if (found.empty()) return;
    diags.error(src.pos(mark), base::control_char_message(found[0]) +
                                   (found[0].reference.empty() ? " (written as an escape)" : ""));
    ok = false;
  });
  return ok;
}

const char* const second_document_message =
    "a second YAML document starts here; this file holds one: remove the --- line (or the ... "
    "line) that ends the first, or move what follows into its own file";

// What to do about libyaml's commonest complaints, in an author's words;
// empty for the others, which are shown as libyaml words them.
std::string syntax_hint(const yaml::SyntaxError& e, int context_line) {
  const std::string& p = e.problem;
  if (p == "mapping values are not allowed in this context")
    return "YAML cannot read the ':' here: put a text that holds \": \" in quotes "
           "(\"Plan : suite\"), and start the fields of one map in the same column";
  if (p == "did not find expected ',' or ']'")
    return "the [list] opened at line " + std::to_string(context_line) +
           " is not closed: end it with ']' and separate its items with commas";
  if (p == "did not find expected ',' or '}'")
    return "the {map} opened at line " + std::to_string(context_line) +
           " is not closed: end it with '}' and separate its fields with commas";
  if (p == "found character that cannot start any token")
    return "a text cannot start with this character (@, ` and % mean something to YAML): "
           "put the text in quotes";
  if (p == "could not find expected ':'")
    return "this line is neither a field (`name: value`) nor inside one: add the name and "
           "the ':', or indent it under the field it continues";
  if (p == "did not find expected key")
    return "this line does not fit the map above it: start each field (`name: value`) in the "
           "same column, indent a list's '- ' items under their field, and write nothing after "
           "a quoted text";
  if (p == "did not find expected '-' indicator")
    return "this line does not fit the list above it: start each item with '- ' in the same "
           "column";
  return "";
}

}  // namespace

std::optional<yaml::Node> parse_yaml(std::string_view text, const YamlSource& src,
                                     base::Diagnostics& diags) {
  // Before libyaml sees them: they would reach outputs that are XML, and
  // Carnet's message names the character.
  if (!base::check_control_chars(text, src.path, 1 + src.line_offset, false, diags))
    return std::nullopt;
  yaml::Parsed parsed = yaml::parse(text);
  if (parsed.error) {
    const yaml::SyntaxError& e = *parsed.error;
    // A tab is the commonest cause and deserves words a non-programmer
    // understands.
    const auto lines = base::split(text, '\n');
    if (e.mark.line >= 0 && static_cast<size_t>(e.mark.line) < lines.size() &&
        lines[e.mark.line].find('\t') != std::string::npos) {
      const auto col = lines[e.mark.line].find('\t');
      diags.error({src.path, e.mark.line + 1 + src.line_offset, static_cast<int>(col) + 1},
                  "tab character: YAML must be indented with spaces, not tabs");
      return std::nullopt;
    }
    // A quoted text whose closing quote is missing runs to the end of the file.
    if (e.context == "while scanning a quoted scalar" && !e.context_mark.is_null() &&
        static_cast<size_t>(e.context_mark.pos) < text.size()) {
      const char q = text[e.context_mark.pos];
      diags.error(src.pos(e.context_mark), std::string("this text opens with ") + q +
                                               " but never closes it: add the closing " + q +
                                               " at the end of the text");
      return std::nullopt;
    }
    if (e.problem == "did not find expected <document start>") {
      // After a "..." line, a text with no "---" before it: a second document.
      diags.error(src.pos(e.mark), second_document_message);
      return std::nullopt;
    }
    if (e.problem == "did not find expected node content" && e.mark.pos >= 0 &&
        static_cast<size_t>(e.mark.pos) < text.size() && text[e.mark.pos] == ',') {
      diags.error(src.pos(e.mark),
                  "a ',' cannot start a value: a comma only separates the items of a [list] or "
                  "a {map}");
      return std::nullopt;
    }
    const int context_line = e.context_mark.line + 1 + src.line_offset;
    std::string detail = e.problem;
    if (!e.context.empty() && !e.context_mark.is_null())
      detail += " (" + e.context + " that starts at line " + std::to_string(context_line) + ")";
    const std::string hint = syntax_hint(e, context_line);
    // A line of text where a field was expected: the place is that line.
    const yaml::Mark at = e.problem == "could not find expected ':'" && !e.context_mark.is_null()
                              ? e.context_mark
                              : e.mark;
    diags.error(src.pos(at), "invalid YAML: " +
                                 (hint.empty() ? detail : hint + " (libyaml: " + e.problem + ")"));
    return std::nullopt;
  }
  // A second document would be dropped with all it holds: it is refused.
  if (parsed.second_document) {
    diags.error(src.pos(*parsed.second_document), second_document_message);
    return std::nullopt;
  }
  if (!escaped_controls_ok(parsed.root, src, diags)) return std::nullopt;
  return std::move(parsed.root);
}

void check_keys(const yaml::Node& map, const std::vector<std::string>& known, std::string_view what,
                const YamlSource& src, base::Diagnostics& diags) {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    auto key = kv.first.as_string("");
    if (!seen.insert(key).second) {
      diags.error(src.pos(kv.first),
                  std::string(what) + " field " + quote(key) + " is given twice");
      continue;
    }
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string msg = "unknown " + std::string(what) + " field " + quote(key);
    auto guess = base::closest_match(key, known);
    if (!guess.empty())
      msg += " (did you mean " + quote(guess) + "?)";
    else
      msg += " (known fields: " + base::join(known, ", ") + ")";
    diags.error(src.pos(kv.first), msg);
  }
}

void check_duplicate_keys(const yaml::Node& map, std::string_view what, const YamlSource& src,
                          base::Diagnostics& diags) {
  if (map.is_sequence())
    for (const auto& item : map) check_duplicate_keys(item, what, src, diags);
  if (!map.is_map()) return;
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const auto key = kv.first.as_string("");
    if (!seen.insert(key).second)
      diags.error(src.pos(kv.first),
                  std::string(what) + " field " + quote(key) + " is given twice");
    check_duplicate_keys(kv.second, what, src, diags);
  }
}

bool check_name_length(std::string_view name, std::string_view field, const base::SourcePos& pos,
                       base::Diagnostics& diags) {
  // A slug is a folder of the output on its own ("SLUG/index.html").
  constexpr size_t limit = 255;
  if (name.size() <= limit) return true;
  diags.error(pos, std::string(field) + " is " + std::to_string(name.size()) +
                       " bytes long; it names a folder of the output, and file systems allow at "
                       "most " +
                       std::to_string(limit) + " bytes: shorten it");
  return false;
}

std::optional<std::string> read_scalar(const yaml::Node& n, std::string_view field,
                                       const YamlSource& src, base::Diagnostics& diags) {
  if (n.is_scalar()) return n.scalar();
  if (n.is_null()) return std::string();
  diags.error(src.pos(n),
              std::string(field) + ": expected a text, not a " + (n.is_map() ? "map" : "list"));
  return std::nullopt;
}

namespace {

// Where the scalar's text begins: after its quote, or on the first line of
// a block scalar (whose indentation every line shares).
model::TextStart text_start(const yaml::Node& value, const YamlSource& src) {
  const yaml::Mark m = value.mark();
  model::TextStart start{src.pos(m), -1};
  if (m.is_null() || m.pos < 0 || static_cast<size_t>(m.pos) >= src.text.size()) return start;
  const std::string_view t = src.text;
  const size_t at = static_cast<size_t>(m.pos);
  if (t[at] == '"' || t[at] == '\'') {
    ++start.pos.column;
  } else if (t[at] == '|' || t[at] == '>') {
    size_t line_start = t.find('\n', at);
    int line = start.pos.line;
    while (line_start != std::string_view::npos) {
      ++line_start;
      ++line;
      size_t k = line_start;
      while (k < t.size() && t[k] == ' ') ++k;
      if (k < t.size() && t[k] != '\n' && t[k] != '\r') {
        start.indent = static_cast<int>(k - line_start);
        start.pos.line = line;
        start.pos.column = start.indent + 1;
        break;
      }
      line_start = t.find('\n', line_start);
    }
  }
  return start;
}

}  // namespace

model::LocalizedText read_text(const yaml::Node& key, const yaml::Node& value,
                               std::string_view field, const YamlSource& src,
                               base::Diagnostics& diags) {
  model::LocalizedText t;
  t.pos = src.pos(key.is_defined() ? key : value);
  const auto& langs = *src.languages;
  if (value.is_null() || !value.is_defined()) return t;
  if (value.is_scalar()) {
    t.text[langs.front()] = value.scalar();
    t.lang_pos[langs.front()] = src.pos(value);
    t.start[langs.front()] = text_start(value, src);
    return t;
  }
  if (value.is_sequence()) {
    diags.error(src.pos(value), std::string(field) + ": expected a text or a map of languages {" +
                                    base::join(langs, ": ..., ") + ": ...}, not a list");
    return t;
  }
  std::set<std::string> seen;
  for (const auto& kv : value) {
    auto lang = kv.first.as_string("");
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      std::string msg = std::string(field) + ": " + quote(lang) +
                        " is not a language of this site (" + base::join(langs, ", ") + ")";
      auto guess = base::closest_match(lang, langs);
      if (!guess.empty()) msg += "; did you mean " + quote(guess) + "?";
      diags.error(src.pos(kv.first), msg);
      continue;
    }
    if (!seen.insert(lang).second) {
      diags.error(src.pos(kv.first),
                  std::string(field) + ": language " + quote(lang) + " is given twice");
      continue;
    }
    if (kv.second.is_null()) continue;
    if (!kv.second.is_scalar()) {
      diags.error(src.pos(kv.second), std::string(field) + "." + lang + ": expected a text");
      continue;
    }
    t.text[lang] = kv.second.scalar();
    t.lang_pos[lang] = src.pos(kv.second);
    t.start[lang] = text_start(kv.second, src);
  }
  return t;
}

std::vector<model::LocalizedText> read_text_list(const yaml::Node& key, const yaml::Node& value,
                                                 std::string_view field, const YamlSource& src,
                                                 base::Diagnostics& diags) {
  std::vector<model::LocalizedText> out;
  if (!value.is_defined() || value.is_null()) return out;
  if (!value.is_sequence()) {
    auto t = read_text(key, value, field, src, diags);
    if (!t.empty()) out.push_back(std::move(t));
    return out;
  }
  for (const auto& item : value) {
    auto t = read_text(item, item, field, src, diags);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

model::Value to_value(const yaml::Node& n) {
  model::Value v;
  if (n.is_scalar()) {
    v.data = n.scalar();
  } else if (n.is_sequence()) {
    model::Value::List list;
    for (const auto& item : n) list.push_back(to_value(item));
    v.data = std::move(list);
  } else if (n.is_map()) {
    model::Value::Map map;
    for (const auto& kv : n) map.emplace_back(kv.first.as_string(""), to_value(kv.second));
    v.data = std::move(map);
  }
  return v;
}

std::optional<int> read_percent(const yaml::Node& n, std::string_view field, const YamlSource& src,
                                base::Diagnostics& diags) {
  auto s = read_scalar(n, field, src, diags);
  if (!s) return std::nullopt;  // read_scalar said why
  auto v = base::parse_percent(*s);
  if (!v)
    diags.error(src.pos(n),
                std::string(field) + ": expected a percentage from 0 to 100, not " + quote(*s));
  return v;
}

}  // namespace carnet::load
