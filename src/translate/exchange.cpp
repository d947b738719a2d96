#include "translate/exchange.hpp"

#include <map>

#include "base/csv_reader.hpp"
#include "translate/xml.hpp"
#include "wrap/xml_writer.hpp"

namespace carnet::translate {

namespace {

const char* const xliff_ns = "urn:oasis:names:tc:xliff:document:2.0";

// Quoted always: texts hold commas, quotes and line breaks.
std::string csv_cell(std::string_view s) { return base::csv_cell(s, true); }

}  // namespace

std::string write_xliff(const TranslationExchange& x) {
  wrap::XmlWriter w;
  w.start("xliff");
  w.attribute("xmlns", xliff_ns);
  w.attribute("version", "2.0");
  w.attribute("srcLang", x.source_lang);
  w.attribute("trgLang", x.target_lang);
  // One <file> per source file, in the order of the units.
  std::map<std::string, size_t> file_ids;
  std::vector<std::string> files;
  for (const auto& u : x.units)
    if (file_ids.emplace(u.file, files.size() + 1).second) files.push_back(u.file);
  auto note = [&](const char* category, const std::string& text) {
    w.start("note");
    w.attribute("category", category);
    w.text(text);
    w.end();
  };
  // xml:space="preserve": tools must keep a Markdown text's line breaks and
  // indentation as they are.
  auto content = [&](const char* name, const std::string& text) {
    w.start(name);
    w.attribute("xml:space", "preserve");
    w.text(text);
    w.end();
  };
  size_t unit_number = 0;
  for (const auto& file : files) {
    w.start("file");
    w.attribute("id", "f" + std::to_string(file_ids[file]));
    w.attribute("original", file);
    for (const auto& u : x.units) {
      if (u.file != file) continue;
      w.start("unit");
      w.attribute("id", "u" + std::to_string(++unit_number));
      w.attribute("name", u.key);
      w.start("notes");
      note("location", u.location);
      note("context", u.context);
      note("carnet-fingerprint", u.fingerprint);
      if (!u.previous.empty()) note("previous-translation", u.previous);
      w.end();
      w.start("segment");
      if (!u.target.empty()) w.attribute("state", "translated");
      content("source", u.source);
      if (!u.target.empty()) content("target", u.target);
      w.end();
      w.end();
    }
    w.end();
  }
  return w.finish();
}

std::optional<TranslationExchange> read_xliff(std::string_view text, const std::string& path,
                                              base::Diagnostics& diags) {
  xml::ParseError error;
  auto root = xml::parse(text, error);
  if (!root) {
    diags.error({path, error.line, error.column}, "not a valid XML file: " + error.message);
    return std::nullopt;
  }
  if (root->local_name() != "xliff") {
    diags.error({path, root->line, 1},
                "not an XLIFF file: its root element is <" + root->name + ">");
    return std::nullopt;
  }
  const std::string* version = root->attribute("version");
  if (version && version->rfind("2.", 0) != 0) {
    diags.error({path, root->line, 1},
                "XLIFF " + *version + " is not supported: Carnet reads XLIFF 2.0");
    return std::nullopt;
  }
  TranslationExchange x;
  if (auto* s = root->attribute("srcLang")) x.source_lang = *s;
  if (auto* t = root->attribute("trgLang")) x.target_lang = *t;
  if (x.target_lang.empty()) {
    diags.error({path, root->line, 1}, "the XLIFF file names no target language (trgLang)");
    return std::nullopt;
  }
  for (const auto* file : root->children_named("file")) {
    const std::string* original = file->attribute("original");
    // Tools may wrap units in <group>s.
    std::vector<const xml::Element*> units = file->children_named("unit");
    for (const auto* group : file->children_named("group"))
      for (const auto* u : group->children_named("unit")) units.push_back(u);
    for (const auto* unit : units) {
      TranslationUnit u;
      u.file = original ? *original : "";
      if (auto* name = unit->attribute("name")) u.key = *name;
      if (const auto* notes = unit->child("notes"))
        for (const auto* note : notes->children_named("note")) {
          const std::string* category = note->attribute("category");
          if (!category) continue;
          if (*category == "location")
            u.location = note->text;
          else if (*category == "context")
            u.context = note->text;
          else if (*category == "carnet-fingerprint")
            u.fingerprint = note->text;
          else if (*category == "previous-translation")
            u.previous = note->text;
        }
      // A unit may hold several segments (a tool that split sentences):
      // the text is all of them in order.
      for (const auto* segment : unit->children_named("segment")) {
        if (const auto* s = segment->child("source")) u.source += s->text;
        if (const auto* t = segment->child("target")) u.target += t->text;
      }
      for (const auto* ignorable : unit->children_named("ignorable")) {
        if (const auto* s = ignorable->child("source")) u.source += s->text;
        if (const auto* t = ignorable->child("target")) u.target += t->text;
      }
      if (u.file.empty() || u.key.empty()) {
        diags.error({path, unit->line, 1},
                    "this unit does not say which text it translates (file original= and "
                    "unit name= are missing); was it exported by Carnet?");
        continue;
      }
      x.units.push_back(std::move(u));
    }
  }
  return x;
}

std::string write_translation_csv(const TranslationExchange& x) {
  // A byte order mark, so that spreadsheets read the accents as UTF-8.
  std::string out = "\xEF\xBB\xBF";
  out += "file,key,location,context,fingerprint," + x.source_lang + "," + x.target_lang +
         ",previous " + x.target_lang + "\r\n";
  for (const auto& u : x.units) {
    out += csv_cell(u.file) + "," + csv_cell(u.key) + "," + csv_cell(u.location) + "," +
           csv_cell(u.context) + "," + csv_cell(u.fingerprint) + "," + csv_cell(u.source) + "," +
           csv_cell(u.target) + "," + csv_cell(u.previous) + "\r\n";
  }
  return out;
}

std::optional<TranslationExchange> read_translation_csv(std::string_view text,
                                                        const std::string& path,
                                                        base::Diagnostics& diags) {
  base::CsvTable table = base::parse_csv(text, path, diags);
  if (diags.has_errors()) return std::nullopt;
  if (table.rows.empty()) {
    diags.error({path, 1, 1}, "the file is empty");
    return std::nullopt;
  }
  const base::CsvRow& header = table.rows.front();
  std::map<std::string, size_t> column;
  std::vector<size_t> language_columns;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i].text;
    column[h] = i;
    if (h.size() >= 2 && h.size() <= 3 && h.find(' ') == std::string::npos &&
        !column.count("previous " + h) && h != "key" && h != "file")
      language_columns.push_back(i);
  }
  for (const char* required : {"file", "key", "fingerprint"})
    if (!column.count(required)) {
      diags.error({path, 1, 1},
                  std::string("no \"") + required +
                      "\" column: the file must keep the columns of `carnet translations export`");
      return std::nullopt;
    }
  if (language_columns.size() < 2) {
    diags.error(
        {path, 1, 1},
        "expected a column for the source language and one for the translation (e.g. fr,en)");
    return std::nullopt;
  }
  TranslationExchange x;
  x.source_lang = header[language_columns[0]].text;
  x.target_lang = header[language_columns[1]].text;
  auto cell = [](const base::CsvRow& row, size_t c) {
    return c < row.size() ? row[c].text : std::string();
  };
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const base::CsvRow& row = table.rows[r];
    TranslationUnit u;
    u.file = cell(row, column["file"]);
    u.key = cell(row, column["key"]);
    u.fingerprint = cell(row, column["fingerprint"]);
    if (column.count("location")) u.location = cell(row, column["location"]);
    if (column.count("context")) u.context = cell(row, column["context"]);
    u.source = cell(row, language_columns[0]);
    u.target = cell(row, language_columns[1]);
    if (u.file.empty() || u.key.empty()) {
      diags.error({path, row.front().line, 1},
                  "this row has no file or key: keep those columns as exported");
      continue;
    }
    x.units.push_back(std::move(u));
  }
  return x;
}

}  // namespace carnet::translate
