#include "render/booklet/table_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace carnet::render::booklet {

namespace {

constexpr double pad_x = 4.5;
constexpr double pad_y = 4;
constexpr double word_cap = 78;  // a longer word is hyphenated rather than widen its column
constexpr int width_slices = 48;

bool is_narrow(const TableSpec& table, size_t column) {
  return column < table.narrow.size() && table.narrow[column];
}

double para_width(const CellPara& p, double cell_width) {
  return cell_width - 2 * pad_x - p.indent;
}

struct Measure {
  double min = 0, max = 0;
  // per row: for each paragraph, natural width and line height
  std::vector<std::vector<std::pair<double, double>>>
      paras;  // [row][para] (width incl. indent, line height)
};

double line_height(const TextStyle& s) { return s.size * 1.362 * std::max(1.0, s.line_spacing); }

// Estimated height of a cell at `width`: lines × line height, lines from the
// text's natural width (with a margin for the ragged right). Kept smooth
// rather than rounded up, so that every slice of width shows its effect.
double estimate(const std::vector<std::pair<double, double>>& paras, double width) {
  double h = 0;
  for (const auto& [natural, lh] : paras) {
    double usable = std::max(1.0, (width - 2 * pad_x) * 0.9);
    h += std::max(1.0, natural / usable + 0.4) * lh;
  }
  return h;
}

struct LaidCell {
  std::vector<TextBlock> blocks;
  std::vector<TextBlock> markers;
  std::vector<double> tops;  // top of each block from the cell's content top
  double height = 0;
};

LaidCell lay_cell(Typesetter& ts, const CellContent& content, double width) {
  LaidCell c;
  double y = 0;
  for (size_t i = 0; i < content.size(); ++i) {
    const auto& p = content[i];
    if (i > 0) y += p.space_before;
    c.tops.push_back(y);
    c.blocks.push_back(ts.set(p.text, p.style, std::max(10.0, para_width(p, width)), p.lang));
    TextStyle ms = p.style;
    ms.hyphenate = false;
    ms.align = TextStyle::Align::left;
    if (p.bullet_color) ms.color = *p.bullet_color;
    if (p.bullet_family) ms.family = p.bullet_family;
    c.markers.push_back(p.bullet.empty() ? TextBlock{} : ts.set(p.bullet, ms, -1));
    y += c.blocks.back().height();
  }
  c.height = y;
  return c;
}

// A position inside a cell: block index and line index.
struct Cursor {
  size_t block = 0, line = 0;
};

bool done(const LaidCell& c, const Cursor& at) { return at.block >= c.blocks.size(); }

// Height of the cell content from `at` to the end.
double rest_height(const LaidCell& c, const Cursor& at) {
  if (done(c, at)) return 0;
  double start = c.tops[at.block] + c.blocks[at.block].lines[at.line].top;
  return c.height - start;
}

// Advances `at` over whole lines that fit in `room`; returns the end cursor.
Cursor fit_lines(const LaidCell& c, Cursor at, double room) {
  if (done(c, at)) return at;
  double origin = c.tops[at.block] + c.blocks[at.block].lines[at.line].top;
  Cursor end = at;
  while (!done(c, end)) {
    const auto& line = c.blocks[end.block].lines[end.line];
    double bottom = c.tops[end.block] + line.top + line.height - origin;
    if (bottom > room + 0.01) break;
    end.line++;
    if (end.line >= c.blocks[end.block].lines.size()) {
      end.block++;
      end.line = 0;
    }
  }
  return end;
}

struct Placer {
  Flow& flow;
  Typesetter& ts;
  const TableSpec& table;
  std::vector<double> widths;
  std::vector<double> xs;
  std::vector<TextBlock> header_blocks;
  double header_height = 0;
  int row_number = 0;

  void prepare_header() {
    double h = 0;
    for (size_t c = 0; c < table.headers.size(); ++c) {
      TextStyle style = styles::table_header();
      if (is_narrow(table, c)) style.align = TextStyle::Align::center;
      if (c < table.header_align.size()) style.align = table.header_align[c];
      header_blocks.push_back(ts.set(table.headers[c], style, widths[c] - 2 * pad_x));
      h = std::max(h, header_blocks.back().height());
    }
    header_height = table.headers.empty() ? 0 : h + 2 * pad_y;
  }

