#include "render/booklet/progress.hpp"

#include <algorithm>
#include <cstdio>

#include "base/language.hpp"
#include "base/text.hpp"
#include "render/booklet/block_layout.hpp"
#include "render/booklet/pdf_writer.hpp"
#include "render/booklet/table_layout.hpp"
#include "wrap/cairo.hpp"

namespace carnet::render::booklet {

namespace {

constexpr size_t max_rows_on_page = 18;

ProgressRow row_of(const SectionEntry& s) {
  ProgressRow r;
  r.label = s.label().empty() ? s.title : s.label();
  r.title = s.title;
  r.depth = s.depth;
  for (auto st : model::all_statuses) {
    auto found = s.counts.per_status.find(st);
    r.per_status.push_back(found == s.counts.per_status.end() ? 0 : found->second);
  }
  r.total = s.counts.actions;
  r.progress_text = s.progress_text;
  return r;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string plural(const std::string& name, const std::string& lang) {
  auto words = base::split(name, ' ');
  std::string out;
  bool fr = base::is_french(lang);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    // French pluralizes nouns and adjectives alike; English only the noun,
    // which comes last.
    bool pluralize =
        fr ? (w.size() > 2 && w != "de" && w != "des" && w != "du") : i + 1 == words.size();
    if (pluralize && !w.empty()) {
      char last = w.back();
      if (last == 's' || last == 'x' || last == 'z') {
      } else if (fr && w.size() > 2 && w.compare(w.size() - 2, 2, "al") == 0) {
        w = w.substr(0, w.size() - 2) + "aux";
      } else if (!fr && last == 'y' && w.size() > 1 &&
                 std::string("aeiou").find(w[w.size() - 2]) == std::string::npos) {
        w = w.substr(0, w.size() - 1) + "ies";
      } else {
        w += 's';
      }
    }
    out += (i ? " " : "") + w;
  }
  return out;
}

std::vector<ProgressRow> progress_rows(const Booklet& booklet) {
  std::vector<ProgressRow> rows;
  ProgressRow total;
  total.label = booklet.words.total;
  for (auto st : model::all_statuses) {
    auto found = booklet.counts.per_status.find(st);
    total.per_status.push_back(found == booklet.counts.per_status.end() ? 0 : found->second);
  }
  total.total = booklet.counts.actions;
  total.progress_text = booklet.progress_text;
  rows.push_back(total);
  size_t two_levels = 1;
  for (const auto& s : booklet.sections) two_levels += 1 + s.children.size();
  bool deep = two_levels <= max_rows_on_page;
  for (const auto& s : booklet.sections) {
    rows.push_back(row_of(s));
    if (deep)
      for (const auto& c : s.children) rows.push_back(row_of(c));
  }
  return rows;
}

std::vector<std::string> tracking_lines(const Booklet& booklet) {
  std::vector<std::string> out;
  const Words& w = booklet.words;
  if (!booklet.as_of_line.empty()) out.push_back(booklet.as_of_line);
  if (!booklet.progress_text.empty())
    out.push_back(w.progress_of + w.colon + booklet.progress_text);
  // Late means something only against a date; without one there is no count.
  if (!booklet.as_of_iso.empty())
    out.push_back(w.late_count + w.colon + std::to_string(booklet.counts.late));
  return out;
}

bool has_progress(const std::vector<ProgressRow>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const ProgressRow& r) { return !r.progress_text.empty(); });
}

std::vector<std::pair<int, std::string>> key_figures(const Booklet& booklet) {
  std::vector<std::pair<int, std::string>> out;
  for (size_t i = 0; i < booklet.level_names.size() && i < booklet.counts.per_level.size(); ++i) {
    int n = booklet.counts.per_level[i];
    bool many = base::is_french(booklet.lang) ? n >= 2 : n != 1;
    out.push_back(
        {n, many ? plural(booklet.level_names[i], booklet.lang) : booklet.level_names[i]});
  }
  int n = booklet.counts.actions;
  out.push_back({n, n == 1 ? booklet.words.one_action : booklet.words.many_actions});
  return out;
}

