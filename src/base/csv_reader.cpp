#include "base/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "base/utf8.hpp"

namespace carnet::base {

namespace {

// The separator that splits the most rows into the same number of cells
// (Excel writes every row with as many cells as the header). Counting only
// the first line would fail on a title line above the header, and counting
// characters would let the commas of French prose win over `;`.
char guess_separator(std::string_view text) {
  char best = ',';
  int best_score = -1;
  for (char sep : {';', ',', '\t'}) {
    std::map<int, int> rows_with;  // cells per row → rows
    int cells = 1, rows = 0;
    bool quoted = false, blank = true;
    for (size_t i = 0; i < text.size() && rows < 100; ++i) {
      const char c = text[i];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == sep) {
        ++cells;
      } else if (c == '\n') {
        if (!blank || cells > 1) ++rows_with[cells], ++rows;
        cells = 1;
        blank = true;
        continue;
      }
      if (c != '\r') blank = false;
    }
    if (cells > 1) ++rows_with[cells];
    int score = 0;
    for (const auto& [n, count] : rows_with)
      if (n > 1) score = std::max(score, count);
    if (score > best_score) best = sep, best_score = score;
  }
  return best;
}

bool is_blank(const CsvRow& row) {
  for (const auto& c : row)
    if (!c.text.empty()) return false;
  return true;
}

}  // namespace

std::string windows1252_to_utf8(std::string_view text) {
  // 0x80–0x9f differ from Latin-1: curly quotes, dashes, € and Œ/œ, which
  // Word and Excel use all the time.
  static const char16_t high[32] = {0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
                                    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
                                    0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
                                    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    char32_t cp = c;
    if (c >= 0x80 && c < 0xa0) cp = high[c - 0x80];
    append_utf8(out, cp);
  }
  return out;
}

std::string spreadsheet_column_name(int n) {
  std::string name;
  for (; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

CsvTable parse_csv(std::string_view input, const std::string& path, base::Diagnostics& diags) {
  std::string converted;
  if (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF") {
    diags.error({path, 1, 1},
                "this file is UTF-16 (Excel's \"Unicode text\"); save it again as \"CSV UTF-8\"");
    return {};
  }
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  if (auto bad = base::find_invalid_utf8(input)) {
    auto at = base::line_column_at(input, *bad);
    diags.warning({path, at.line, at.column},
                  "this file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\" format). "
                  "To be sure accents are right, save it as \"CSV UTF-8\"");
    converted = windows1252_to_utf8(input);
    input = converted;
  }
  // Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR.
  if (auto cr = input.find('\r');
      cr != std::string_view::npos && (cr + 1 == input.size() || input[cr + 1] != '\n')) {
    std::string lf;
    lf.reserve(input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      if (input[i] != '\r')
        lf += input[i];
      else if (i + 1 == input.size() || input[i + 1] != '\n')
        lf += '\n';
    }
    converted = std::move(lf);
    input = converted;
  }

  // A control character (a NUL in a translated cell) would reach the site's
  // sources and then its XML outputs: refused here, at its place.
  if (!check_control_chars(input, path, 1, false, diags)) return {};

  CsvTable table;
  table.separator = guess_separator(input);
  CsvRow row;
  CsvCell cell;
  int line = 1, column = 1;
  bool quoted = false, cell_open = false;
  int quote_line = 0, quote_column = 0;

  auto finish_cell = [&] {
    row.push_back(std::move(cell));
    cell = CsvCell{};
    cell_open = false;
  };
  auto finish_row = [&] {
    finish_cell();
    if (!is_blank(row)) table.rows.push_back(std::move(row));
    row.clear();
  };

  for (size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (!cell_open) {
      cell.line = line;
      cell.column = column;
      cell_open = true;
    }
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    const bool counts = (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < input.size() && input[i + 1] == '"') {
          cell.text += '"';
          ++i;
          column += 2;
          continue;
        }
        quoted = false;
      } else if (c == '\n') {
        // A line break inside a cell: keep LF only, whatever the file used.
        if (!cell.text.empty() && cell.text.back() == '\r') cell.text.pop_back();
        cell.text += '\n';
        ++line;
        column = 1;
        continue;
      } else {
        cell.text += c;
      }
      if (counts) ++column;
      continue;
    }
    if (c == '"' && cell.text.empty()) {
      quoted = true;
      quote_line = line;
      quote_column = column;
    } else if (c == table.separator) {
      finish_cell();
      // The next cell exists even when the line ends here ("a;b;").
      cell.line = line;
      cell.column = column + 1;
      cell_open = true;
    } else if (c == '\n') {
      if (!cell.text.empty() && cell.text.back() == '\r') cell.text.pop_back();
      finish_row();
      ++line;
      column = 1;
      continue;
    } else {
      cell.text += c;
    }
    if (counts) ++column;
  }
  if (quoted)
    diags.error({path, quote_line, quote_column},
                "this quote is never closed; the rest of the file is in one cell");
  if (cell_open || !row.empty()) {
    if (!cell.text.empty() && cell.text.back() == '\r') cell.text.pop_back();
    finish_row();
  }
  return table;
}

std::string csv_cell(std::string_view text, bool always) {
  // Told by a table: find_first_of calls memchr on its set for every byte,
  // for every cell of every plan's CSV.
  static constexpr auto quoted = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {',', ';', '"', '\r', '\n', '\t'}) t[c] = true;
    return t;
  }();
  const bool quote = always || (!text.empty() && (text.front() == ' ' || text.back() == ' ')) ||
                     std::any_of(text.begin(), text.end(),
                                 [](char c) { return quoted[static_cast<unsigned char>(c)]; });
  if (!quote) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace carnet::base
