#include "render/booklet/summary_layout.hpp"

#include <algorithm>
#include <optional>

#include "render/booklet/block_layout.hpp"
#include "render/booklet/pdf_layout.hpp"

namespace carnet::render::booklet {

namespace {

constexpr double margin = 36;        // a handout's margins: narrower than the booklet's
constexpr double gutter = 16;        // between columns of cards
constexpr double min_type = 8;       // no text below 8 pt (theme.hpp)
constexpr double objective_pt = 10;  // as designed; the steps shrink it to min_type

// One try at fitting: the type's scale, the columns, how many objectives a
// level shows and how many levels are shown.
struct Step {
  double scale = 1;
  int columns = 1;
  int objectives = -1;  // -1: all
  size_t levels = 0;    // top levels shown
};

TextStyle sans(double size, bool bold, Color color) {
  TextStyle s;
  s.family = "Noto Sans";
  s.size = std::max(min_type, size);
  s.bold = bold;
  s.color = color;
  s.line_spacing = 1.15;
  return s;
}

// Actions per status, in model::all_statuses order.
std::vector<int> per_status(const model::PlanCounts& counts) {
  std::vector<int> out;
  for (auto st : model::all_statuses) {
    auto found = counts.per_status.find(st);
    out.push_back(found == counts.per_status.end() ? 0 : found->second);
  }
  return out;
}

class SummaryLayout {
 public:
  SummaryLayout(const Booklet& b, Typesetter& ts, const PageGeometry& g) : b_(b), ts_(ts), g_(g) {}

  LaidOutBooklet run(SummaryFit* fit) {
    const Step step = choose();
    if (fit) {
      fit->scale = step.scale;
      fit->columns = step.columns;
      fit->objectives_shown = step.objectives;
      fit->levels_left_out = static_cast<int>(b_.sections.size() - step.levels);
    }
    LaidOutBooklet out = document_of(b_);
    Page page;
    page.width = g_.width;
    page.height = g_.height;
    page.chrome = false;
    items_ = &page.items;
    draw(step);
    items_ = nullptr;
    out.pages.push_back(std::move(page));
    out.outline.push_back({b_.title, "summary", 0});
    return out;
  }

 private:
  double width() const { return g_.width - 2 * margin; }

  void add(Item item) {
    if (items_) items_->push_back(std::move(item));
  }

  // A paragraph at (x, y), tagged; returns its height.
  double text(const TextBlock& t, double x, double y, const char* tag = "P") {
    if (t.empty()) return 0;
    if (*tag) add(TagBegin{tag, ""});
    add(DrawText{t, 0, t.lines.size(), x, y});
    if (*tag) add(TagEnd{tag});
    return t.height();
  }

  // The first step that fits: the designed sizes, then smaller type in two
  // and three columns, then fewer objectives per level, then fewer levels.
  Step choose() {
    const size_t levels = b_.sections.size();
    int most_objectives = 0;
    for (const auto& s : b_.sections)
      most_objectives = std::max(most_objectives, static_cast<int>(s.children.size()));
    std::vector<int> column_choices = {levels <= 1 ? 1 : 2};
    if (levels >= 3) column_choices.push_back(3);
    Step step;
    step.levels = levels;
    // Larger than designed first: a short plan fills its page, for a poster.
    for (int columns : column_choices)
      for (double scale : {1.4, 1.25, 1.1, 1.0, 0.95, 0.9, 0.85, 0.8}) {
        step.columns = columns;
        step.scale = scale;
        if (fits(step)) return step;
      }
    for (const auto& s : b_.sections)
      if (s.children.empty())
        most_objectives = std::max(most_objectives, static_cast<int>(s.actions.size()));
    for (step.objectives = most_objectives - 1; step.objectives >= 0; --step.objectives)
      if (fits(step)) return step;
    step.objectives = 0;
    for (step.levels = levels - 1; step.levels > 0; --step.levels)
      if (fits(step)) return step;
    return step;  // one level, no objectives: the page's own size is the limit
  }

  bool fits(const Step& step) {
    double bottom = draw(step);
    return bottom <= g_.height - margin + 0.01;
  }

