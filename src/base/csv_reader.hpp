// CSV as spreadsheets write it: RFC 4180 quoting ("" inside quotes, line
// breaks inside a quoted cell), a UTF-8 byte order mark, CRLF or LF, and the
// separator guessed from the header line (`;` is what Excel writes in a French
// locale, `,` in an English one, a tab for a "text" export). Each cell keeps
// the line and column where it starts, so that errors point into the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace carnet::base {

struct CsvCell {
  std::string text;
  int line = 1;    // 1-based line where the cell starts
  int column = 1;  // 1-based column (in characters) where the cell starts
};

using CsvRow = std::vector<CsvCell>;

struct CsvTable {
  char separator = ',';
  std::vector<CsvRow> rows;  // blank lines are left out
};

// Parses `text`. `path` names the file in diagnostics. Text that is not
// UTF-8 is read as Windows-1252 (what Excel's plain "CSV" format writes on
// Windows), with a warning that says how to save as UTF-8. A quote left open
// at the end is an error at the position of that quote.
CsvTable parse_csv(std::string_view text, const std::string& path, base::Diagnostics& diags);

// One cell as parse_csv reads it back: quoted ("" for a quote) when it holds
// a comma, a quote, a line break or edge spaces, or always with `always`.
std::string csv_cell(std::string_view text, bool always = false);

// Windows-1252 → UTF-8 (the bytes 0x81, 0x8d, 0x8f, 0x90, 0x9d, which
// Windows-1252 leaves undefined, become U+FFFD).
std::string windows1252_to_utf8(std::string_view text);

// "A", "B", ..., "Z", "AA": the spreadsheet name of 1-based column `n`.
std::string spreadsheet_column_name(int n);

}  // namespace carnet::base