  double table_width() const { return std::accumulate(widths.begin(), widths.end(), 0.0); }

  void draw_header() {
    if (table.headers.empty()) return;
    double y = flow.y();
    flow.add(FillRect{{flow.left(), y, table_width(), header_height}, palette::primary});
    flow.open("THead");
    flow.open("TR");
    for (size_t c = 0; c < header_blocks.size(); ++c) {
      const auto& b = header_blocks[c];
      flow.add(TagBegin{"TH", ""});
      flow.add(DrawText{b, 0, b.lines.size(), flow.left() + xs[c] + pad_x, y + pad_y});
      flow.add(TagEnd{"TH"});
    }
    flow.close("TR");
    flow.close("THead");
    flow.advance(header_height);
  }

  void start_page_continued() {
    flow.close("Table");
    flow.new_page(flow.landscape());
    if (!table.context.empty()) {
      auto b = ts.set(table.context + " (" + table.continued + ")", styles::table_context(),
                      flow.width());
      flow.text(b, 0, "P");
      flow.advance(4);
    }
    flow.open("Table");
    draw_header();
  }

  // Draws the slice [from, to) of every cell, as one row band of height h.
  void draw_slice(const TableRow& row, const std::vector<LaidCell>& cells,
                  const std::vector<Cursor>& from, const std::vector<Cursor>& to, double h) {
    double y = flow.y();
    double x0 = flow.left();
    if (row.group) {
      flow.add(FillRect{{x0, y, table_width(), h}, palette::primary_light});
    } else if (row_number % 2 == 1) {
      flow.add(FillRect{{x0, y, table_width(), h}, palette::zebra});
    }
    if (!row.dest.empty()) flow.add(Dest{row.dest, x0, y});
    flow.open("TR");
    for (size_t c = 0; c < cells.size(); ++c) {
      const auto& cell = cells[c];
      double cx = x0 + xs[c] + pad_x;
      flow.add(TagBegin{"TD", ""});
      double origin = done(cell, from[c]) ? 0
                                          : cell.tops[from[c].block] +
                                                cell.blocks[from[c].block].lines[from[c].line].top;
      for (size_t b = from[c].block; b < cell.blocks.size() && b <= to[c].block; ++b) {
        size_t first = b == from[c].block ? from[c].line : 0;
        size_t last = b == to[c].block ? to[c].line : cell.blocks[b].lines.size();
        if (first >= last) continue;
        const auto& para = row.cells[c][b];
        double top = y + pad_y + cell.tops[b] + cell.blocks[b].lines[first].top - origin;
        if (first == 0) {
          const auto& block = cell.blocks[b];
          if (!cell.markers[b].empty()) {
            double dy = block.lines[0].baseline - cell.markers[b].lines[0].baseline;
            flow.add(DrawText{cell.markers[b], 0, cell.markers[b].lines.size(), cx, top + dy});
          }
        }
        flow.add(DrawText{cell.blocks[b], first, last, cx + para.indent, top});
      }
      flow.add(TagEnd{"TD"});
    }
    flow.close("TR");
    flow.add(StrokeLine{x0, y + h, x0 + table_width(), y + h, 0.5, palette::rule});
    flow.advance(h);
  }