  // Draws the page (or only measures it, with no items_), returns where the
  // lowest column ends.
  double draw(const Step& step) {
    const double s = step.scale;
    double y = header(s);
    y = overall(s, y + 14 * s);
    y += 16 * s;
    const double col_w = (width() - (step.columns - 1) * gutter) / step.columns;
    const double gap = 12 * s;
    // The cards' heights first (measured, not drawn), to share them out.
    std::vector<double> heights;
    {
      std::vector<Item>* drawing = items_;
      items_ = nullptr;
      for (size_t i = 0; i < step.levels; ++i)
        heights.push_back(card(b_.sections[i], step, 0, 0, col_w) + gap);
      items_ = drawing;
    }
    // In reading order down each column, then the next.
    std::vector<size_t> starts = balanced_columns(heights, step.columns);
    double bottom = y;
    for (size_t c = 0; c < starts.size(); ++c) {
      const size_t end = c + 1 < starts.size() ? starts[c + 1] : step.levels;
      double cy = y;
      for (size_t i = starts[c]; i < end; ++i)
        cy += card(b_.sections[i], step, margin + c * (col_w + gutter), cy, col_w) + gap;
      bottom = std::max(bottom, cy - gap);
    }
    if (step.levels < b_.sections.size()) {
      TextStyle st = sans(objective_pt * s, false, palette::muted);
      st.italic = true;
      TextBlock t = ts_.set(more(b_.sections.size() - step.levels), st, width());
      bottom += 6 * s;
      bottom += text(t, margin, bottom);
    }
    bottom = footer(s, bottom);
    return bottom;
  }

  // Where each column starts: the cards cut into `columns` runs, in order,
  // so that the tallest run is as short as can be.
  static std::vector<size_t> balanced_columns(const std::vector<double>& heights, int columns) {
    const size_t n = heights.size();
    const size_t k = std::max<size_t>(1, std::min<size_t>(columns, std::max<size_t>(n, 1)));
    std::vector<double> prefix(n + 1, 0);
    for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + heights[i];
    // best[j][i]: the tallest column when the first i cards fill j columns.
    const double inf = 1e18;
    std::vector<std::vector<double>> best(k + 1, std::vector<double>(n + 1, inf));
    std::vector<std::vector<size_t>> cut(k + 1, std::vector<size_t>(n + 1, 0));
    best[0][0] = 0;
    for (size_t j = 1; j <= k; ++j)
      for (size_t i = 0; i <= n; ++i)
        for (size_t m = 0; m <= i; ++m) {
          if (best[j - 1][m] >= inf) continue;
          double v = std::max(best[j - 1][m], prefix[i] - prefix[m]);
          if (v < best[j][i]) {
            best[j][i] = v;
            cut[j][i] = m;
          }
        }
    std::vector<size_t> starts(k);
    for (size_t j = k, i = n; j >= 1; --j) {
      starts[j - 1] = cut[j][i];
      i = cut[j][i];
    }
    return starts;
  }

  std::string more(size_t n) const {
    return b_.words.more_items.empty() ? "\u2026 +" + std::to_string(n)
                                       : replace_n(b_.words.more_items, std::to_string(n));
  }

  static std::string replace_n(std::string pattern, const std::string& n) {
    auto at = pattern.find("{n}");
    if (at != std::string::npos) pattern.replace(at, 3, n);
    return pattern;
  }

  // The title band; returns its bottom.
  double header(double s) {
    const double x = margin, w = width();
    TextStyle org = styles::kicker();
    org.color = palette::white;
    org.size = std::max(min_type, 8.5 * s);
    TextStyle title = styles::heading(1);
    title.color = palette::white;
    title.size = std::max(14.0, 22 * s);
    title.line_spacing = 1.08;
    title.keep_compounds = true;
    TextStyle sub = sans(10.5 * s, false, palette::primary_light);
    std::string subtitle = b_.period;
    if (!b_.as_of_line.empty()) subtitle += (subtitle.empty() ? "" : "  \u00B7  ") + b_.as_of_line;
    TextBlock o = b_.organization.empty() ? TextBlock{} : ts_.set(upper(b_.organization), org, w);
    TextBlock t = ts_.set(keep_compounds(b_.title), title, w);
    TextBlock p = subtitle.empty() ? TextBlock{} : ts_.set(subtitle, sub, w);
    double y = margin * 0.8;
    double h = y + (o.empty() ? 0 : o.height() + 6 * s) + t.height() +
               (p.empty() ? 0 : 5 * s + p.height()) + 14 * s;
    add(FillRect{{0, 0, g_.width, h}, palette::primary});
    add(FillRect{{0, h, g_.width, 3}, palette::accent});
    add(Dest{"summary", x, 0});
    if (!o.empty()) y += text(o, x, y) + 6 * s;
    y += text(t, x, y, "H1");
    if (!p.empty()) text(p, x, y + 5 * s);
    return h + 3;
  }

