#include "import/plan_import.hpp"

#include "base/numbers.hpp"
#include "model/plan_code.hpp"
#include "model/plan_fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "base/csv_reader.hpp"
#include "base/date.hpp"
#include "base/slug.hpp"
#include "base/text.hpp"
#include "import/plan_headers.hpp"
#include "import/plan_yaml.hpp"
#include "load/plan_reader.hpp"

namespace carnet::import {

namespace {

using csvplan::Item;
using csvplan::Text;

std::string q(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "RESSOURCES" → "Ressources": headers are often in capitals, labels are not.
// Only Latin-1 capitals (É, À, Ç...) and Œ need care in French.
std::string sentence_case(std::string_view s) {
  std::string out(base::trim(s));
  bool has_lower = false;
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c == 0xC3 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x9F)
      has_lower = true;
  }
  if (has_lower) return out;
  bool first = true;
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c < 0x80) {
      if (!first && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c - 'A' + 'a');
      if (std::isalpha(c)) first = false;
    } else if (i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      bool upper = (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) || (c == 0xC5 && d == 0x92);
      if (upper && !first) out[i + 1] = static_cast<char>(c == 0xC5 ? 0x93 : d + 0x20);
      first = false;
      ++i;
    }
  }
  return out;
}

// Lines of a cell, without list bullets ("- ", "• ", "* ") and blank lines.
std::vector<std::string> cell_lines(std::string_view cell) {
  std::vector<std::string> out;
  for (const auto& raw : base::split(cell, '\n')) {
    std::string_view line = base::trim(raw);
    for (std::string_view bullet : {"- ", "-", "• ", "•", "* ", "– ", "–", "— "})
      if (line.size() > bullet.size() && line.substr(0, bullet.size()) == bullet) {
        line = base::trim(line.substr(bullet.size()));
        break;
      }
    if (!line.empty()) out.emplace_back(line);
  }
  return out;
}

std::string one_line(std::string_view cell) { return base::join(cell_lines(cell), " "); }

struct CodeAndTitle {
  std::string code, title;
};

// The cells below are read by plain scanning, never std::regex: libstdc++'s
// regex recurses once per character and overflowed the stack on a 30 KB cell
// (Excel allows 32,767 characters). The comments give each grammar as the
// regular expression it used to be; \s is ASCII white space.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}
size_t count_digits(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}
// The length of "-", "–" or "—" at `i` (`en_dash_only`: not "—"), or 0.
size_t dash_at(std::string_view s, size_t i, bool en_dash_only = false) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.substr(i, 3) == "\u2013") return 3;
  if (!en_dash_only && s.substr(i, 3) == "\u2014") return 3;
  return 0;
}
// The length of a separator at `i`: one of `chars`, or a dash; 0 if none.
size_t separator_at(std::string_view s, size_t i, std::string_view chars) {
  if (i < s.size() && chars.find(s[i]) != std::string_view::npos) return 1;
  return dash_at(s, i);
}

// `rest` after a code: the title that starts at `i`, after white space
// (at least one character of it when `space_needed`); nullopt when the
// title would be empty.
std::optional<std::string_view> title_from(std::string_view rest, size_t i, bool space_needed) {
  const size_t t = skip_spaces(rest, i);
  if ((space_needed && t == i) || t >= rest.size()) return std::nullopt;
  return rest.substr(t);
}