  void place_row(const TableRow& row, const TableRow* next) {
    std::vector<LaidCell> cells;
    if (row.group) {
      cells.push_back(lay_cell(ts, row.cells[0], table_width()));
    } else {
      for (size_t c = 0; c < row.cells.size(); ++c)
        cells.push_back(lay_cell(ts, row.cells[c], widths[c]));
    }
    std::vector<double> saved_xs = xs;
    if (row.group) xs = {0};
    std::vector<Cursor> at(cells.size());
    double full = 0;
    for (const auto& c : cells) full = std::max(full, c.height);
    full += 2 * pad_y;
    double page_room = flow.geometry().content_height() - header_height - 30;
    // A group row (a card's title) stays with the start of what follows.
    double keep = full;
    if (row.group && next) keep += 3 * line_height(styles::table_cell()) + 2 * pad_y;
    bool moved = false;    // a page was started for this row and nothing drawn since
    bool started = false;  // part of the row is drawn already
    while (true) {
      double needed = 0;
      for (size_t c = 0; c < cells.size(); ++c)
        needed = std::max(needed, rest_height(cells[c], at[c]));
      needed += 2 * pad_y;
      double room = flow.space_left();
      if ((started ? needed : std::max(needed, keep)) <= room + 0.01) {
        std::vector<Cursor> end(cells.size());
        for (size_t c = 0; c < cells.size(); ++c) end[c] = {cells[c].blocks.size(), 0};
        draw_slice(row, cells, at, end, needed);
        break;
      }
      // A row that fits on a fresh page moves there whole, unless it is tall
      // and this page still has room for a good part of it: then it is split
      // between lines.
      bool tall =
          needed > page_room * 0.5 && room > 4 * line_height(styles::table_cell()) + 2 * pad_y;
      if (!moved && (!tall || started)) {
        start_page_continued();
        moved = true;
        continue;
      }
      std::vector<Cursor> end(cells.size());
      double h = 0;
      bool progress = false;
      for (size_t c = 0; c < cells.size(); ++c) {
        end[c] = fit_lines(cells[c], at[c], room - 2 * pad_y);
        if (end[c].block != at[c].block || end[c].line != at[c].line) progress = true;
        h = std::max(h, rest_height(cells[c], at[c]) - rest_height(cells[c], end[c]));
      }
      if (!progress) {
        start_page_continued();
        moved = true;
        continue;
      }
      draw_slice(row, cells, at, end, h + 2 * pad_y);
      at = end;
      started = true;
      bool all_done = true;
      for (size_t c = 0; c < cells.size(); ++c) all_done = all_done && done(cells[c], at[c]);
      if (all_done) break;
      start_page_continued();
      moved = true;
    }
    xs = saved_xs;
    if (!row.group) row_number++;
  }
};

}  // namespace

std::optional<std::vector<double>> fit_columns(Typesetter& ts, const TableSpec& table,
                                               double width) {
  size_t n = table.headers.empty() ? (table.rows.empty() ? 0 : table.rows[0].cells.size())
                                   : table.headers.size();
  if (n == 0) return std::nullopt;
  if (!table.fixed_fractions.empty()) {
    std::vector<double> w;
    for (double f : table.fixed_fractions) w.push_back(f * width);
    return w;
  }
  std::vector<Measure> m(n);
  for (size_t c = 0; c < n; ++c) {
    if (c < table.headers.size()) {
      auto header = ts.measure(plain(table.headers[c]), styles::table_header());
      m[c].min = header.widest_word + 2 * pad_x;
      m[c].max = header.natural + 2 * pad_x;
    }
  }
  for (const auto& row : table.rows) {
    if (row.group) continue;
    for (size_t c = 0; c < n && c < row.cells.size(); ++c) {
      std::vector<std::pair<double, double>> paras;
      for (const auto& p : row.cells[c]) {
        auto measured = ts.measure(p.text, p.style);
        double word = std::min(word_cap, measured.widest_word);
        double natural = measured.natural;
        m[c].min = std::max(m[c].min, word + p.indent + 2 * pad_x);
        m[c].max = std::max(m[c].max, natural + p.indent + 2 * pad_x);
        paras.push_back({natural + p.indent, line_height(p.style)});
      }
      m[c].paras.push_back(std::move(paras));
    }
  }
  double min_total = 0;
  for (const auto& c : m) min_total += c.min;
  if (min_total > width + 0.01) return std::nullopt;

  std::vector<double> w(n);
  for (size_t c = 0; c < n; ++c) w[c] = m[c].min;
  size_t rows = 0;
  for (const auto& c : m) rows = std::max(rows, c.paras.size());
  auto total_height = [&](const std::vector<double>& widths) {
    double h = 0;
    for (size_t r = 0; r < rows; ++r) {
      double row_h = 0;
      for (size_t c = 0; c < n; ++c)
        if (r < m[c].paras.size()) row_h = std::max(row_h, estimate(m[c].paras[r], widths[c]));
      h += row_h;
    }
    return h;
  };
  double slice = (width - min_total) / width_slices;
  double left = width - min_total;
  if (slice > 0.5) {
    for (int i = 0; i < width_slices; ++i) {
      double best_gain = 0;
      size_t best = n;
      double current = total_height(w);
      for (size_t c = 0; c < n; ++c) {
        if (is_narrow(table, c) || w[c] >= m[c].max) continue;
        w[c] += slice;
        double gain = current - total_height(w);
        w[c] -= slice;
        if (gain > best_gain + 1e-6) {
          best_gain = gain;
          best = c;
        }
      }
      if (best == n) break;
      w[best] += slice;
      left -= slice;
    }
  }
  // What is left goes first to columns still short of their natural width,
  // then to all by their width, so that the table spans the measure.
  double short_total = 0;
  auto shortfall = [&](size_t c) {
    return is_narrow(table, c) ? 0.0 : std::max(0.0, m[c].max - w[c]);
  };
  for (size_t c = 0; c < n; ++c) short_total += shortfall(c);
  if (left > 0.01 && short_total > 0.01) {
    double give = std::min(left, short_total);
    for (size_t c = 0; c < n; ++c) w[c] += give * shortfall(c) / short_total;
    left -= give;
  }
  // The rest goes to the columns that hold text, by their width; a narrow
  // column (a year of the grid) keeps the width of its header.
  double sum = 0;
  for (size_t c = 0; c < n; ++c)
    if (!is_narrow(table, c)) sum += w[c];
  if (left > 0.01 && sum > 0)
    for (size_t c = 0; c < n; ++c)
      if (!is_narrow(table, c)) w[c] += left * w[c] / sum;
  return w;
}

