// data/NAME.LANG.csv: the plan in one language as the spreadsheet `carnet
// import` reads back (PRODUCT.md §3, §7). Import's rules shape every cell:
// level columns first, named by the plan's level names; a level cell "1.2.
// Title" or "II.A. Title" that import splits into code and title, repeated
// on every row below it (import continues a level whose cell is unchanged);
// a row per level for its own fields before its actions and its sub-levels;
// the year grid as year columns marked X; lists one entry per line; notes as
// "YYYY-MM: text" lines. What import cannot carry is listed in
// docs/decisions.md ("Open data").
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/csv_reader.hpp"
#include "base/language.hpp"
#include "base/slug.hpp"
#include "model/plan_code.hpp"
#include "render/data/open_data.hpp"

namespace carnet::render::data {

namespace {

using model::FieldKind;

// Status words import reads (import::parse_status_cell): French ones for a
// French file, English ones for every other language.
const char* status_word(model::Status s, const std::string& lang) {
  const bool fr = base::is_french(lang);
  switch (s) {
    case model::Status::planned:
      return fr ? "Prévu" : "Planned";
    case model::Status::in_progress:
      return fr ? "En cours" : "In progress";
    case model::Status::done:
      return fr ? "Réalisé" : "Done";
    case model::Status::postponed:
      return fr ? "Reporté" : "Postponed";
    case model::Status::cancelled:
      return fr ? "Annulé" : "Cancelled";
  }
  return "";
}

struct Column {
  enum class Kind { level, field, year };
  Kind kind;
  std::string header;
  const model::FieldSpec* field = nullptr;  // Kind::field
  int level = 0;                            // Kind::level
  std::string year;                         // Kind::year
};

class CsvWriter {
 public:
  CsvWriter(const model::Site& site, const model::Plan& plan, const std::string& lang)
      : plan_(plan), lang_(lang), fallback_(site.config.default_language()) {}

  std::string run() {
    make_columns();
    // A lone cell above the header is the plan's title for import, unless
    // it reads like a header itself.
    const std::string title = text(plan_.title);
    if (!is_header_word(title)) {
      std::vector<std::string> row(columns_.size());
      row[0] = title;
      write_row(row);
    }
    std::vector<std::string> header;
    for (const auto& c : columns_) header.push_back(c.header);
    write_row(header);
    std::vector<std::string> path;
    for (const auto& s : plan_.sections) section(s, path);
    return out_;
  }

 private:
  const model::Plan& plan_;
  const std::string& lang_;
  const std::string& fallback_;
  std::vector<Column> columns_;
  std::string out_ = "\xEF\xBB\xBF";  // the BOM, so that Excel reads UTF-8

  std::string text(const model::LocalizedText& t) const { return t.get(lang_, fallback_); }

  bool is_header_word(const std::string& s) const {
    const std::string slug = base::slugify(s);
    for (const auto& f : model::plan_fields())
      for (const auto& h : f.headers)
        if (base::slugify(h.name) == slug) return true;
    return false;
  }

  // The header import knows `spec` by in this language; the plan's label
  // when import knows it as a header of that field ("Pilotes"; import keeps
  // some, "Ressources", as the plan's label).
  std::string header_of(const model::FieldSpec& spec) const {
    if (auto label = plan_.labels.find(std::string(spec.key)); label != plan_.labels.end()) {
      const std::string slug = base::slugify(text(label->second));
      for (const auto& h : spec.headers)
        if (base::slugify(h.name) == slug) return text(label->second);
    }
    for (const char* want : {lang_.c_str(), ""})
      for (const auto& h : spec.headers)
        if (!h.keep_label && h.lang == std::string_view(want)) return h.name;
    for (const auto& h : spec.headers)
      if (!h.keep_label) return h.name;
    return std::string(spec.key);
  }

  // The spreadsheet has one column for an action's details and a level's
  // description (import::is_section_field).
  static std::string_view column_key(std::string_view key) {
    return key == "description" ? "details" : key;
  }

  void used_fields(const model::Fields& fields, std::set<std::string, std::less<>>& used) const {
    for (const auto& [key, value] : fields.by_key) used.insert(std::string(column_key(key)));
  }
  void used_fields(const model::PlanSection& s, std::set<std::string, std::less<>>& used) const {
    used_fields(s.fields, used);
    for (const auto& a : s.actions) used_fields(a.fields, used);
    for (const auto& sub : s.sections) used_fields(sub, used);
  }

  void make_columns() {
    for (size_t i = 0; i < plan_.levels.size(); ++i)
      columns_.push_back(
          {Column::Kind::level, text(plan_.levels[i]), nullptr, static_cast<int>(i), ""});
    std::set<std::string, std::less<>> used;
    for (const auto& s : plan_.sections) used_fields(s, used);
    for (const auto& spec : model::plan_fields()) {
      if (spec.key == "description") continue;  // in the details column
      if (spec.kind == FieldKind::years) {
        for (const auto& y : plan_.years)
          columns_.push_back({Column::Kind::year, y, nullptr, 0, y});
        continue;
      }
      if (!spec.structural() && !used.count(spec.key)) continue;
      columns_.push_back({Column::Kind::field, header_of(spec), &spec, 0, ""});
    }
  }