// A level cell's code and title, in this order of forms:
//   dotted     ((?:\d{1,3}|[IVX]{1,5})(?:\.PART)+)\.?\s+(.+)    "1.2. Title", "II.A Title"
//   separated  (\d{1,3})\s*(?:[:).]|-|–|—)\s*(.+)                "2) Title", "3 - Title"
//   lettered   ([IVX]{1,5}|[ivx]{1,5}|[A-Za-z])(?:\s*[:).]|\s+(?:-|–|—))\s+(.+)
//   plain      (\d{1,3})\s+(.+), only after the level's name     "Objectif 3 Title"
// and, after the level's name, (?:[:.]|-|–|—)\s*(.+) is a title alone.
std::optional<CodeAndTitle> read_code(std::string_view rest, bool named) {
  auto split = [&](size_t code_end, std::optional<std::string_view> title) {
    return title ? std::optional<CodeAndTitle>(
                       CodeAndTitle{std::string(rest.substr(0, code_end)), std::string(*title)})
                 : std::nullopt;
  };
  // dotted: the code is the first word, less one final dot.
  size_t word = 0;
  while (word < rest.size() && !is_space(rest[word])) ++word;
  if (word > 0 && word < rest.size()) {
    size_t code_end = word;
    if (rest[code_end - 1] == '.') --code_end;
    const std::string_view code = rest.substr(0, code_end);
    if (code.find('.') != std::string_view::npos && model::is_plan_code(code))
      if (auto r = split(code_end, title_from(rest, word, true))) return r;
  }
  const size_t digits = count_digits(rest, 0);
  if (digits >= 1 && digits <= 3) {
    const size_t at = skip_spaces(rest, digits);
    if (size_t sep = separator_at(rest, at, ":)."))
      if (auto r = split(digits, title_from(rest, at + sep, false))) return r;
  }
  size_t letters = 0;
  while (letters < rest.size() && is_letter(rest[letters])) ++letters;
  if (letters > 0 && model::is_code_part(rest.substr(0, letters), false)) {
    const size_t at = skip_spaces(rest, letters);
    size_t sep =
        at < rest.size() && std::string_view(":).").find(rest[at]) != std::string_view::npos;
    if (!sep && at > letters) sep = dash_at(rest, at);
    if (sep)
      if (auto r = split(letters, title_from(rest, at + sep, true))) return r;
  }
  if (!named) return std::nullopt;
  if (digits >= 1 && digits <= 3)
    if (auto r = split(digits, title_from(rest, digits, true))) return r;
  if (size_t sep = separator_at(rest, 0, ":."))
    if (auto title = title_from(rest, sep, false)) return CodeAndTitle{"", std::string(*title)};
  return std::nullopt;
}

// "ORIENTATION 1 : Relocalisation", "1.1 Aider à...", "2. Créer" → code and
// title. Plain numbers need a separator so that "3 ateliers par an" stays a
// title, unless the level's name came first ("Objectif 3 Relocaliser").
// Roman numerals and letters are codes too ("II.A. Salubrité", "B) Jardins",
// as plans numbered that way and Carnet's open-data CSV write them), but
// only with a separator and a space after it, so that "X-ray" or "U.S.
// relations" stay titles.
CodeAndTitle split_code(std::string_view cell, std::string_view level_name) {
  std::string rest = one_line(cell);
  bool named = false;
  if (!level_name.empty()) {
    auto words = base::split(rest, ' ');
    auto name_words = base::split(std::string(base::trim(level_name)), ' ');
    if (words.size() > name_words.size() &&
        base::slugify(base::join({words.begin(), words.begin() + name_words.size()}, " ")) ==
            base::slugify(level_name)) {
      rest = base::join({words.begin() + name_words.size(), words.end()}, " ");
      named = true;
    }
  }
  if (auto split = read_code(rest, named)) return *split;
  return {"", rest};
}

// A note line "2021-03 : text":
//   (\d{4}(?:-\d{2}(?:-\d{2})?)?)\s*(?::|-|–)\s*(.+)
// with the date as long as it can be (the regex's backtracking order), and
// only when it is a date that exists. The date is returned as `code`.
std::optional<CodeAndTitle> read_dated_note(std::string_view line) {
  if (count_digits(line, 0) != 4) return std::nullopt;
  auto digit_at = [&](size_t i) { return i < line.size() && is_digit(line[i]); };
  auto dash_then_two = [&](size_t i) {
    return i < line.size() && line[i] == '-' && digit_at(i + 1) && digit_at(i + 2);
  };
  for (size_t length : {10, 7, 4}) {
    if ((length >= 7 && !dash_then_two(4)) || (length == 10 && !dash_then_two(7))) continue;
    const size_t at = skip_spaces(line, length);
    const size_t sep = at < line.size() && line[at] == ':' ? 1 : dash_at(line, at, true);
    if (!sep) continue;
    auto title = title_from(line, at + sep, false);
    if (!title) continue;
    const std::string_view date = line.substr(0, length);
    if (!base::parse_date(date)) return std::nullopt;
    return CodeAndTitle{std::string(date), std::string(*title)};
  }
  return std::nullopt;
}

// \d{4}(-\d{1,2}){0,2}: a date in ISO order, perhaps with one-digit parts.
bool is_iso_like(std::string_view text) {
  if (text.size() < 4 || count_digits(text, 0) != 4) return false;
  size_t i = 4;
  for (int part = 0; part < 2 && i < text.size(); ++part) {
    if (text[i] != '-') return false;
    const size_t n = count_digits(text, i + 1);
    if (n < 1 || n > 2) return false;
    i += 1 + n;
  }
  return i == text.size();
}