  // A bar of the actions per status, each segment in its status's colour.
  void status_bar(const std::vector<int>& counts, double x, double y, double w, double h) {
    int total = 0;
    for (int n : counts) total += n;
    add(FillRect{{x, y, w, h}, palette::zebra});
    if (!total) return;
    for (size_t st = 0; st < counts.size(); ++st) {
      if (!counts[st]) continue;
      double seg = w * counts[st] / total;
      add(FillRect{{x, y, seg, h}, status_color(static_cast<int>(st))});
      x += seg;
    }
  }

  void progress_bar(double progress, double x, double y, double w, double h) {
    add(FillRect{{x, y, w, h}, palette::primary_light, h / 2});
    if (progress > 0)
      add(FillRect{
          {x, y, std::max(h, w * std::min(progress, 100.0) / 100), h}, palette::primary, h / 2});
  }

  // "Réalisée 3 · En cours 2": the statuses in words, so that the bar reads
  // in black and white too.
  std::string status_words(const std::vector<int>& counts) const {
    std::string out;
    for (size_t st = 0; st < counts.size() && st < b_.status_labels.size(); ++st) {
      if (!counts[st]) continue;
      if (!out.empty()) out += " \u00B7 ";
      out += b_.status_labels[st] + "\u00A0" + std::to_string(counts[st]);
    }
    return out;
  }

  // The whole plan: its progress, big, with a bar; its actions per status
  // with a legend; the late actions. Returns its bottom.
  double overall(double s, double y) {
    const double x = margin, w = width();
    const std::vector<int> counts = per_status(b_.counts);
    double text_x = x;
    double top = y;
    if (!b_.progress_text.empty() && b_.progress) {
      TextBlock big = ts_.set(b_.progress_text, sans(26 * s, true, palette::primary), -1);
      TextBlock label = ts_.set(b_.words.progress_of, sans(8.5 * s, true, palette::muted), -1);
      text(label, x, y);
      text(big, x, y + label.height());
      text_x = x + std::max(big.width, label.width) + 14 * s;
      y += label.height() + big.height();
    }
    // Beside the big number: the progress bar, then the statuses.
    double by = top + 4 * s;
    const double bw = x + w - text_x;
    if (!b_.progress_text.empty() && b_.progress) {
      progress_bar(*b_.progress, text_x, by, bw, 9 * s);
      by += 9 * s + 8 * s;
    }
    status_bar(counts, text_x, by, bw, 7 * s);
    by += 7 * s + 5 * s;
    // The legend: a swatch and "Réalisée 3" per status, on as many lines as
    // it takes; then the actions and the late ones.
    TextStyle ls = sans(9 * s, false, palette::ink);
    double lx = text_x;
    double line_h = 0;
    auto legend_item = [&](const std::string& word, std::optional<Color> swatch) {
      TextBlock t = ts_.set(word, ls, -1);
      double item_w = (swatch ? 12 * s : 0) + t.width + 14 * s;
      if (lx > text_x && lx + item_w > x + w) {
        lx = text_x;
        by += line_h + 3 * s;
      }
      line_h = std::max(line_h, t.height());
      if (swatch) {
        add(FillRect{{lx, by + t.lines[0].baseline - 7 * s, 8 * s, 8 * s}, *swatch, 1.5 * s});
        lx += 12 * s;
      }
      text(t, lx, by);
      lx += t.width + 14 * s;
    };
    for (size_t st = 0; st < counts.size() && st < b_.status_labels.size(); ++st)
      legend_item(b_.status_labels[st] + "\u00A0" + std::to_string(counts[st]),
                  status_color(static_cast<int>(st)));
    legend_item(b_.words.many_actions + b_.words.colon + std::to_string(b_.counts.actions),
                std::nullopt);
    if (!b_.as_of_iso.empty() && b_.counts.late > 0)
      legend_item(b_.words.late_count + b_.words.colon + std::to_string(b_.counts.late),
                  std::nullopt);
    by += line_h;
    return std::max(y, by);
  }

