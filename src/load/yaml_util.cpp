#include "load/yaml_util.hpp"

#include "base/numbers.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>

#include "base/text.hpp"
#include "base/utf8.hpp"

namespace carnet::load {

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

namespace {

// The last node of the document in reading order: the last value (or key,
// when it has no value) of the last entry, all the way down.
// (Node::reset rebinds; `=` would assign into the document.)
YAML::Node last_node(const YAML::Node& root) {
  YAML::Node n;
  n.reset(root);
  for (;;) {
    if (n.IsMap() && n.size() > 0) {
      YAML::const_iterator last;
      for (auto it = n.begin(); it != n.end(); ++it) last = it;
      n.reset(last->second.IsNull() ? last->first : last->second);
    } else if (n.IsSequence() && n.size() > 0) {
      const YAML::Node& seq = n;
      n.reset(seq[seq.size() - 1]);
    } else {
      return n;
    }
  }
}

// Whether the quoted scalar opening at `at` is closed before the end.
bool closed_quote(std::string_view text, size_t at) {
  const char q = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
        ++i;  // '' is one quote
      else
        return true;
    }
  }
  return false;
}

// The start of each document and of its first node, read from the parser's
// events: yaml-cpp 0.7's LoadAll loops for ever, filling memory, on a
// document that starts with ',' (it hands out an empty document without
// moving past the comma, again and again; found by fuzz/config_reader).
// Counting documents here stops at the second one, or at one that starts
// where the previous one did.
struct DocumentStarts : YAML::EventHandler {
  struct Start {
    YAML::Mark doc;
    std::optional<YAML::Mark> node;  // none when the document is empty (null)
  };
  std::vector<Start> starts;

  void OnDocumentStart(const YAML::Mark& m) override { starts.push_back({m, std::nullopt}); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& m) {
    if (!starts.empty() && !starts.back().node) starts.back().node = m;
  }
};

// Where the second document of `text` starts: its first node, or the line
// that starts it when it is empty.
base::SourcePos second_document_pos(std::string_view text, const std::optional<YAML::Mark>& second,
                                    const YamlSource& src) {
  if (second && !second->is_null()) return src.pos(*second);
  int line = 1;
  bool body = false;  // past the first document's own content
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(at, end - at);
    if ((l.starts_with("---") || l.starts_with("...")) && body)
      return {src.path, line + src.line_offset, 1};
    if (!base::trim(l).empty() && !l.starts_with("#") && !l.starts_with("%")) body = true;
    at = end + 1;
    ++line;
  }
  return {src.path, line + src.line_offset, 1};
}

// A control character written as an escape ("\x0B", "\0", "\a") in a
// quoted scalar (the raw text has none, the value has), or as a character
// reference ("&#1;"). Keys too.
bool escaped_controls_ok(const YAML::Node& n, const YamlSource& src, base::Diagnostics& diags) {
  bool ok = true;
  if (n.IsScalar()) {
    // References too: texts may be Markdown, which decodes "&#1;".
    const auto found = base::find_control_chars(n.Scalar(), true);
    if (!found.empty()) {
      diags.error(src.pos(n), base::control_char_message(found[0]) +
                                  (found[0].reference.empty() ? " (written as an escape)" : ""));
      ok = false;
    }
  } else if (n.IsSequence()) {
    for (const auto& item : n) ok = escaped_controls_ok(item, src, diags) && ok;
  } else if (n.IsMap()) {
    for (const auto& kv : n) {
      ok = escaped_controls_ok(kv.first, src, diags) && ok;
      ok = escaped_controls_ok(kv.second, src, diags) && ok;
    }
  }
  return ok;
}