// (\d{1,2})[/.](\d{1,2})[/.](\d{4}): "31/12/2022", "1.3.2023".
std::optional<std::array<int, 3>> numeric_date(std::string_view text) {
  std::array<int, 3> out{};
  size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    const size_t n = count_digits(text, i);
    if (part < 2 ? (n < 1 || n > 2) : n != 4) return std::nullopt;
    out[part] = std::stoi(std::string(text.substr(i, n)));
    i += n;
    if (part < 2) {
      if (i >= text.size() || (text[i] != '/' && text[i] != '.')) return std::nullopt;
      ++i;
    }
  }
  if (i != text.size()) return std::nullopt;
  return out;
}

struct ColumnSet {
  std::vector<CsvColumn> columns;
  std::vector<std::vector<size_t>> levels;            // level → its columns (one per language)
  std::map<std::string, std::vector<size_t>> fields;  // field → its columns
  std::vector<std::string> field_order;               // fields in header order
  std::vector<size_t> years;                          // year-grid columns
};

class Importer {
 public:
  Importer(const base::CsvTable& table, const std::string& path, const CsvPlanOptions& options,
           base::Diagnostics& diags)
      : table_(table), path_(path), options_(options), diags_(diags) {}

  std::optional<std::string> run() {
    if (!find_header()) return std::nullopt;
    classify_columns();
    // Unknown columns are left out of the rows, so that one run reports
    // every error of the file, not only the header's.
    if (cols_.levels.empty()) return std::nullopt;
    for (size_t r = header_ + 1; r < table_.rows.size(); ++r) read_row(table_.rows[r]);
    if (diags_.has_errors()) return std::nullopt;
    return write();
  }

 private:
  const base::CsvTable& table_;
  const std::string& path_;
  const CsvPlanOptions& options_;
  base::Diagnostics& diags_;
  size_t header_ = 0;
  std::string title_row_;
  std::string lang_;  // the spreadsheet's language
  ColumnSet cols_;
  Item root_;
  std::vector<Item*> path_items_;  // the current section at each level
  std::set<std::string> ids_;

  base::SourcePos at(const base::CsvCell& c) const { return {path_, c.line, c.column}; }

  std::string column_ref(size_t i) const {
    return "column " + base::spreadsheet_column_name(static_cast<int>(i) + 1);
  }

  // The header row is the first with a recognised column; a lone cell above
  // it is taken as the plan's title (spreadsheets often start with one).
  bool find_header() {
    for (size_t r = 0; r < table_.rows.size(); ++r) {
      for (const auto& cell : table_.rows[r]) {
        auto base_name = split_header_language(cell.text).first;
        if (match_header(base_name)) {
          header_ = r;
          return true;
        }
      }
      std::vector<std::string> filled;
      for (const auto& cell : table_.rows[r])
        if (!base::trim(cell.text).empty()) filled.push_back(one_line(cell.text));
      if (filled.size() == 1 && title_row_.empty()) title_row_ = filled.front();
    }
    diags_.error({path_, 1, 1},
                 "found no header row: name the columns, e.g. "
                 "ORIENTATION;OBJECTIF;ACTION;ÉCHÉANCIER;RESPONSABLES "
                 "(or in English LEVEL...;ACTION;DUE;LEADS)");
    return false;
  }

  bool column_has_data(size_t col) const {
    for (size_t r = header_ + 1; r < table_.rows.size(); ++r)
      if (col < table_.rows[r].size() && !base::trim(table_.rows[r][col].text).empty()) return true;
    return false;
  }

