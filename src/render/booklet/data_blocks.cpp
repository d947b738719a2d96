#include "render/booklet/data_blocks.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "render/booklet/table_layout.hpp"
#include "view/palette.hpp"

namespace carnet::render::booklet {

namespace {

Color color_of(view::Rgb c) { return {c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

TextStyle sans(const TextStyle& base, double scale, bool bold) {
  TextStyle s = base;
  s.family = "Noto Sans";
  s.size = base.size * scale;
  s.bold = bold;
  s.hyphenate = false;
  s.align = TextStyle::Align::left;
  return s;
}

void draw(Flow& flow, const TextBlock& t, double x, double y) {
  if (!t.empty()) flow.add(DrawText{t, 0, t.lines.size(), x, y});
}

void place_figures(Flow& flow, Typesetter& ts, const std::vector<view::FigureView>& figures,
                   const TextStyle& style, double indent) {
  const double gap = 8, pad = 7, width = flow.width() - indent;
  const size_t per_row = std::min<size_t>(4, std::max<size_t>(1, figures.size()));
  const double cw = (width - gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  TextStyle value_style = sans(style, 2.1, true);
  value_style.color = palette::primary;
  const TextStyle label_style = sans(style, 0.9, true);
  TextStyle note_style = sans(style, 0.8, false);
  note_style.color = palette::muted;
  flow.open("L");
  for (size_t first = 0; first < figures.size(); first += per_row) {
    struct Cell {
      TextBlock value, label, note;
      std::string value_text;
    };
    std::vector<Cell> cells;
    double h = 0;
    for (size_t i = first; i < figures.size() && i < first + per_row; ++i) {
      const auto& f = figures[i];
      Cell c{ts.set(f.value, value_style, cw - 2 * pad),
             ts.set(plain(f.label.value), label_style, cw - 2 * pad,
                    f.label.fallback ? f.label.lang : ""),
             f.note.empty() ? TextBlock{}
                            : ts.set(plain(f.note.value), note_style, cw - 2 * pad,
                                     f.note.fallback ? f.note.lang : ""),
             f.value};
      h = std::max(h, c.value.height() + c.label.height() + c.note.height() + 2 * pad + 3);
      cells.push_back(std::move(c));
    }
    flow.ensure(h);
    const double top = flow.y();
    for (size_t k = 0; k < cells.size(); ++k) {
      const auto& c = cells[k];
      const double x = flow.left() + indent + static_cast<double>(k) * (cw + gap);
      flow.add(FillRect{{x, top, cw, h}, palette::primary_light, 0});
      flow.add(FillRect{{x, top, cw, 3}, palette::primary, 0});
      flow.add(TagBegin{"LI", ""});
      flow.add(TagBegin{"Lbl", ""});
      double y = top + 3 + pad;
      draw(flow, c.value, x + pad, y);
      flow.add(TagEnd{"Lbl"});
      flow.add(TagBegin{"LBody", ""});
      y += c.value.height();
      draw(flow, c.label, x + pad, y);
      y += c.label.height();
      draw(flow, c.note, x + pad, y);
      flow.add(TagEnd{"LBody"});
      flow.add(TagEnd{"LI"});
    }
    flow.advance(h);
    flow.space(gap);
  }
  flow.close("L");
  flow.space(style.size * 0.5);
}

void place_chart(Flow& flow, Typesetter& ts, const view::ChartView& c, const TextStyle& style,
                 double indent) {
  const double width = flow.width() - indent;
  const double height = std::min(190.0, width * 0.5);
  const TextStyle small = sans(style, 0.75, false);
  TextBlock title = ts.set(plain(c.title.value), sans(style, 1.0, true), width,
                           c.title.fallback ? c.title.lang : "");
  // Tick labels decide the plot's left edge.
  std::vector<TextBlock> ticks;
  double tick_w = 0;
  for (const auto& t : c.tick_texts) {
    ticks.push_back(ts.set(t, small, -1));
    tick_w = std::max(tick_w, ticks.back().width);
  }
  const size_t n = c.labels.size();
  const double left = flow.left() + indent + tick_w + 6, right = flow.left() + indent + width;
  const double band = n ? (right - left) / static_cast<double>(n) : right - left;
  TextStyle label_style = small;
  label_style.align = TextStyle::Align::center;
  std::vector<TextBlock> labels;
  double label_h = 0;
  for (const auto& l : c.labels) {
    labels.push_back(ts.set(plain(l.value), label_style, band - 4, l.fallback ? l.lang : ""));
    label_h = std::max(label_h, labels.back().height());
  }
  std::vector<TextBlock> legend;
  if (c.legend)
    for (const auto& s : c.series) legend.push_back(ts.set(plain(s.name.value), small, -1));
  const double legend_h = legend.empty() ? 0 : small.size * 1.8;
  const double total = title.height() + 6 + height + 4 + label_h + legend_h;
  flow.ensure(total);
  flow.add(TagBegin{"Figure", c.alt});
  double y = flow.y();
  draw(flow, title, flow.left() + indent, y);
  y += title.height() + 6;
  const double top = y, bottom = y + height;
  auto vy = [&](double v) { return top + (bottom - top) * (c.high - v) / (c.high - c.low); };
  for (size_t i = 0; i < c.ticks.size(); ++i) {
    const double ty = vy(c.ticks[i]);
    flow.add(StrokeLine{left, ty, right, ty, 0.4, palette::rule, false});
    draw(flow, ticks[i], left - 6 - ticks[i].width, ty - ticks[i].height() / 2);
  }
  const size_t k = c.series.size();
  for (size_t s = 0; s < k; ++s) {
    const auto& series = c.series[s];
    const Color color = color_of(view::series_color(s));
    const size_t m = std::min(series.values.size(), n);
    if (c.kind == model::ChartKind::bar) {
      const double group = band * 0.7, bw = group / static_cast<double>(k);
      for (size_t i = 0; i < m; ++i) {
        const double x =
            left + band * static_cast<double>(i) + band * 0.15 + bw * static_cast<double>(s);
        const double y0 = vy(0), y1 = vy(series.values[i]);
        flow.add(FillRect{{x, std::min(y0, y1), bw * 0.92, std::abs(y0 - y1)}, color, 0});
      }
    } else {
      auto px = [&](size_t i) { return left + band * (static_cast<double>(i) + 0.5); };
      for (size_t i = 1; i < m; ++i)
        flow.add(StrokeLine{px(i - 1), vy(series.values[i - 1]), px(i), vy(series.values[i]), 2,
                            color, false});
      for (size_t i = 0; i < m; ++i)
        flow.add(FillRect{{px(i) - 3, vy(series.values[i]) - 3, 6, 6}, color, 3});
    }
  }
  flow.add(StrokeLine{left, vy(0), right, vy(0), 0.8, palette::ink, false});
  for (size_t i = 0; i < n; ++i)
    draw(flow, labels[i], left + band * static_cast<double>(i) + 2, bottom + 4);
  double lx = flow.left() + indent;
  const double ly = bottom + 4 + label_h + small.size * 0.5;
  for (size_t s = 0; s < legend.size(); ++s) {
    flow.add(FillRect{{lx, ly + 1, 8, 8}, color_of(view::series_color(s)), 1});
    draw(flow, legend[s], lx + 11, ly);
    lx += 11 + legend[s].width + 14;
  }
  flow.add(TagEnd{"Figure"});
  flow.advance(total);
  flow.space(style.size * 0.8);
}

void place_excerpt(Flow& flow, Typesetter& ts, const view::ExcerptView& e, const TextStyle& style,
                   double indent) {
  std::string source = e.plan_title.value + (e.level.empty() ? "" : " — " + e.level);
  flow.text(ts.set(plain(source), sans(style, 0.95, true), flow.width() - indent), indent, "P");
  flow.space(style.size * 0.3);
  if (e.rows.empty()) {
    flow.text(ts.set(plain(e.none), style, flow.width() - indent), indent, "P");
    flow.space(style.size * 0.5);
    return;
  }
  TableSpec spec;
  spec.headers = e.headers;
  const TextStyle cell = styles::table_cell();
  for (const auto& r : e.rows) {
    TableRow row;
    row.dest = "";
    auto para = [&](const std::string& t, const std::string& lang = "") {
      CellContent c;
      c.push_back(CellPara{plain(t), cell, lang, 0, "", std::nullopt, 0});
      return c;
    };
    row.cells.push_back(para(r.action.code));
    row.cells.push_back(
        para(r.action.title.value, r.action.title.fallback ? r.action.title.lang : ""));
    CellContent status = para(r.action.status.word);
    status.front().indent = cell.size * 1.25;
    status.front().bullet = view::status_mark(r.action.status.status);
    status.front().bullet_color = color_of(r.action.status.colors.strong);
    status.front().bullet_family = status_mark_family;
    row.cells.push_back(std::move(status));
    row.cells.push_back(para(r.date));
    spec.rows.push_back(std::move(row));
  }
  const double width = flow.width() - indent;
  auto widths = fit_columns(ts, spec, width);
  if (!widths) widths = std::vector<double>{width * 0.12, width * 0.5, width * 0.2, width * 0.18};
  place_table(flow, ts, spec, *widths);
  flow.space(style.size * 0.8);
}

// EPUB: a small inline SVG, the same drawing as the web page's in fewer words.
void chart_svg(wrap::XmlWriter& w, const view::ChartView& c) {
  const double width = 480, height = 240, left = 44, right = 8, top = 8, bottom = 32;
  const double pw = width - left - right, ph = height - top - bottom;
  const size_t n = c.labels.size();
  const double band = n ? pw / static_cast<double>(n) : pw;
  auto y = [&](double v) { return top + ph * (c.high - v) / (c.high - c.low); };
  w.start("svg");
  w.attribute("xmlns", "http://www.w3.org/2000/svg");
  w.attribute("viewBox", "0 0 480 240");
  w.attribute("role", "img");
  w.attribute("aria-label", c.alt);
  w.attribute("class", "data-chart");
  w.start("title");
  w.text(c.title.value);
  w.end();
  for (size_t i = 0; i < c.ticks.size(); ++i) {
    w.start("line");
    w.attribute("x1", num(left));
    w.attribute("x2", num(width - right));
    w.attribute("y1", num(y(c.ticks[i])));
    w.attribute("y2", num(y(c.ticks[i])));
    w.attribute("stroke", "#c9ccd1");
    w.end();
    w.start("text");
    w.attribute("x", num(left - 4));
    w.attribute("y", num(y(c.ticks[i]) + 4));
    w.attribute("font-size", "11");
    w.attribute("text-anchor", "end");
    w.text(c.tick_texts[i]);
    w.end();
  }
  for (size_t i = 0; i < n; ++i) {
    w.start("text");
    w.attribute("x", num(left + band * (static_cast<double>(i) + 0.5)));
    w.attribute("y", num(top + ph + 16));
    w.attribute("font-size", "11");
    w.attribute("text-anchor", "middle");
    w.text(c.labels[i].value);
    w.end();
  }
  const size_t k = c.series.size();
  for (size_t s = 0; s < k; ++s) {
    const auto& series = c.series[s];
    const std::string color = view::series_color(s).hex();
    const size_t m = std::min(series.values.size(), n);
    if (c.kind == model::ChartKind::bar) {
      const double bw = band * 0.7 / static_cast<double>(k);
      for (size_t i = 0; i < m; ++i) {
        const double y0 = y(0), y1 = y(series.values[i]);
        w.start("rect");
        w.attribute("x", num(left + band * static_cast<double>(i) + band * 0.15 +
                             bw * static_cast<double>(s)));
        w.attribute("y", num(std::min(y0, y1)));
        w.attribute("width", num(bw * 0.92));
        w.attribute("height", num(std::abs(y0 - y1)));
        w.attribute("fill", color);
        w.end();
      }
    } else {
      std::string points;
      for (size_t i = 0; i < m; ++i)
        points += (i ? " " : "") + num(left + band * (static_cast<double>(i) + 0.5)) + "," +
                  num(y(series.values[i]));
      w.start("polyline");
      w.attribute("fill", "none");
      w.attribute("stroke", color);
      w.attribute("stroke-width", "2.5");
      w.attribute("points", points);
      w.end();
    }
  }
  w.end();  // svg
}

void element(wrap::XmlWriter& w, const char* name, const std::string& text,
             const char* cls = nullptr) {
  w.start(name);
  if (cls) w.attribute("class", cls);
  w.text(text);
  w.end();
}

void lang_attr(wrap::XmlWriter& w, const view::Text& t) {
  if (t.fallback) w.attribute("xml:lang", t.lang);
}

}  // namespace

DataBlockSource page_data_blocks(const model::Site& site, const model::Page& page,
                                 const std::string& lang) {
  auto views = std::make_shared<std::map<int, std::shared_ptr<const view::DataBlockView>>>();
  for (const auto& b : page.blocks)
    (*views)[b.line] =
        std::make_shared<const view::DataBlockView>(view::data_block_view(site, b, lang));
  return [views](int line) -> std::shared_ptr<const view::DataBlockView> {
    auto found = views->find(line);
    return found == views->end() ? nullptr : found->second;
  };
}

void place_data_block(Flow& flow, Typesetter& ts, const view::DataBlockView& block,
                      const TextStyle& style, double indent) {
  switch (block.kind) {
    case model::DataBlock::Kind::figures:
      place_figures(flow, ts, block.figures, style, indent);
      break;
    case model::DataBlock::Kind::chart:
      place_chart(flow, ts, block.chart, style, indent);
      break;
    case model::DataBlock::Kind::plan:
      place_excerpt(flow, ts, block.excerpt, style, indent);
      break;
  }
}

void write_data_block_xhtml(wrap::XmlWriter& w, const view::DataBlockView& block) {
  switch (block.kind) {
    case model::DataBlock::Kind::figures:
      w.start("dl");
      w.attribute("class", "key-figures");
      for (const auto& f : block.figures) {
        w.start("div");
        w.attribute("class", "key-figure");
        w.start("dt");
        lang_attr(w, f.label);
        w.text(f.label.value);
        w.end();
        element(w, "dd", f.value, "figure-value");
        if (!f.note.empty()) {
          w.start("dd");
          w.attribute("class", "figure-note");
          lang_attr(w, f.note);
          w.text(f.note.value);
          w.end();
        }
        w.end();
      }
      w.end();
      break;
    case model::DataBlock::Kind::chart: {
      const auto& c = block.chart;
      w.start("figure");
      w.attribute("class", "data-chart");
      element(w, "figcaption", c.title.value);
      chart_svg(w, c);
      w.start("table");
      w.attribute("class", "chart-data");
      element(w, "caption", c.table_caption);
      w.start("tr");
      element(w, "td", "");
      for (const auto& s : c.series)
        element(w, "th", s.name.empty() ? c.title.value : s.name.value);
      w.end();
      for (size_t i = 0; i < c.labels.size(); ++i) {
        w.start("tr");
        element(w, "th", c.labels[i].value);
        for (const auto& s : c.series)
          element(w, "td", i < s.value_texts.size() ? s.value_texts[i] : "");
        w.end();
      }
      w.end();  // table
      w.end();  // figure
      break;
    }
    case model::DataBlock::Kind::plan: {
      const auto& e = block.excerpt;
      element(w, "p", e.plan_title.value + (e.level.empty() ? "" : " — " + e.level),
              "excerpt-source");
      if (e.rows.empty()) {
        element(w, "p", e.none);
        break;
      }
      w.start("table");
      w.attribute("class", "excerpt");
      w.start("thead");
      w.start("tr");
      for (const auto& h : e.headers) element(w, "th", h);
      w.end();
      w.end();
      w.start("tbody");
      for (const auto& r : e.rows) {
        w.start("tr");
        element(w, "td", r.action.code);
        w.start("td");
        lang_attr(w, r.action.title);
        w.text(r.action.title.value);
        w.end();
        element(w, "td", r.action.status.word, ("status status-" + r.action.status.key).c_str());
        element(w, "td", r.date);
        w.end();
      }
      w.end();
      w.end();
      break;
    }
  }
}

void write_data_block_odt(wrap::XmlWriter& w, const view::DataBlockView& block) {
  // A table of label and value rows reads in every word processor; the ODT
  // gives the chart as its numbers (a drawn chart would need an embedded
  // chart object).
  auto table = [&](const std::vector<std::string>& header,
                   const std::vector<std::vector<std::string>>& rows) {
    w.start("table:table");
    w.attribute("table:style-name", "ActionTable");
    w.start("table:table-column");
    w.attribute("table:number-columns-repeated", std::to_string(header.size()));
    w.end();
    auto row = [&](const std::vector<std::string>& cells, const char* style) {
      w.start("table:table-row");
      for (const auto& c : cells) {
        w.start("table:table-cell");
        w.attribute("table:style-name",
                    std::string_view(style) == "Table_20_Heading" ? "HeadCell" : "BodyCell");
        w.attribute("office:value-type", "string");
        w.start("text:p");
        w.attribute("text:style-name", style);
        w.text(c);
        w.end();
        w.end();
      }
      w.end();
    };
    w.start("table:table-header-rows");
    row(header, "Table_20_Heading");
    w.end();
    for (const auto& r : rows) row(r, "Table_20_Contents");
    w.end();
  };
  auto para = [&](const std::string& text, const char* style) {
    w.start("text:p");
    w.attribute("text:style-name", style);
    w.text(text);
    w.end();
  };
  switch (block.kind) {
    case model::DataBlock::Kind::figures: {
      std::vector<std::string> header;
      std::vector<std::string> values;
      for (const auto& f : block.figures) {
        header.push_back(f.value);
        values.push_back(f.label.value + (f.note.empty() ? "" : " — " + f.note.value));
      }
      table(header, {values});
      break;
    }
    case model::DataBlock::Kind::chart: {
      const auto& c = block.chart;
      para(c.title.value, "Table_20_Heading");
      std::vector<std::string> header{""};
      for (const auto& s : c.series)
        header.push_back(s.name.empty() ? c.title.value : s.name.value);
      std::vector<std::vector<std::string>> rows;
      for (size_t i = 0; i < c.labels.size(); ++i) {
        std::vector<std::string> r{c.labels[i].value};
        for (const auto& s : c.series)
          r.push_back(i < s.value_texts.size() ? s.value_texts[i] : "");
        rows.push_back(std::move(r));
      }
      table(header, rows);
      break;
    }
    case model::DataBlock::Kind::plan: {
      const auto& e = block.excerpt;
      para(e.plan_title.value + (e.level.empty() ? "" : " — " + e.level), "Text_20_body");
      if (e.rows.empty()) {
        para(e.none, "Text_20_body");
        break;
      }
      std::vector<std::vector<std::string>> rows;
      for (const auto& r : e.rows)
        rows.push_back({r.action.code, r.action.title.value, r.action.status.word, r.date});
      table(e.headers, rows);
      break;
    }
  }
}

}  // namespace carnet::render::booklet
