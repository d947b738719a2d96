// The plan's fields, once: every field a level or an action may carry, with
// its kind, where it may appear, whether translators see it, whether a plan
// without `columns` shows it as a column, and the headers `carnet import`
// knows it by. The plan reader, the translation texts, the import and the
// display view (view/) all iterate this table, so adding a field is one entry
// here plus its label in the theme's words (field_KEY), and, for a new kind,
// one reader case and one formatter (see docs/architecture.md).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::model {

enum class FieldKind {
  identifier,     // id, code: structural, kept on the item itself
  title,          // the item's title: structural
  status,         // planned | in_progress | ...: structural
  markdown,       // one long text (Markdown)
  texts,          // a list of short texts
  organisations,  // a list of organisation names (leads, partners)
  due,            // a date (day, month or year), ongoing, tbd, or a text
  date,           // a date (day, month or year)
  years,          // entries of the plan's year grid
  percent,        // 0 to 100
  number,         // a positive number (weight)
  notes,          // dated Markdown notes
};

// Where a field may be written.
inline constexpr unsigned on_action = 1, on_level = 2;

struct ImportHeader {
  const char* name;         // as a person writes it; matched by its slug
  const char* lang;         // the word's language: "fr", "en", or "" (both)
  bool keep_label = false;  // a renaming worth keeping as the plan's label
};

struct FieldSpec {
  std::string_view key;  // YAML key and column name: "follow_up"
  FieldKind kind;
  unsigned where;         // on_action | on_level
  bool translatable;      // its texts go to translators
  bool default_column;    // a column when the plan lists no `columns`
  std::string_view noun;  // one entry, in translators' messages: "follow-up"
  std::vector<ImportHeader> headers;

  // The theme's word for its label: "field_follow_up".
  std::string label_key() const { return "field_" + std::string(key); }
  bool structural() const {
    return kind == FieldKind::identifier || kind == FieldKind::title || kind == FieldKind::status;
  }
};

// Every field, in the order outputs show them.
const std::vector<FieldSpec>& plan_fields();
const FieldSpec* find_field(std::string_view key);
// Fields a plan's `columns` and `labels` may name (not id, code or title).
const std::vector<std::string>& column_fields();
// The columns of a plan that lists none.
std::vector<std::string> default_columns();

}  // namespace carnet::model