  void classify_columns() {
    const base::CsvRow& header = table_.rows[header_];
    bool seen_field = false, prev_was_level = false;
    int fr_words = 0, en_words = 0;
    std::map<std::pair<std::string, std::string>, size_t> taken;  // (field, lang) → column
    cols_.columns.resize(header.size());
    for (size_t i = 0; i < header.size(); ++i) {
      CsvColumn& col = cols_.columns[i];
      auto [name, lang] = split_header_language(header[i].text);
      col.header = name;
      col.lang = lang;
      if (!col.lang.empty() && std::find(options_.languages.begin(), options_.languages.end(),
                                         col.lang) == options_.languages.end()) {
        diags_.error(at(header[i]), "column " + q(header[i].text) + ": " + q(col.lang) +
                                        " is not a language of this site (" +
                                        base::join(options_.languages, ", ") + ")");
      }
      // --levels N: the first N columns are levels whatever their names
      // (Saint-Michel's "STRATÉGIE" is a level, elsewhere a field).
      const int n_levels = static_cast<int>(cols_.levels.size());
      const bool forced_level =
          !seen_field &&
          (n_levels < options_.level_columns ||
           (n_levels > 0 && n_levels == options_.level_columns && !lang.empty() && prev_was_level));
      prev_was_level = forced_level;
      if (name.empty()) {
        if (column_has_data(i))
          diags_.error(at(header[i]),
                       column_ref(i) + " has data but no header: name it, or delete it");
        continue;
      }
      if (auto year = year_header(name); year && !forced_level) {
        col.kind = CsvColumn::Kind::year;
        col.year = *year;
        cols_.years.push_back(i);
        seen_field = true;
        continue;
      }
      auto match = forced_level ? std::nullopt : match_header(name);
      if (match) {
        col.kind = CsvColumn::Kind::field;
        col.field = match->field;
        if (match->keep_label) col.label = sentence_case(name);
        if (match->word_lang == "fr") ++fr_words;
        if (match->word_lang == "en") ++en_words;
        seen_field = true;
        continue;
      }
      if (!seen_field) {
        // A level, or the same level in another language: "Orientation",
        // then "Direction (en)".
        prev_was_level = true;
        col.kind = CsvColumn::Kind::level;
        if (!lang.empty() && !cols_.levels.empty()) {
          col.level = static_cast<int>(cols_.levels.size()) - 1;
          cols_.levels.back().push_back(i);
        } else {
          col.level = static_cast<int>(cols_.levels.size());
          cols_.levels.push_back({i});
        }
        continue;
      }
      std::string msg = "unknown column " + q(header[i].text) + " (" + column_ref(i);
      std::vector<std::string> slugs;
      for (const auto& known : known_header_names()) slugs.push_back(base::slugify(known));
      auto guess = base::closest_match(base::slugify(name), slugs);
      std::string suggestion;
      for (const auto& known : known_header_names())
        if (!guess.empty() && base::slugify(known) == guess && suggestion.empty())
          suggestion = known;
      if (!suggestion.empty())
        msg += "; did you mean " + q(suggestion) + "?)";
      else
        msg +=
            "); after the levels come plan fields: ACTION, DÉTAILS, ÉCHÉANCIER, ANNÉES, "
            "RESPONSABLES, "
            "PARTENAIRES, RÉSULTATS, INDICATEURS, SUIVI, STRATÉGIE, STATUT, AVANCEMENT, NOTES, "
            "CODE, ID, "
            "or their English names";
      diags_.error(at(header[i]), msg);
    }

    if (!options_.lang.empty())
      lang_ = options_.lang;
    else if (en_words > fr_words && has_language("en"))
      lang_ = "en";
    else if (fr_words > en_words && has_language("fr"))
      lang_ = "fr";
    else
      lang_ = options_.languages.front();
    if (!has_language(lang_))
      diags_.error({path_, 1, 1}, "--lang " + q(lang_) + " is not a language of this site (" +
                                      base::join(options_.languages, ", ") + ")");

    for (size_t i = 0; i < cols_.columns.size(); ++i) {
      CsvColumn& col = cols_.columns[i];
      if (col.lang.empty()) col.lang = lang_;
      if (col.kind != CsvColumn::Kind::field) continue;
      auto [it, fresh] = taken.emplace(std::pair{col.field, col.lang}, i);
      if (!fresh) {
        diags_.error(at(header[i]), "column " + q(header[i].text) + " holds the same field (" +
                                        col.field + ", " + col.lang + ") as " +
                                        column_ref(it->second) + " " + q(header[it->second].text) +
                                        "; merge them or rename one");
        continue;
      }
      if (!cols_.fields.count(col.field)) cols_.field_order.push_back(col.field);
      cols_.fields[col.field].push_back(i);
    }
    if (cols_.levels.empty() && !diags_.has_errors())
      diags_.error(
          at(header.front()),
          "the first columns must be the plan's levels, outermost first (e.g. "
          "ORIENTATION;OBJECTIF), "
          "before the action columns; use --levels N when a level's name is also a field's");
  }

  bool has_language(const std::string& l) const {
    return std::find(options_.languages.begin(), options_.languages.end(), l) !=
           options_.languages.end();
  }

  const base::CsvCell* cell(const base::CsvRow& row, size_t col) const {
    if (col >= row.size() || base::trim(row[col].text).empty()) return nullptr;
    return &row[col];
  }

  // The cells of `field` in this row: language → cell.
  std::map<std::string, const base::CsvCell*> field_cells(const base::CsvRow& row,
                                                          const std::string& field) const {
    std::map<std::string, const base::CsvCell*> out;
    auto it = cols_.fields.find(field);
    if (it == cols_.fields.end()) return out;
    for (size_t c : it->second)
      if (const base::CsvCell* x = cell(row, c)) out[cols_.columns[c].lang] = x;
    return out;
  }

