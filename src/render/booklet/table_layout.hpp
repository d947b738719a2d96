// Tables that always fit the page. Column widths come from the content:
// each column gets at least its longest word (capped, beyond which words are
// hyphenated) and the room left goes, a slice at a time, to the column where
// it shortens the table most. Rows break between pages only at line
// boundaries; each page a table spans repeats its header row and says where
// it belongs ("Orientation 2 › Objectif 2.1 (suite)").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/booklet/flow.hpp"
#include "render/booklet/typesetter.hpp"

namespace carnet::render::booklet {

struct CellPara {
  Inline text;
  TextStyle style;
  std::string lang;
  double indent = 0;                    // from the cell's left padding
  std::string bullet;                   // drawn in the indent ("•", "1.", a status mark "◐")
  std::optional<Color> bullet_color;    // else the text's
  const char* bullet_family = nullptr;  // else the text's (a status mark's symbol font)
  double space_before = 0;
};
using CellContent = std::vector<CellPara>;

struct TableRow {
  std::vector<CellContent> cells;  // one per column; a group row has one
  bool group = false;              // spans every column (a card's title bar)
  std::string dest;                // named destination at the row, or ""
};

struct TableSpec {
  std::vector<std::string> headers;  // empty: no header row
  std::vector<TableRow> rows;
  std::string context;                  // "Orientation 2 › Objectif 2.1"
  std::string continued;                // "suite"
  std::vector<double> fixed_fractions;  // when set, column widths as fractions (cards)
  std::vector<bool> narrow;  // per column: kept at its narrowest, header centred (year grid)
  size_t numbers_from = 0;   // columns from this one on hold numbers: headers set right (0: none)
  std::vector<TextStyle::Align> header_align;  // per column, when set (a Markdown table's)
};

// Column widths (points) filling `width`, or nothing when the narrowest
// readable widths do not fit.
std::optional<std::vector<double>> fit_columns(Typesetter& ts, const TableSpec& table,
                                               double width);

// The height the table keeps together at its start, in `flow`'s page: its
// header row and its first row (or the first lines of a tall one). What
// comes before a table (a heading) stays with this much of it.
double table_start_height(Flow& flow, Typesetter& ts, const TableSpec& table,
                          const std::vector<double>& widths);

// Places the table in the flow, from the current position.
void place_table(Flow& flow, Typesetter& ts, const TableSpec& table,
                 const std::vector<double>& widths);

}  // namespace carnet::render::booklet