std::string chart_description(const Booklet& booklet, const std::vector<ProgressRow>& rows) {
  std::string out = booklet.words.figure_alt + ".";
  for (const auto& r : rows) {
    out += " " + r.label + booklet.words.colon;
    std::vector<std::string> parts;
    for (size_t i = 0; i < r.per_status.size(); ++i)
      if (r.per_status[i] > 0)
        parts.push_back(std::to_string(r.per_status[i]) + " " +
                        base::to_lower_ascii(booklet.status_labels[i]));
    out += parts.empty() ? "0" : base::join(parts, ", ");
    out += ".";
  }
  return out;
}

std::string progress_svg(const Booklet& booklet, const std::vector<ProgressRow>& rows,
                         double width) {
  const double label_w = width * 0.30, bar_x = label_w + 8, bar_w = width - bar_x - 34;
  const double row_h = 24, legend_h = 30;
  double height = legend_h + rows.size() * row_h + 6;
  int max_section = 1;
  for (size_t i = 1; i < rows.size(); ++i) max_section = std::max(max_section, rows[i].total);
  auto esc = [](const std::string& s) { return base::html_escape(s); };
  auto color = [](int st) {
    Color c = status_color(st);
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", int(c.r * 255 + 0.5), int(c.g * 255 + 0.5),
                  int(c.b * 255 + 0.5));
    return std::string(buf);
  };
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + number(width) +
         "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + number(width) + " " +
         number(height) + "\" role=\"img\" aria-labelledby=\"t d\">\n";
  svg += "<title id=\"t\">" + esc(booklet.words.progress) + "</title>\n";
  svg += "<desc id=\"d\">" + esc(chart_description(booklet, rows)) + "</desc>\n";
  svg += "<g font-family=\"Noto Sans, Helvetica, Arial, sans-serif\" font-size=\"9\">\n";
  double lx = 0;
  for (size_t st = 0; st < booklet.status_labels.size(); ++st) {
    svg += "<rect x=\"" + number(lx) + "\" y=\"6\" width=\"10\" height=\"10\" rx=\"2\" fill=\"" +
           color(int(st)) + "\"/>";
    svg += "<text x=\"" + number(lx + 14) + "\" y=\"15\" fill=\"#1c1f24\">" +
           esc(booklet.status_labels[st]) + "</text>\n";
    lx += 22 + booklet.status_labels[st].size() * 5.2;
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    double y = legend_h + r * row_h;
    double indent = row.depth > 0 ? 12 : 0;
    std::string weight = row.depth <= 0 ? " font-weight=\"bold\"" : "";
    svg += "<text x=\"" + number(indent) + "\" y=\"" + number(y + 14) + "\"" + weight +
           " fill=\"#1c1f24\">" + esc(row.label) + "</text>\n";
    double scale = r == 0 ? (row.total ? bar_w / row.total : 0) : bar_w / max_section;
    double x = bar_x;
    for (size_t st = 0; st < row.per_status.size(); ++st) {
      if (!row.per_status[st]) continue;
      double w = row.per_status[st] * scale;
      svg += "<rect x=\"" + number(x) + "\" y=\"" + number(y + 4) + "\" width=\"" + number(w) +
             "\" height=\"14\" fill=\"" + color(int(st)) + "\"/>";
      x += w;
    }
    svg += "<text x=\"" + number(x + 5) + "\" y=\"" + number(y + 15) + "\" fill=\"#1c1f24\">" +
           std::to_string(row.total) + "</text>\n";
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

void place_chart(Flow& flow, Typesetter& ts, const Booklet& booklet,
                 const std::vector<ProgressRow>& rows) {
  const double width = flow.width();
  const double label_w = std::min(150.0, width * 0.30), bar_x = flow.left() + label_w + 8;
  const double bar_w = width - label_w - 8 - 30;
  const double row_h = rows.size() > 12 ? 19 : 23, bar_h = rows.size() > 12 ? 11 : 13;
  int max_section = 1;
  for (size_t i = 1; i < rows.size(); ++i) max_section = std::max(max_section, rows[i].total);

  flow.add(TagBegin{"Figure", chart_description(booklet, rows)});
  // Legend.
  double lx = flow.left();
  double ly = flow.y();
  TextStyle legend = styles::running();
  legend.size = 8.5;
  legend.color = palette::ink;
  for (size_t st = 0; st < booklet.status_labels.size(); ++st) {
    TextBlock t = ts.set(booklet.status_labels[st], legend, -1);
    flow.add(FillRect{{lx, ly + 1.5, 9, 9}, status_color(int(st)), 1.5});
    flow.add(DrawText{t, 0, t.lines.size(), lx + 13, ly});
    lx += 13 + t.width + 16;
  }
  flow.advance(24);
  TextStyle label = styles::table_cell();
  label.hyphenate = false;
  label.ellipsize = true;
  TextStyle count = label;
  count.size = 8;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    double y = flow.y();
    TextStyle ls = label;
    ls.bold = row.depth <= 0;
    double indent = row.depth > 0 ? 12 : 0;
    TextBlock t = ts.set(row.label, ls, label_w - indent);
    double by = y + (row_h - bar_h) / 2;
    flow.add(DrawText{t, 0, t.lines.size(), flow.left() + indent,
                      by + bar_h / 2 - t.lines[0].baseline + 3});
    // The whole plan as shares of one full bar; sections on a common scale.
    double scale = r == 0 ? (row.total ? bar_w / row.total : 0) : bar_w / max_section;
    double x = bar_x;
    flow.add(FillRect{{bar_x, by, bar_w, bar_h}, palette::zebra});
    for (size_t st = 0; st < row.per_status.size(); ++st) {
      int n = row.per_status[st];
      if (!n) continue;
      double w = n * scale;
      flow.add(FillRect{{x, by, w, bar_h}, status_color(int(st))});
      if (w >= 14) {
        TextStyle cs = count;
        cs.color = st == 0 || st == 1 ? palette::ink : palette::white;
        cs.align = TextStyle::Align::center;
        TextBlock c = ts.set(std::to_string(n), cs, w);
        flow.add(DrawText{c, 0, c.lines.size(), x, by + bar_h / 2 - c.lines[0].baseline + 3});
      }
      x += w;
    }
    TextStyle ts_total = count;
    ts_total.bold = true;
    TextBlock tt = ts.set(std::to_string(row.total), ts_total, -1);
    flow.add(DrawText{tt, 0, tt.lines.size(), bar_x + (r == 0 ? bar_w : row.total * scale) + 5,
                      by + bar_h / 2 - tt.lines[0].baseline + 3});
    if (r == 0)
      flow.add(StrokeLine{flow.left(), y + row_h + 3, flow.left() + width, y + row_h + 3, 0.5,
                          palette::rule});
    flow.advance(row_h + (r == 0 ? 6 : 0));
  }
  flow.add(TagEnd{"Figure"});
}