  void read_row(const base::CsvRow& row) {
    for (size_t c = cols_.columns.size(); c < row.size(); ++c)
      if (cell(row, c))
        diags_.error(at(row[c]), "this cell is beyond the last named column (" + column_ref(c) +
                                     "): add a header for it, or delete it");

    int opened = -1;  // the outermost level this row starts anew
    for (size_t level = 0; level < cols_.levels.size(); ++level) {
      Text title, code;
      const base::CsvCell* first = nullptr;
      for (size_t c : cols_.levels[level]) {
        const base::CsvCell* x = cell(row, c);
        if (!x) continue;
        if (!first) first = x;
        auto ct = split_code(x->text, cols_.columns[c].header);
        title[cols_.columns[c].lang] = ct.title;
        if (!ct.code.empty()) code[""] = ct.code;
      }
      if (!first) {
        // An empty cell continues the level above (a merged cell), unless
        // an outer level changed on this row: then the row has no such level.
        if (opened >= 0) break;
        continue;
      }
      if (path_items_.size() < level) {
        diags_.error(at(*first), "this " + q(level_name(level)) + " has no " +
                                     q(level_name(path_items_.size())) + " above it: fill in " +
                                     column_ref(cols_.levels[path_items_.size()].front()));
        return;
      }
      if (opened < 0 && path_items_.size() > level && path_items_[level]->title == title) continue;
      Item& parent = level == 0 ? root_ : *path_items_[level - 1];
      Item section;
      section.pos = at(*first);
      section.title = title;
      if (code.count("")) section.code = code[""];
      parent.sections.push_back(std::move(section));
      path_items_.resize(level);
      path_items_.push_back(&parent.sections.back());
      if (opened < 0) opened = static_cast<int>(level);
    }
    if (opened >= 0)
      path_items_.resize(std::min<size_t>(path_items_.size(), last_level_in_row(row, opened) + 1));

    auto titles = field_cells(row, "title");
    if (!titles.empty()) {
      const base::CsvCell* first = titles.begin()->second;
      if (path_items_.empty()) {
        diags_.error(at(*first), "this action belongs to no " + q(level_name(0)) + ": fill in " +
                                     column_ref(cols_.levels.front().front()) +
                                     " on this row or a row above");
        return;
      }
      Item action;
      action.pos = at(*first);
      // A number that starts the title is its code, unless the row's code
      // column says otherwise: then it is part of the title ("2 ateliers
      // par an" under code 1.3, as Carnet's open-data CSV writes it).
      const auto codes = field_cells(row, "code");
      const std::string code_cell = codes.empty() ? "" : one_line(codes.begin()->second->text);
      for (const auto& [l, x] : titles) {
        auto ct = split_code(x->text, "");
        if (!ct.code.empty() && !code_cell.empty() && ct.code != code_cell) {
          action.title[l] = one_line(x->text);
          continue;
        }
        action.title[l] = ct.title;
        if (!ct.code.empty()) action.code = ct.code;
      }
      read_fields(row, action, /*is_action=*/true);
      path_items_.back()->actions.push_back(std::move(action));
      return;
    }
    if (path_items_.empty()) {
      for (const auto& c : row)
        if (!base::trim(c.text).empty()) {
          diags_.error(at(c), "this row has no level and no action title: fill in " +
                                  column_ref(cols_.levels.front().front()));
          return;
        }
      return;
    }
    // No action title: the fields describe the section itself.
    read_fields(row, *path_items_.back(), /*is_action=*/false);
  }

  size_t last_level_in_row(const base::CsvRow& row, int opened) const {
    size_t last = static_cast<size_t>(opened);
    for (size_t level = static_cast<size_t>(opened); level < cols_.levels.size(); ++level) {
      bool any = false;
      for (size_t c : cols_.levels[level]) any = any || cell(row, c);
      if (!any) break;
      last = level;
    }
    return last;
  }

  std::string level_name(size_t level) const {
    if (level >= cols_.levels.size()) return "level";
    return sentence_case(cols_.columns[cols_.levels[level].front()].header);
  }

  void read_fields(const base::CsvRow& row, Item& item, bool is_action) {
    for (const auto& field : cols_.field_order) {
      if (field == "title") continue;
      auto cells = field_cells(row, field);
      if (cells.empty()) continue;
      if (!is_action && !is_section_field(field)) {
        const base::CsvCell* x = cells.begin()->second;
        diags_.error(
            at(*x),
            q(cols_.columns[cols_.fields[field].front()].header) +
                " belongs to an action, but this row has no action title (" +
                column_ref(cols_.fields["title"].empty() ? 0 : cols_.fields["title"].front()) +
                ")");
        continue;
      }
      read_field(field, cells, item, is_action);
    }
    if (is_action)
      for (size_t c : cols_.years) {
        const base::CsvCell* x = cell(row, c);
        if (!x) continue;
        std::string mark = base::slugify(x->text);
        if (mark == "non" || mark == "no" || mark == "0" || base::trim(x->text) == "-") continue;
        if (std::find(item.years.begin(), item.years.end(), cols_.columns[c].year) ==
            item.years.end())
          item.years.push_back(cols_.columns[c].year);
      }
  }