  // One top level's card; returns its height.
  double card(const SectionEntry& sec, const Step& step, double x, double y0, double w) {
    const double s = step.scale;
    double y = y0;
    add(FillRect{{x, y, w, 2.5}, palette::primary});
    y += 2.5 + 5 * s;
    if (!sec.label().empty()) {
      TextStyle k = styles::kicker();
      k.size = std::max(min_type, 8 * s);
      y += text(ts_.set(upper(sec.label()), k, w), x, y) + 1;
    }
    TextStyle ts = sans(12 * s, true, palette::primary);
    ts.keep_compounds = true;
    y += text(ts_.set(plain(keep_compounds(sec.title)), ts, w, sec.title_lang), x, y, "H2") + 4 * s;
    // Progress: bar and percentage on one line.
    if (!sec.progress_text.empty() && sec.progress) {
      TextBlock pct = ts_.set(sec.progress_text, sans(10 * s, true, palette::primary), -1);
      double bar_w = w - pct.width - 8 * s;
      double bar_h = 6 * s;
      progress_bar(*sec.progress, x, y + pct.lines[0].baseline - bar_h, bar_w, bar_h);
      text(pct, x + w - pct.width, y);
      y += pct.height() + 2 * s;
    }
    const std::vector<int> counts = per_status(sec.counts);
    status_bar(counts, x, y, w, 4 * s);
    y += 4 * s + 3 * s;
    const std::string words = status_words(counts);
    if (!words.empty())
      y += text(ts_.set(words, sans(8.5 * s, false, palette::muted), w), x, y) + 4 * s;
    // The objectives, each with its progress at the right; a level with
    // none (a plan of one level) lists its actions with their status.
    const bool actions = sec.children.empty();
    const size_t count = actions ? sec.actions.size() : sec.children.size();
    const size_t shown =
        step.objectives < 0 ? count : std::min(count, static_cast<size_t>(step.objectives));
    TextStyle os = sans(objective_pt * s, false, palette::ink);
    os.hyphenate = true;
    TextStyle ps = os;
    ps.align = TextStyle::Align::right;
    const double pct_w = 34 * s;
    for (size_t i = 0; i < shown; ++i) {
      const std::string& code = actions ? sec.actions[i].code : sec.children[i].code;
      Inline line;
      if (!code.empty()) {
        Span c(code + "\u2002");
        c.bold = true;
        line.push_back(std::move(c));
      }
      line.emplace_back(actions ? sec.actions[i].title : sec.children[i].title);
      const std::string& lang = actions ? sec.actions[i].title_lang : sec.children[i].title_lang;
      if (actions) {
        const ActionEntry& a = sec.actions[i];
        Span status(" \u2014 " + a.status_label + (a.late ? " \u00B7 " + a.late_word : ""));
        status.italic = true;
        line.push_back(std::move(status));
        y += text(ts_.set(line, os, w, lang), x, y) + 2.5 * s;
        continue;
      }
      TextBlock t = ts_.set(line, os, w - pct_w, lang);
      if (!sec.children[i].progress_text.empty()) {
        TextBlock p = ts_.set(sec.children[i].progress_text, ps, pct_w);
        text(p, x + w - pct_w, y, "");
      }
      y += text(t, x, y) + 2.5 * s;
    }
    if (shown < count) {
      TextStyle ms = os;
      ms.italic = true;
      ms.color = palette::muted;
      y += text(ts_.set(more(count - shown), ms, w), x, y);
    }
    return y - y0;
  }

  // The plan's address on the site, at the foot of the page; returns the
  // page's lowest point.
  double footer(double s, double bottom) {
    std::string line = b_.organization;
    if (!b_.url.empty()) line += (line.empty() ? "" : "  \u00B7  ") + b_.url;
    if (line.empty()) return bottom;
    TextStyle fs = sans(8 * s, false, palette::muted);
    TextBlock t = ts_.set(line, fs, width());
    double y = g_.height - margin - t.height();
    add(StrokeLine{margin, y - 5, margin + width(), y - 5, 0.5, palette::rule});
    text(t, margin, y);
    // The footer sits at the foot of the page: what is above must end above it.
    return bottom + (t.height() + 14);
  }

  const Booklet& b_;
  Typesetter& ts_;
  PageGeometry g_;
  std::vector<Item>* items_ = nullptr;
};

}  // namespace

LaidOutBooklet lay_out_summary(const Booklet& booklet, Typesetter& ts, const PageGeometry& geometry,
                               SummaryFit* fit) {
  return SummaryLayout(booklet, ts, geometry).run(fit);
}

}  // namespace carnet::render::booklet