std::string chart_png(const Booklet& booklet, double width, double scale) {
  std::lock_guard lock(typesetting_mutex());
  auto rows = progress_rows(booklet);
  Typesetter ts(booklet.lang);
  PageGeometry g;
  g.width = width;
  g.height = 10000;
  g.left = g.right = 0;
  g.top = 4;
  std::vector<Page> pages;
  Flow flow(g, pages);
  flow.new_page();
  place_chart(flow, ts, booklet, rows);
  double height = flow.y() + 4;
  auto surface = wrap::make_image_surface(CAIRO_FORMAT_RGB24, static_cast<int>(width * scale + 0.5),
                                          static_cast<int>(height * scale + 0.5));
  auto cr = wrap::make_cairo(surface.get());
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  draw_page(cr.get(), pages.front());
  cr.reset();
  cairo_surface_flush(surface.get());
  return wrap::write_png(surface.get(), "drawing the progress chart");
}

void place_progress(Flow& flow, Typesetter& ts, const Booklet& booklet) {
  auto rows = progress_rows(booklet);
  // As of when, how far along, how many late: above the figures, as the
  // web page's overview has them.
  auto lines = tracking_lines(booklet);
  if (!lines.empty()) {
    TextStyle first = styles::field_label();
    first.size = 11;
    TextStyle rest = styles::running();
    rest.size = 10;
    rest.color = palette::ink;
    for (size_t i = 0; i < lines.size(); ++i) {
      TextBlock t = ts.set(lines[i], i == 0 ? first : rest, flow.width());
      flow.text(t, 0, "P");
      flow.advance(i == 0 ? 4 : 2);
    }
    flow.advance(14);
  }
  // Key figures: big numbers with their level names.
  auto figures = key_figures(booklet);
  double box_w = flow.width() / std::max<size_t>(figures.size(), 1);
  TextStyle big = styles::heading(1);
  big.size = 26;
  big.align = TextStyle::Align::left;
  TextStyle small = styles::running();
  small.size = 9;
  double top = flow.y();
  double tallest = 0;
  flow.open("L");
  for (size_t i = 0; i < figures.size(); ++i) {
    TextBlock n = ts.set(std::to_string(figures[i].first), big, box_w - 8);
    TextBlock l = ts.set(figures[i].second, small, box_w - 8);
    double x = flow.left() + i * box_w;
    flow.add(FillRect{{x, top, 2.5, n.height() + l.height()}, palette::accent});
    flow.add(TagBegin{"LI", ""});
    flow.add(TagBegin{"LBody", ""});
    flow.add(DrawText{n, 0, n.lines.size(), x + 9, top});
    flow.add(DrawText{l, 0, l.lines.size(), x + 9, top + n.height()});
    flow.add(TagEnd{"LBody"});
    flow.add(TagEnd{"LI"});
    tallest = std::max(tallest, n.height() + l.height());
  }
  flow.close("L");
  flow.advance(tallest + 24);

  place_chart(flow, ts, booklet, rows);
  flow.advance(18);

  // The same numbers as a table: what the chart shows, readable by anyone,
  // with each level's progress in a last column; where that column does not
  // fit (a half page), under the level's name.
  auto make_table = [&](bool progress_column) {
    TableSpec table;
    table.headers.push_back(booklet.words.section);
    for (const auto& l : booklet.status_labels) table.headers.push_back(l);
    table.headers.push_back(booklet.words.total_column);
    if (progress_column) table.headers.push_back(booklet.words.progress_of);
    table.numbers_from = 1;
    for (const auto& row : rows) {
      // The table keeps to the outermost level so that the page stays one
      // page; the chart and its description carry the rest.
      if (row.depth > 0) continue;
      TableRow tr;
      CellPara name;
      name.style = styles::table_cell();
      name.style.bold = row.depth <= 0;
      name.style.hyphenate = false;
      name.indent = row.depth > 0 ? 8 : 0;
      name.text = plain(row.depth < 0 ? row.label : heading_text(row.label, row.title));
      CellContent name_cell{name};
      if (!progress_column && !row.progress_text.empty()) {
        CellPara p = name;
        p.style.bold = false;
        p.style.color = palette::muted;
        p.space_before = 2;
        p.text = plain(booklet.words.progress_of + booklet.words.colon + row.progress_text);
        name_cell.push_back(p);
      }
      tr.cells.push_back(name_cell);
      for (int v : row.per_status) {
        CellPara c;
        c.style = styles::table_cell();
        c.style.align = TextStyle::Align::right;
        c.text = plain(v ? std::to_string(v) : "\u2013");
        tr.cells.push_back({c});
      }
      CellPara t;
      t.style = styles::table_cell();
      t.style.bold = true;
      t.style.align = TextStyle::Align::right;
      t.text = plain(std::to_string(row.total));
      tr.cells.push_back({t});
      if (progress_column) {
        CellPara p;
        p.style = styles::table_cell();
        p.style.align = TextStyle::Align::right;
        p.text = plain(row.progress_text.empty() ? "\u2013" : row.progress_text);
        tr.cells.push_back({p});
      }
      table.rows.push_back(std::move(tr));
    }
    return table;
  };
  const bool progress = has_progress(rows);
  TableSpec table = make_table(progress);
  // Columns sized like any table; on a narrow page where the status names
  // do not fit side by side, the numbers share what the names leave.
  std::vector<double> widths;
  auto fitted = fit_columns(ts, table, flow.width());
  if (!fitted && progress) {
    table = make_table(false);
    fitted = fit_columns(ts, table, flow.width());
  }
  if (fitted) {
    widths = *fitted;
  } else {
    double numbers_w = flow.width() * 0.6 / (table.headers.size() - 1);
    widths.push_back(flow.width() - numbers_w * (table.headers.size() - 1));
    for (size_t i = 1; i < table.headers.size(); ++i) widths.push_back(numbers_w);
  }
  place_table(flow, ts, table, widths);

  if (!booklet.progress_rule.empty()) {
    flow.space(10);
    TextStyle rule = styles::body_small();
    rule.color = palette::muted;
    place_blocks(flow, ts, {paragraph(booklet.progress_rule)}, rule);
  }
}

}  // namespace carnet::render::booklet