  void read_field(const std::string& field,
                  const std::map<std::string, const base::CsvCell*>& cells, Item& item,
                  bool is_action) {
    const std::string first_lang = cells.count(lang_) ? lang_ : cells.begin()->first;
    const base::CsvCell* first = cells.at(first_lang);
    const std::string value(base::trim(first->text));
    const model::FieldSpec* spec = model::find_field(field);
    const model::FieldKind kind = spec ? spec->kind : model::FieldKind::identifier;
    if (kind == model::FieldKind::markdown) {
      // One column holds an action's details and a level's description.
      const std::string key = field == "details" && !is_action ? "description" : field;
      Text& t = item.long_texts[key];
      for (const auto& [l, x] : cells) t[l] = std::string(base::trim(x->text));
    } else if (is_list_field(field)) {
      std::map<std::string, std::vector<std::string>> lines;
      size_t n = 0;
      for (const auto& [l, x] : cells) {
        lines[l] = cell_lines(x->text);
        n = std::max(n, lines[l].size());
      }
      if (cells.size() > 1)
        for (const auto& [l, ls] : lines)
          if (ls.size() != n)
            diags_.warning(at(*cells.at(l)), field + ": " + std::to_string(ls.size()) +
                                                 " line(s) in " + l + " but " + std::to_string(n) +
                                                 " in another language; lines are paired in order");
      auto& list = item.lists[field];
      for (size_t k = 0; k < n; ++k) {
        Text t;
        for (const auto& [l, ls] : lines)
          if (k < ls.size()) t[l] = ls[k];
        list.push_back(std::move(t));
      }
    } else if (kind == model::FieldKind::due) {
      for (const auto& [l, x] : cells) {
        std::string why;
        if (auto d = parse_due_cell(x->text, &why)) {
          item.due_scalar = *d;
          return;
        }
        if (!why.empty()) {
          diags_.error(at(*x), "malformed date " + q(one_line(x->text)) + ": " + why);
          return;
        }
      }
      for (const auto& [l, x] : cells) item.due_text[l] = one_line(x->text);
    } else if (kind == model::FieldKind::years) {
      std::string parts = value;
      std::replace_if(
          parts.begin(), parts.end(), [](char c) { return c == ';' || c == '\n'; }, ',');
      for (auto part : base::split(parts, ',')) {
        if (base::trim(part).empty()) continue;
        auto y = year_header(part);
        if (!y) {
          diags_.error(at(*first), "years: " + q(base::trim(part)) +
                                       " is not a year or a range of years such as 2021-2022");
          continue;
        }
        if (std::find(item.years.begin(), item.years.end(), *y) == item.years.end())
          item.years.push_back(*y);
      }
    } else if (kind == model::FieldKind::status) {
      if (auto s = parse_status_cell(value)) {
        item.status = *s;
      } else {
        diags_.error(at(*first),
                     "unknown status " + q(value) +
                         "; write one of: prévu, en cours, réalisé, reporté, annulé (or planned, "
                         "in progress, done, postponed, cancelled)");
      }
    } else if (kind == model::FieldKind::percent) {
      if (auto v = base::parse_percent(value))
        item.scalars[field] = std::to_string(*v);
      else
        diags_.error(at(*first), field + ": expected a percentage from 0 to 100, not " + q(value));
    } else if (kind == model::FieldKind::number) {
      if (base::parse_positive_number(value))
        item.scalars[field] = value;
      else
        diags_.error(at(*first),
                     field + ": expected a positive number such as 2 or 0.5, not " + q(value));
    } else if (kind == model::FieldKind::date) {
      std::string why;
      if (base::parse_date(value, &why))
        item.scalars[field] = value;
      else
        diags_.error(at(*first), field + ": malformed date " + q(value) + ": " + why);
    } else if (kind == model::FieldKind::notes) {
      for (const auto& line : cell_lines(value)) {
        csvplan::Note note;
        if (auto dated = read_dated_note(line)) {
          note.date = dated->code;
          note.text[first_lang] = dated->title;
        } else {
          note.text[first_lang] = line;
        }
        item.notes.push_back(std::move(note));
      }
    } else if (field == "code") {
      item.code = one_line(value);
    } else if (field == "id") {
      if (!base::is_clean_segment(value) || value.find('.') != std::string::npos) {
        diags_.error(at(*first),
                     "id " + q(value) +
                         " may only hold lowercase letters, digits, hyphens and underscores (try " +
                         q(base::slugify(value)) + ")");
      } else if (!ids_.insert(value).second) {
        diags_.error(at(*first), "duplicate id " + q(value) + "; ids must be unique in a plan");
      } else {
        item.id = value;
      }
    }
  }