  void write_row(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ += ',';
      out_ += base::csv_cell(cells[i]);
    }
    out_ += "\r\n";
  }

  void section(const model::PlanSection& s, std::vector<std::string>& path) {
    const std::string title = text(s.title);
    path.push_back(model::is_plan_code(s.code) ? s.code + ". " + title : title);
    std::vector<std::string> row = level_cells(path);
    for (size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i].kind == Column::Kind::field) row[i] = level_field(s, *columns_[i].field);
    write_row(row);
    // Actions before sub-levels: an action row whose deeper level cells are
    // empty belongs to the innermost level import has open.
    for (const auto& a : s.actions) action(a, path);
    for (const auto& sub : s.sections) section(sub, path);
    path.pop_back();
  }

  std::vector<std::string> level_cells(const std::vector<std::string>& path) const {
    std::vector<std::string> row(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i].kind == Column::Kind::level &&
          columns_[i].level < static_cast<int>(path.size()))
        row[i] = path[columns_[i].level];
    return row;
  }

  std::string level_field(const model::PlanSection& s, const model::FieldSpec& spec) const {
    if (spec.key == "id") return s.id;
    if (spec.key == "code") return s.code;
    if (spec.structural()) return "";  // title (in the level cell), status
    if (spec.key == "details") return value(s.fields, *model::find_field("description"));
    return value(s.fields, spec);
  }

  void action(const model::Action& a, const std::vector<std::string>& path) {
    std::vector<std::string> row = level_cells(path);
    for (size_t i = 0; i < columns_.size(); ++i) {
      const Column& c = columns_[i];
      if (c.kind == Column::Kind::year) {
        if (std::find(a.years().begin(), a.years().end(), c.year) != a.years().end()) row[i] = "X";
      } else if (c.kind == Column::Kind::field) {
        const std::string_view key = c.field->key;
        if (key == "id")
          row[i] = a.id;
        else if (key == "code")
          row[i] = a.code;
        else if (c.field->kind == FieldKind::title)
          row[i] = text(a.title);
        else if (c.field->kind == FieldKind::status)
          row[i] = status_word(a.status, lang_);
        else
          row[i] = value(a.fields, *c.field);
      }
    }
    write_row(row);
  }

  // A field's cell, by its kind.
  std::string value(const model::Fields& fields, const model::FieldSpec& spec) const {
    const model::FieldValue* v = fields.find(spec.key);
    if (!v) return "";
    switch (spec.kind) {
      case FieldKind::identifier:
      case FieldKind::title:
      case FieldKind::status:
        break;
      case FieldKind::markdown:
        return v->texts.empty() ? "" : text(v->texts.front());
      case FieldKind::texts:
      case FieldKind::organisations: {
        std::string cell;
        for (const auto& t : v->texts) cell += (cell.empty() ? "" : "\n") + text(t);
        return cell;
      }
      case FieldKind::due:
        if (!v->due) return "";
        switch (v->due->kind) {
          case model::Due::Kind::date:
            return v->due->date.iso();
          case model::Due::Kind::ongoing:
            return base::is_french(lang_) ? "En continu" : "Ongoing";
          case model::Due::Kind::tbd:
            return base::is_french(lang_) ? "À déterminer" : "To be determined";
          case model::Due::Kind::text:
            return text(v->due->text);
        }
        return "";
      case FieldKind::date:
        return v->date ? v->date->iso() : "";
      case FieldKind::years: {
        std::string cell;
        for (const auto& y : v->years) cell += (cell.empty() ? "" : ", ") + y;
        return cell;
      }
      case FieldKind::percent:
        return v->percent ? std::to_string(*v->percent) : "";
      case FieldKind::number:
        return v->number ? fmt::format("{}", *v->number) : "";
      case FieldKind::notes: {
        // One line per note: import reads a line as a note, so a note's own
        // line breaks become spaces.
        std::string cell;
        for (const auto& n : v->notes) {
          std::string line = text(n.text);
          std::replace(line.begin(), line.end(), '\n', ' ');
          while (!line.empty() && line.back() == ' ') line.pop_back();
          if (n.date) line = n.date->iso() + ": " + line;
          cell += (cell.empty() ? "" : "\n") + line;
        }
        return cell;
      }
    }
    return "";
  }
};

}  // namespace

std::string plan_csv(const model::Site& site, const model::Plan& plan, const std::string& lang) {
  return CsvWriter(site, plan, lang).run();
}

}  // namespace carnet::render::data