// Whether `root`, the first document of `text`, is a block map that every
// line of the text belongs to, so that no second document can follow it: a
// block map ends only at a line indented less than its keys, at a line at
// its keys' indent that is not one of its keys, or at a --- or ... line
// (yaml-cpp starts a document without a marker after a root that ended:
// "- ?\n!&@" is two). Anything else (a flow or scalar root, a line at the
// keys' indent inside a multi-line flow value) answers false, and the
// documents are counted. Checked against the event count on 87,500
// generated texts (docs/decisions.md, "Hostile input", YAML).
bool covers_every_line(std::string_view text, const YAML::Node& root) {
  if (!root.IsMap() || root.Style() != YAML::EmitterStyle::Block) return false;
  const int indent = root.Mark().column;
  if (indent < 0) return false;
  std::vector<int> key_lines;
  for (const auto& kv : root) {
    const YAML::Mark m = kv.first.Mark();
    if (m.column != indent) return false;
    key_lines.push_back(m.line);
  }
  std::sort(key_lines.begin(), key_lines.end());
  int line = 0;
  for (size_t at = 0;; ++line) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(at, end - at);
    size_t i = l.find_first_not_of(' ');
    const bool content = i != std::string_view::npos && l[i] != '#' && l[i] != '\r';
    if (content) {
      if (l.starts_with("---") || l.starts_with("...")) return false;
      const int column = static_cast<int>(i);
      if (column < indent) return false;
      if (column == indent && !std::binary_search(key_lines.begin(), key_lines.end(), line))
        return false;
    }
    if (end == text.size()) return true;
    at = end + 1;
  }
}

}  // namespace