  std::string write() {
    csvplan::PlanText plan;
    plan.source_name = std::filesystem::path(path_).filename().string();
    plan.languages = options_.languages;
    if (!options_.title.empty())
      plan.title[lang_] = options_.title;
    else if (!title_row_.empty())
      plan.title[lang_] = title_row_;
    else
      plan.title[lang_] = sentence_case_file_name();
    for (const auto& level_cols : cols_.levels) {
      Text name;
      for (size_t c : level_cols)
        name[cols_.columns[c].lang] = sentence_case(cols_.columns[c].header);
      plan.levels.push_back(std::move(name));
    }
    std::set<std::string> seen_years;
    for (size_t c : cols_.years)
      if (seen_years.insert(cols_.columns[c].year).second)
        plan.years.push_back(cols_.columns[c].year);
    std::vector<std::string> field_years;
    collect_years(root_, field_years);
    std::sort(field_years.begin(), field_years.end());
    for (const auto& y : field_years)
      if (seen_years.insert(y).second) plan.years.push_back(y);
    for (const auto& field : cols_.field_order) {
      if (field == "title" || field == "code" || field == "id" || field == "status") continue;
      plan.columns.push_back(field);
    }
    if (!cols_.years.empty() &&
        std::find(plan.columns.begin(), plan.columns.end(), "years") == plan.columns.end())
      plan.columns.insert(plan.columns.begin() + (plan.columns.empty() ? 0 : 1), "years");
    for (const auto& col : cols_.columns)
      if (col.kind == CsvColumn::Kind::field && !col.label.empty())
        plan.labels[col.field][col.lang] = col.label;
    plan.root = std::move(root_);
    return csvplan::write_plan_yaml(plan);
  }

  void collect_years(const Item& item, std::vector<std::string>& out) const {
    for (const auto& y : item.years)
      if (std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
    for (const auto& s : item.sections) collect_years(s, out);
    for (const auto& a : item.actions) collect_years(a, out);
  }

  // "plan-action_2021-2023.csv" → "Plan action 2021-2023".
  std::string sentence_case_file_name() const {
    std::string stem = std::filesystem::path(path_).stem().string();
    std::replace(stem.begin(), stem.end(), '_', ' ');
    // A hyphen between two digits stays (a range of years); others are spaces.
    for (size_t i = 0; i < stem.size(); ++i)
      if (stem[i] == '-' &&
          !(i > 0 && is_digit(stem[i - 1]) && i + 1 < stem.size() && is_digit(stem[i + 1])))
        stem[i] = ' ';
    if (!stem.empty() && stem[0] >= 'a' && stem[0] <= 'z')
      stem[0] = static_cast<char>(stem[0] - 'a' + 'A');
    return stem;
  }
};

}  // namespace

