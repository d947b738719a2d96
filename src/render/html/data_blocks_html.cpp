#include "render/html/data_blocks_html.hpp"

#include <cstdio>

#include "base/text.hpp"
#include "base/url.hpp"

namespace carnet::render::html {

namespace {

void append_text(std::string& out, const view::Text& t) {
  if (t.fallback) out += "<span lang=\"" + t.lang + "\">";
  base::html_escape_to(out, t.value);
  if (t.fallback) out += "</span>";
}

// Plain text for SVG <text> and <title>, where a lang is set on the element.
std::string attr_lang(const view::Text& t) {
  return t.fallback ? " lang=\"" + t.lang + "\"" : std::string();
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Where to cut a chart label that would not fit `band` units at 12 units a
// character's 0.6 em; npos to keep it whole.
size_t label_cut(const std::string& label, double band) {
  size_t chars = 0;
  for (unsigned char ch : label) chars += (ch & 0xC0) != 0x80;
  if (static_cast<double>(chars) * 7.2 <= band - 4) return std::string::npos;
  size_t best = std::string::npos;
  const size_t middle = label.size() / 2;
  for (size_t at = label.find(' '); at != std::string::npos; at = label.find(' ', at + 1))
    if (best == std::string::npos ||
        (at > middle ? at - middle : middle - at) < (best > middle ? best - middle : middle - best))
      best = at;
  return best;
}

std::string figures_html(const std::vector<view::FigureView>& figures) {
  // A description list: each label is a term, its number and note what
  // describes it; the number is moved above its label by the stylesheet.
  std::string out = "<dl class=\"key-figures\">\n";
  for (const auto& f : figures) {
    out += "<div class=\"key-figure\"><dt>";
    append_text(out, f.label);
    out += "</dt><dd class=\"figure-value\">";
    base::html_escape_to(out, f.value);
    out += "</dd>";
    if (!f.note.empty()) {
      out += "<dd class=\"figure-note\">";
      append_text(out, f.note);
      out += "</dd>";
    }
    out += "</div>\n";
  }
  return out + "</dl>\n";
}

// The chart's drawing. Sizes are in the viewBox's units; the SVG scales to
// its column, so on a phone the text shrinks with it and the table carries
// the numbers.
std::string chart_svg(const view::ChartView& c, const std::string& title_id) {
  const double width = 640, height = 300, left = 56, right = 16, top = 16, bottom = 44;
  const double pw = width - left - right, ph = height - top - bottom;
  const size_t n = c.labels.size();
  const double band = n ? pw / static_cast<double>(n) : pw;
  auto y = [&](double v) { return top + ph * (c.high - v) / (c.high - c.low); };

  std::string out = "<svg class=\"chart\" viewBox=\"0 0 640 300\" role=\"img\" aria-labelledby=\"" +
                    title_id + "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
  out += "<g class=\"chart-grid\" font-size=\"12\" text-anchor=\"end\">\n";
  for (size_t i = 0; i < c.ticks.size(); ++i) {
    const double ty = y(c.ticks[i]);
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(ty) +
           "\" y2=\"" + num(ty) + "\" stroke=\"#c9ccd1\"/>";
    out += "<text x=\"" + num(left - 6) + "\" y=\"" + num(ty + 4) + "\" fill=\"#4a4a4a\">" +
           base::html_escape(c.tick_texts[i]) + "</text>\n";
  }
  out +=
      "</g>\n<g class=\"chart-labels\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1b1b1b\">\n";
  for (size_t i = 0; i < n; ++i) {
    const std::string x = num(left + band * (static_cast<double>(i) + 0.5));
    out += "<text x=\"" + x + "\" y=\"" + num(top + ph + 18) + "\"" + attr_lang(c.labels[i]) + ">";
    // SVG text does not wrap: a label wider than its band goes on two lines,
    // cut at the space nearest its middle.
    const std::string& label = c.labels[i].value;
    const size_t cut = label_cut(label, band);
    if (cut == std::string::npos) {
      base::html_escape_to(out, label);
    } else {
      out += "<tspan x=\"" + x + "\">" + base::html_escape(label.substr(0, cut)) +
             "</tspan><tspan x=\"" + x + "\" dy=\"14\">" +
             base::html_escape(label.substr(cut + 1)) + "</tspan>";
    }
    out += "</text>\n";
  }
  out += "</g>\n";
  const size_t k = c.series.size();
  for (size_t s = 0; s < k; ++s) {
    const auto& series = c.series[s];
    const std::string color = view::series_color(s).hex();
    out += "<g class=\"chart-series\" fill=\"" + color + "\">";
    if (c.kind == model::ChartKind::bar) {
      const double group = band * 0.7, bw = group / static_cast<double>(k);
      for (size_t i = 0; i < series.values.size() && i < n; ++i) {
        const double x =
            left + band * static_cast<double>(i) + band * 0.15 + bw * static_cast<double>(s);
        const double y0 = y(0), y1 = y(series.values[i]);
        out += "<rect x=\"" + num(x) + "\" y=\"" + num(std::min(y0, y1)) + "\" width=\"" +
               num(bw * 0.92) + "\" height=\"" + num(std::abs(y0 - y1)) + "\"/>";
      }
    } else {
      std::string points;
      for (size_t i = 0; i < series.values.size() && i < n; ++i)
        points += (i ? " " : "") + num(left + band * (static_cast<double>(i) + 0.5)) + "," +
                  num(y(series.values[i]));
      out += "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2.5\" points=\"" +
             points + "\"/>";
      for (size_t i = 0; i < series.values.size() && i < n; ++i)
        out += "<circle cx=\"" + num(left + band * (static_cast<double>(i) + 0.5)) + "\" cy=\"" +
               num(y(series.values[i])) + "\" r=\"4\"/>";
    }
    out += "</g>\n";
  }
  // The value axis's zero line, over the bars' feet.
  out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width - right) + "\" y1=\"" + num(y(0)) +
         "\" y2=\"" + num(y(0)) + "\" stroke=\"#1b1b1b\"/>\n";
  return out + "</svg>\n";
}

std::string chart_html(const view::ChartView& c, size_t index) {
  const std::string title_id = "chart-" + std::to_string(index + 1);
  std::string out = "<figure class=\"data-chart\">\n<figcaption id=\"" + title_id + "\">";
  append_text(out, c.title);
  out += "</figcaption>\n" + chart_svg(c, title_id);
  if (c.legend) {
    out += "<ul class=\"chart-legend\">";
    for (size_t s = 0; s < c.series.size(); ++s) {
      out += "<li><span class=\"swatch\" style=\"background:" + view::series_color(s).hex() +
             "\"></span>";
      append_text(out, c.series[s].name);
      out += "</li>";
    }
    out += "</ul>\n";
  }
  // The numbers as a table: what a screen reader reads, and what anyone can
  // open to read the exact values.
  out += "<details class=\"chart-data\"><summary>" + base::html_escape(c.table_caption) +
         "</summary>\n<table>\n<thead><tr><td></td>";
  for (const auto& s : c.series) {
    out += "<th scope=\"col\">";
    append_text(out, s.name.empty() ? c.title : s.name);
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < c.labels.size(); ++i) {
    out += "<tr><th scope=\"row\">";
    append_text(out, c.labels[i]);
    out += "</th>";
    for (const auto& s : c.series)
      out +=
          "<td>" + (i < s.value_texts.size() ? base::html_escape(s.value_texts[i]) : "") + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</details>\n</figure>\n";
}

std::string excerpt_html(const view::ExcerptView& e, const std::string& page_url) {
  std::string out = "<div class=\"plan-excerpt\">\n<p class=\"excerpt-source\"><a href=\"" +
                    base::html_escape(base::relative_url(page_url, e.plan_url)) + "\">";
  append_text(out, e.plan_title);
  out += "</a>";
  if (!e.level.empty()) out += " — " + base::html_escape(e.level);
  out += "</p>\n";
  if (e.rows.empty())
    return out + "<p class=\"excerpt-none\">" + base::html_escape(e.none) + "</p>\n</div>\n";
  out += "<div class=\"table-scroll\"><table class=\"excerpt\">\n<thead><tr>";
  for (const auto& h : e.headers) out += "<th scope=\"col\">" + base::html_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  // Each cell names its column: on a phone the rows become cards (style.css).
  auto cell = [&](size_t column, const char* cls = nullptr) {
    out += "<td";
    if (cls) out += std::string(" class=\"") + cls + "\"";
    if (column < e.headers.size())
      out += " data-label=\"" + base::html_escape(e.headers[column]) + "\"";
    out += ">";
  };
  for (const auto& r : e.rows) {
    const auto& a = r.action;
    const size_t hash = r.href.find('#');
    out += "<tr>";
    cell(0, "code");
    base::html_escape_to(out, a.code);
    out += "</td>";
    cell(1);
    out += "<a href=\"" +
           base::html_escape(base::relative_url(page_url, r.href.substr(0, hash)) +
                             (hash == std::string::npos ? "" : r.href.substr(hash))) +
           "\">";
    append_text(out, a.title);
    out += "</a></td>";
    cell(2);
    out += "<span class=\"status status-" + a.status.key + "\">" +
           base::html_escape(a.status.word) + "</span></td>";
    cell(3);
    if (!r.date_iso.empty())
      out += "<time datetime=\"" + r.date_iso + "\">" + base::html_escape(r.date) + "</time>";
    else
      base::html_escape_to(out, r.date);
    out += "</td></tr>\n";
  }
  return out + "</tbody>\n</table></div>\n</div>\n";
}

}  // namespace

std::string data_block_html(const view::DataBlockView& block, const std::string& page_url,
                            size_t n) {
  switch (block.kind) {
    case model::DataBlock::Kind::figures:
      return figures_html(block.figures);
    case model::DataBlock::Kind::chart:
      return chart_html(block.chart, n);
    case model::DataBlock::Kind::plan:
      return excerpt_html(block.excerpt, page_url);
  }
  return {};
}

std::string expand_data_blocks(const model::Site& site, const model::Page& page,
                               const std::string& page_html, const std::string& page_url) {
  if (page.blocks.empty()) return page_html;
  std::string out;
  out.reserve(page_html.size());
  size_t from = 0;
  for (size_t at = page_html.find(model::data_block_marker_start); at != std::string::npos;
       at = page_html.find(model::data_block_marker_start, from)) {
    out.append(page_html, from, at - from);
    const size_t digits = at + model::data_block_marker_start.size();
    const size_t end = page_html.find("-->\n", digits);
    size_t index = 0;
    bool ok = end != std::string::npos && end > digits;
    for (size_t i = digits; ok && i < end; ++i) {
      ok = page_html[i] >= '0' && page_html[i] <= '9';
      index = index * 10 + static_cast<size_t>(page_html[i] - '0');
    }
    // Only load/ writes markers; one typed in raw HTML by an author that
    // names no block is left as the comment it is.
    if (!ok || index >= page.blocks.size()) {
      out += model::data_block_marker_start;
      from = digits;
      continue;
    }
    out += data_block_html(view::data_block_view(site, page.blocks[index], page.lang), page_url,
                           index);
    from = end + 4;
  }
  out.append(page_html, from, std::string::npos);
  return out;
}

}  // namespace carnet::render::html
