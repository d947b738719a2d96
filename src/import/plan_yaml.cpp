#include "import/plan_yaml.hpp"

#include "model/plan_fields.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "base/yaml_quote.hpp"

namespace carnet::import::csvplan {

namespace {

class Writer {
 public:
  explicit Writer(const std::vector<std::string>& languages) : languages_(languages) {}

  std::string out;

  void line(int indent, std::string_view s) {
    out.append(static_cast<size_t>(indent), ' ');
    out += s;
    out += '\n';
  }

  // The languages of `t` in the site's order, then any other.
  std::vector<std::string> ordered(const Text& t) const {
    std::vector<std::string> langs;
    for (const auto& l : languages_)
      if (t.count(l)) langs.push_back(l);
    for (const auto& [l, v] : t)
      if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
    return langs;
  }

  // `key:` then one line per language; `first_prefix` replaces the first
  // line's indentation for list items ("- ").
  void text_entries(int indent, const Text& t, bool markdown, std::string_view first_prefix = "") {
    bool first = true;
    for (const auto& l : ordered(t)) {
      std::string head = first && !first_prefix.empty() ? std::string(first_prefix) : "";
      int in =
          first && !first_prefix.empty() ? indent - static_cast<int>(first_prefix.size()) : indent;
      first = false;
      value_line(in, head + l + ":", t.at(l), indent + 2, markdown);
    }
  }

  void text(int indent, std::string_view key, const Text& t, bool markdown = false) {
    if (t.empty()) return;
    line(indent, std::string(key) + ":");
    text_entries(indent + 2, t, markdown);
  }

  void text_list(int indent, std::string_view key, const std::vector<Text>& list) {
    if (list.empty()) return;
    line(indent, std::string(key) + ":");
    for (const auto& t : list) text_entries(indent + 4, t, false, "- ");
  }

  // `head value`, as a literal block when the text is Markdown on several
  // lines and a block can hold it unchanged.
  void value_line(int indent, const std::string& head, const std::string& value, int block_indent,
                  bool markdown) {
    const bool multiline = value.find('\n') != std::string::npos;
    const bool blockable = value.find('\t') == std::string::npos && !value.empty() &&
                           value.front() != ' ' && value.front() != '\n' && value.back() != '\n' &&
                           value.back() != ' ';
    if (markdown && multiline && blockable) {
      line(indent, head + " |-");
      for (const auto& l : base::split(value, '\n')) {
        if (l.empty())
          out += '\n';
        else
          line(block_indent, l);
      }
      return;
    }
    line(indent, head + " " + base::yaml_quote(value));
  }

  void item(int indent, const Item& it, bool is_action) {
    // The first key of a list item carries the "- ".
    const size_t start = out.size();
    if (!it.id.empty()) line(indent, "id: " + it.id);
    if (!it.code.empty()) line(indent, "code: " + base::yaml_quote(it.code));
    text(indent, "title", it.title);
    // Every field in model::plan_fields()'s order, as its kind is written.
    for (const auto& spec : model::plan_fields()) {
      if (!(spec.where & (is_action ? model::on_action : model::on_level))) continue;
      const std::string key(spec.key);
      switch (spec.kind) {
        case model::FieldKind::markdown:
          if (auto t = it.long_texts.find(key); t != it.long_texts.end())
            text(indent, key, t->second, true);
          break;
        case model::FieldKind::texts:
        case model::FieldKind::organisations:
          if (auto l = it.lists.find(key); l != it.lists.end()) text_list(indent, key, l->second);
          break;
        case model::FieldKind::due:
          if (!it.due_scalar.empty())
            line(indent, key + ": " + it.due_scalar);
          else
            text(indent, key, it.due_text);
          break;
        case model::FieldKind::years:
          if (!it.years.empty()) {
            std::vector<std::string> quoted;
            for (const auto& y : it.years) quoted.push_back(base::yaml_quote(y));
            line(indent, key + ": [" + base::join(quoted, ", ") + "]");
          }
          break;
        case model::FieldKind::status:
          if (!it.status.empty()) line(indent, key + ": " + it.status);
          break;
        case model::FieldKind::percent:
        case model::FieldKind::number:
        case model::FieldKind::date:
          if (auto v = it.scalars.find(key); v != it.scalars.end())
            line(indent, key + ": " + v->second);
          break;
        case model::FieldKind::notes:
          if (!it.notes.empty()) {
            line(indent, key + ":");
            for (const auto& n : it.notes) {
              const size_t note_start = out.size();
              if (!n.date.empty()) line(indent + 4, "date: " + n.date);
              text(indent + 4, "text", n.text, true);
              mark_item(note_start, indent + 2);
            }
          }
          break;
        case model::FieldKind::identifier:
        case model::FieldKind::title:
          break;  // written first
      }
    }
    if (!it.sections.empty()) {
      line(indent, "sections:");
      for (const auto& s : it.sections) item(indent + 4, s, false);
    }
    if (!it.actions.empty()) {
      line(indent, "actions:");
      for (const auto& a : it.actions) item(indent + 4, a, true);
    }
    mark_item(start, indent - 2);
  }

  // Turns the indentation of the line at `start` into "- " at `dash_indent`.
  void mark_item(size_t start, int dash_indent) {
    if (start >= out.size()) return;
    out.replace(start + static_cast<size_t>(dash_indent), 2, "- ");
  }

 private:
  const std::vector<std::string>& languages_;
};

}  // namespace

std::string write_plan_yaml(const PlanText& plan) {
  Writer w(plan.languages);
  w.line(0, "# Imported by `carnet import` from " + plan.source_name + ".");
  w.line(0,
         "# Check the titles and codes; `carnet translations export` lists what is left to "
         "translate.");
  w.text(0, "title", plan.title);
  w.line(0, "levels:");
  for (const auto& l : plan.levels) w.text_entries(4, l, false, "- ");
  if (!plan.years.empty()) {
    std::vector<std::string> quoted;
    for (const auto& y : plan.years) quoted.push_back(base::yaml_quote(y));
    w.line(0, "years: [" + base::join(quoted, ", ") + "]");
  }
  if (!plan.columns.empty()) w.line(0, "columns: [" + base::join(plan.columns, ", ") + "]");
  if (!plan.labels.empty()) {
    w.line(0, "labels:");
    for (const auto& [field, t] : plan.labels) w.text(2, field, t);
  }
  w.line(0, "sections:");
  for (const auto& s : plan.root.sections) w.item(4, s, false);
  return w.out;
}

}  // namespace carnet::import::csvplan