std::optional<std::string> parse_due_cell(std::string_view cell, std::string* why) {
  const std::string text = one_line(cell);
  if (text.empty()) return std::nullopt;
  if (is_iso_like(text)) {
    std::string reason;
    if (auto d = base::parse_date(text, &reason)) return d->iso();
    if (why) *why = reason;
    return std::nullopt;
  }
  const std::string slug = base::slugify(text);
  static const char* const ongoing[] = {"en-continu", "continu", "en-continue", "en-tout-temps",
                                        "permanent",  "ongoing", "continuous",  "on-going"};
  static const char* const tbd[] = {"a-determiner", "a-confirmer",      "a-definir",
                                    "tbd",          "to-be-determined", "tbc"};
  for (const char* w : ongoing)
    if (slug == w) return "ongoing";
  for (const char* w : tbd)
    if (slug == w) return "tbd";

  // The month names dates are written with, as slugs: "fevrier", "august".
  static const auto months = [] {
    std::array<std::array<std::string, 2>, 12> names;
    for (int m = 1; m <= 12; ++m)
      names[m - 1] = {base::slugify(base::month_name(m, "fr")),
                      base::slugify(base::month_name(m, "en"))};
    return names;
  }();
  auto month_of = [&](const std::string& w) {
    for (int m = 0; m < 12; ++m)
      if (w == months[m][0] || w == months[m][1] ||
          (w.size() >= 3 && w == months[m][1].substr(0, 3)))
        return m + 1;
    return 0;
  };
  auto number = [](std::string w) -> int {
    if (w.size() > 2 && (w.ends_with("er") || w.ends_with("st") || w.ends_with("nd") ||
                         w.ends_with("rd") || w.ends_with("th")))
      w.resize(w.size() - 2);
    if (w.empty() || w.size() > 4 || !std::all_of(w.begin(), w.end(), ::isdigit)) return -1;
    return std::stoi(w);
  };
  auto iso = [why](int y, int m, int d) -> std::optional<std::string> {
    char buf[32];
    if (d)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    std::string reason;
    if (!base::parse_date(buf, &reason)) {
      if (why) *why = reason;
      return std::nullopt;
    }
    return std::string(buf);
  };
  auto w = base::split(slug, '-');
  // 31 décembre 2022 / 1er mars 2023 / December 31, 2022 / mars 2023
  if (w.size() == 3 && month_of(w[1]) && number(w[0]) > 0 && number(w[2]) >= 1000)
    return iso(number(w[2]), month_of(w[1]), number(w[0]));
  if (w.size() == 3 && month_of(w[0]) && number(w[1]) > 0 && number(w[2]) >= 1000)
    return iso(number(w[2]), month_of(w[0]), number(w[1]));
  if (w.size() == 2 && month_of(w[0]) && number(w[1]) >= 1000)
    return iso(number(w[1]), month_of(w[0]), 0);
  // 31/12/2022, 31.12.2022: day first, as in Québec and France, unless the
  // second number cannot be a month.
  if (auto n = numeric_date(text)) {
    auto [a, b, y] = *n;
    if (b > 12 && a <= 12) std::swap(a, b);
    return iso(y, b, a);
  }
  return std::nullopt;
}

std::optional<std::string> parse_status_cell(std::string_view cell) {
  const std::string slug = base::slugify(cell);
  static const std::pair<const char*, const char*> words[] = {{"planned", "planned"},
                                                              {"prevu", "planned"},
                                                              {"prevue", "planned"},
                                                              {"planifie", "planned"},
                                                              {"planifiee", "planned"},
                                                              {"a-venir", "planned"},
                                                              {"a-faire", "planned"},
                                                              {"non-debute", "planned"},
                                                              {"not-started", "planned"},
                                                              {"to-do", "planned"},
                                                              {"in-progress", "in_progress"},
                                                              {"en-cours", "in_progress"},
                                                              {"commence", "in_progress"},
                                                              {"amorce", "in_progress"},
                                                              {"started", "in_progress"},
                                                              {"underway", "in_progress"},
                                                              {"done", "done"},
                                                              {"fait", "done"},
                                                              {"realise", "done"},
                                                              {"realisee", "done"},
                                                              {"termine", "done"},
                                                              {"terminee", "done"},
                                                              {"complete", "done"},
                                                              {"completed", "done"},
                                                              {"acheve", "done"},
                                                              {"postponed", "postponed"},
                                                              {"reporte", "postponed"},
                                                              {"reportee", "postponed"},
                                                              {"suspendu", "postponed"},
                                                              {"en-pause", "postponed"},
                                                              {"on-hold", "postponed"},
                                                              {"delayed", "postponed"},
                                                              {"cancelled", "cancelled"},
                                                              {"canceled", "cancelled"},
                                                              {"annule", "cancelled"},
                                                              {"annulee", "cancelled"},
                                                              {"abandonne", "cancelled"},
                                                              {"abandonnee", "cancelled"},
                                                              {"dropped", "cancelled"}};
  for (const auto& [w, status] : words)
    if (slug == w) return std::string(status);
  return std::nullopt;
}

std::optional<std::string> csv_to_plan_yaml(std::string_view csv, const std::string& path,
                                            const CsvPlanOptions& options,
                                            base::Diagnostics& diags) {
  base::CsvTable table = base::parse_csv(csv, path, diags);
  if (diags.has_errors()) return std::nullopt;
  Importer importer(table, path, options, diags);
  auto yaml = importer.run();
  if (!yaml) return std::nullopt;
  // The file must load as it is: check it with the plan reader itself.
  base::Diagnostics check;
  load::read_plan(*yaml, path + " (as a plan)", options.languages, check);
  if (check.has_errors()) {
    for (const auto& d : check.sorted())
      diags.error(d.pos, "the imported plan does not load: " + d.message);
    return std::nullopt;
  }
  return yaml;
}

}  // namespace carnet::import