std::optional<YAML::Node> parse_yaml(std::string_view text, const YamlSource& src,
                                     base::Diagnostics& diags) {
  // Before yaml-cpp sees them: it reads a NUL as the end of the text ("unknown
  // escape character" in a block scalar), and lets the others through to
  // outputs that are XML.
  if (!base::check_control_chars(text, src.path, 1 + src.line_offset, false, diags))
    return std::nullopt;
  try {
    const std::string owned(text);
    YAML::Node root = YAML::Load(owned);
    // YAML::Load reads the first document and drops the rest in silence,
    // with all it holds: a second one is refused. Counting documents takes a
    // second parse of the whole text (yaml-cpp gives its tree builder no
    // public way to go on), so it is skipped where the first document
    // provably covers every line (covers_every_line); a third of a large
    // site's load was YAML read twice.
    if (!covers_every_line(text, root)) {
      DocumentStarts docs;
      {
        std::istringstream in(owned);
        YAML::Parser parser(in);
        while (docs.starts.size() < 2 && parser.HandleNextDocument(docs)) {
        }
      }
      if (docs.starts.size() > 1 && docs.starts[1].doc.pos == docs.starts[0].doc.pos) {
        const YAML::Mark at = docs.starts[1].doc;
        const char c =
            at.pos >= 0 && static_cast<size_t>(at.pos) < text.size() ? text[at.pos] : ' ';
        diags.error(src.pos(at), c == ',' ? "a ',' cannot start a value: a comma only separates "
                                            "the items of a [list] or a {map}"
                                          : "YAML cannot read on from here");
        return std::nullopt;
      }
      if (docs.starts.size() > 1) {
        diags.error(second_document_pos(text, docs.starts[1].node, src),
                    "a second YAML document starts here; this file holds one: remove the --- "
                    "line (or the ... line) that ends the first, or move what follows into its "
                    "own file");
        return std::nullopt;
      }
    }
    if (!escaped_controls_ok(root, src, diags)) return std::nullopt;
    // yaml-cpp accepts a quoted text whose closing quote is missing and runs
    // it to the end, swallowing every field after it. Such a text can only be
    // the document's last node.
    const YAML::Node last = last_node(root);
    const YAML::Mark m = last.Mark();
    if (last.IsScalar() && !m.is_null() && m.pos >= 0 && static_cast<size_t>(m.pos) < text.size() &&
        (text[m.pos] == '"' || text[m.pos] == '\'') && !closed_quote(text, m.pos)) {
      diags.error(src.pos(m), std::string("this text opens with ") + text[m.pos] +
                                  " but never closes it: add the closing " + text[m.pos] +
                                  " at the end of the text");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    // yaml-cpp's messages are terse; a tab is the commonest cause and
    // deserves words a non-programmer understands.
    auto lines = base::split(text, '\n');
    std::string msg = e.msg;
    if (e.mark.line >= 0 && static_cast<size_t>(e.mark.line) < lines.size() &&
        lines[e.mark.line].find('\t') != std::string::npos) {
      auto col = lines[e.mark.line].find('\t');
      diags.error({src.path, e.mark.line + 1 + src.line_offset, static_cast<int>(col) + 1},
                  "tab character: YAML must be indented with spaces, not tabs");
      return std::nullopt;
    }
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    diags.error(e.mark.is_null() ? base::SourcePos{src.path, 0, 0} : src.pos(e.mark),
                "invalid YAML: " + msg);
    return std::nullopt;
  }
}

void check_keys(const YAML::Node& map, const std::vector<std::string>& known, std::string_view what,
                const YamlSource& src, base::Diagnostics& diags) {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    auto key = kv.first.as<std::string>("");
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

void check_duplicate_keys(const YAML::Node& map, std::string_view what, const YamlSource& src,
                          base::Diagnostics& diags) {
  if (map.IsSequence())
    for (const auto& item : map) check_duplicate_keys(item, what, src, diags);
  if (!map.IsMap()) return;
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>("");
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

std::optional<std::string> read_scalar(const YAML::Node& n, std::string_view field,
                                       const YamlSource& src, base::Diagnostics& diags) {
  if (n.IsScalar()) return n.Scalar();
  if (n.IsNull()) return std::string();
  diags.error(src.pos(n),
              std::string(field) + ": expected a text, not a " + (n.IsMap() ? "map" : "list"));
  return std::nullopt;
}

namespace {

// Where the scalar's text begins: after its quote, or on the first line of
// a block scalar (whose indentation every line shares).
model::TextStart text_start(const YAML::Node& value, const YamlSource& src) {
  const YAML::Mark m = value.Mark();
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

model::LocalizedText read_text(const YAML::Node& key, const YAML::Node& value,
                               std::string_view field, const YamlSource& src,
                               base::Diagnostics& diags) {
  model::LocalizedText t;
  t.pos = src.pos(key.IsDefined() ? key : value);
  const auto& langs = *src.languages;
  if (value.IsNull() || !value.IsDefined()) return t;
  if (value.IsScalar()) {
    t.text[langs.front()] = value.Scalar();
    t.lang_pos[langs.front()] = src.pos(value);
    t.start[langs.front()] = text_start(value, src);
    return t;
  }
  if (value.IsSequence()) {
    diags.error(src.pos(value), std::string(field) + ": expected a text or a map of languages {" +
                                    base::join(langs, ": ..., ") + ": ...}, not a list");
    return t;
  }
  std::set<std::string> seen;
  for (const auto& kv : value) {
    auto lang = kv.first.as<std::string>("");
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
    if (kv.second.IsNull()) continue;
    if (!kv.second.IsScalar()) {
      diags.error(src.pos(kv.second), std::string(field) + "." + lang + ": expected a text");
      continue;
    }
    t.text[lang] = kv.second.Scalar();
    t.lang_pos[lang] = src.pos(kv.second);
    t.start[lang] = text_start(kv.second, src);
  }
  return t;
}

std::vector<model::LocalizedText> read_text_list(const YAML::Node& key, const YAML::Node& value,
                                                 std::string_view field, const YamlSource& src,
                                                 base::Diagnostics& diags) {
  std::vector<model::LocalizedText> out;
  if (!value.IsDefined() || value.IsNull()) return out;
  if (!value.IsSequence()) {
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

model::Value to_value(const YAML::Node& n) {
  model::Value v;
  if (n.IsScalar()) {
    v.data = n.Scalar();
  } else if (n.IsSequence()) {
    model::Value::List list;
    for (const auto& item : n) list.push_back(to_value(item));
    v.data = std::move(list);
  } else if (n.IsMap()) {
    model::Value::Map map;
    for (const auto& kv : n) map.emplace_back(kv.first.as<std::string>(""), to_value(kv.second));
    v.data = std::move(map);
  }
  return v;
}

std::optional<int> read_percent(const YAML::Node& n, std::string_view field, const YamlSource& src,
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