namespace {

// The header row and what stays with it: the whole first row when that row
// would move to the next page whole (see place_row), else its first lines.
double start_height(Placer& p, Typesetter& ts, const TableSpec& table,
                    const std::vector<double>& widths) {
  double first = 4 * line_height(styles::table_cell()) + 2 * pad_y;
  if (!table.rows.empty()) {
    const TableRow& row = table.rows[0];
    double h = 0;
    for (size_t c = 0; c < row.cells.size(); ++c)
      h = std::max(h, lay_cell(ts, row.cells[c], row.group ? p.table_width() : widths[c]).height);
    h += 2 * pad_y;
    double page_room = p.flow.geometry().content_height() - p.header_height - 30;
    if (h <= page_room * 0.5) first = std::max(first, h);
    // A card's title bar keeps the start of the card with it (place_row).
    if (row.group && table.rows.size() > 1)
      first = std::max(first, h + 3 * line_height(styles::table_cell()) + 2 * pad_y);
  }
  return p.header_height + first;
}

Placer make_placer(Flow& flow, Typesetter& ts, const TableSpec& table,
                   const std::vector<double>& widths) {
  Placer p{flow, ts, table, widths, {}, {}, 0, 0};
  double x = 0;
  for (double w : widths) {
    p.xs.push_back(x);
    x += w;
  }
  p.prepare_header();
  return p;
}

}  // namespace

double table_start_height(Flow& flow, Typesetter& ts, const TableSpec& table,
                          const std::vector<double>& widths) {
  Placer p = make_placer(flow, ts, table, widths);
  return start_height(p, ts, table, widths);
}

void place_table(Flow& flow, Typesetter& ts, const TableSpec& table,
                 const std::vector<double>& widths) {
  Placer p = make_placer(flow, ts, table, widths);
  flow.ensure(start_height(p, ts, table, widths));
  flow.open("Table");
  p.draw_header();
  for (size_t r = 0; r < table.rows.size(); ++r)
    p.place_row(table.rows[r], r + 1 < table.rows.size() ? &table.rows[r + 1] : nullptr);
  flow.close("Table");
}

}  // namespace carnet::render::booklet
