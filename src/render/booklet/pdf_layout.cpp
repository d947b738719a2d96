#include "render/booklet/pdf_layout.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "render/booklet/block_layout.hpp"
#include "render/booklet/progress.hpp"
#include "render/booklet/table_layout.hpp"
#include "view/palette.hpp"

namespace carnet::render::booklet {

namespace {

constexpr double min_comfortable_column = 78;  // points, on average
constexpr double year_column = 30;             // about what a year of the grid takes
// A heading is kept with the start of what follows it (its level's progress
// line, description and fields, then the first row of its table or the
// heading of its first sublevel) when all that takes at most this share of
// a page; a longer run keeps only a few lines and breaks in its text.
constexpr double keep_share = 0.5;
constexpr double keep_lines = 60;  // points kept after a heading otherwise

struct TocEntry {
  std::string text;
  std::string dest;
  int level = 0;
};

// How a section's actions are shown: a table across the page, or, when its
// columns would be too narrow to read, a card per action. Pages never turn
// (booklet.orientation sets every page of the booklet).
struct TablePlan {
  enum class Mode { table, cards } mode = Mode::table;
  TableSpec spec;
  std::vector<double> widths;
};

CellContent cell_from_blocks(const Blocks& blocks, const TextStyle& base) {
  CellContent out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const auto& b = blocks[i];
    CellPara p;
    p.text = b.text;
    p.style = base;
    p.lang = b.lang;
    if (b.heading) p.style.bold = true;
    if (b.kind == Block::Kind::quote) p.style.italic = true;
    if (b.kind == Block::Kind::item) {
      p.indent = 8 + 8 * b.depth;
      p.bullet = b.ordered ? std::to_string(b.number) + "." : "\u2022";
    }
    p.space_before = i == 0 ? 0 : base.size * 0.35;
    out.push_back(std::move(p));
  }
  return out;
}

// A cell of an action's row; a year cell holds the mark, centred.
CellContent cell_content(const CellEntry& cell) {
  if (!cell.year) return cell_from_blocks(cell.blocks, styles::table_cell());
  if (!cell.mark) return {};
  CellPara p;
  p.style = styles::table_cell();
  p.style.family = "Noto Sans";
  p.style.bold = true;
  p.style.size = 15;
  p.style.color = palette::primary;
  p.style.align = TextStyle::Align::center;
  p.style.line_spacing = 1;
  p.text = plain(year_mark);
  return {p};
}

class Layout {
 public:
  Layout(const Booklet& b, Typesetter& ts, PageGeometry geometry)
      : b_(b), ts_(ts), geometry_(geometry) {}

  LaidOutBooklet run() {
    LaidOutBooklet out = document_of(b_);

    std::vector<TocEntry> toc = toc_entries();
    // The contents' length does not depend on its page numbers: lay it out
    // once to know where the body starts, then again with the numbers.
    std::vector<Page> toc_pages;
    lay_out_toc(toc, {}, toc_pages);
    size_t first_body_page = 1 + toc_pages.size();

    std::vector<Page> cover_pages;
    lay_out_cover(cover_pages);

    std::vector<Page> body;
    lay_out_body(body, out.outline);

    std::map<std::string, int> numbers;
    for (size_t i = 0; i < body.size(); ++i)
      for (const auto& item : body[i].items)
        if (auto* d = std::get_if<Dest>(&item))
          numbers[d->name] = static_cast<int>(first_body_page + i + 1);
    toc_pages.clear();
    lay_out_toc(toc, numbers, toc_pages);

    out.pages = std::move(cover_pages);
    for (auto& p : toc_pages) out.pages.push_back(std::move(p));
    for (auto& p : body) out.pages.push_back(std::move(p));
    lay_out_back_cover(out.pages, out.outline);
    out.outline.insert(out.outline.begin(), OutlineEntry{b_.words.contents, "contents", 0});
    add_chrome(out.pages);
    return out;
  }

 private:
  std::vector<TocEntry> toc_entries() const {
    std::vector<TocEntry> out;
    if (!b_.summary.empty()) out.push_back({b_.words.summary, "summary", 0});
    if (!b_.intro.empty()) out.push_back({b_.words.introduction, "introduction", 0});
    for (const auto& s : b_.sections) {
      out.push_back({s.heading(), s.anchor, 0});
      for (const auto& c : s.children)
        out.push_back({(c.code.empty() ? "" : c.code + "  ") + c.title, c.anchor, 1});
    }
    if (!b_.page) out.push_back({b_.words.progress, "progress", 0});
    if (b_.changes) out.push_back({b_.changes->heading, "changes", 0});
    return out;
  }

  // --- cover ---------------------------------------------------------------

  void lay_out_cover(std::vector<Page>& pages) {
    Flow flow(geometry_, pages);
    flow.new_page();
    Page& page = flow.page();
    page.chrome = false;
    const double w = geometry_.width, h = geometry_.height;
    const double x = geometry_.left, width = geometry_.content_width();
    const double band = h * 0.60;
    flow.add(FillRect{{0, 0, w, band}, palette::primary});
    flow.add(FillRect{{0, band, w, 5}, palette::accent});

    TextStyle org = styles::kicker();
    org.color = palette::white;
    org.size = geometry_.width < 500 ? 8.5 : 10;
    double y = geometry_.top + 8;
    if (!b_.organization.empty()) {
      TextBlock t = ts_.set(upper(b_.organization), org, width);
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{t, 0, t.lines.size(), x, y});
      flow.add(TagEnd{"P"});
    }

    TextStyle title = styles::heading(1);
    title.color = palette::white;
    title.size = geometry_.width < 500 ? 24 : 32;
    title.line_spacing = 1.08;
    TextBlock t = ts_.set(b_.title, title, width);
    TextStyle period = title;
    period.bold = false;
    period.size = title.size * 0.6;
    period.color = palette::primary_light;
    // "Plan d'action 2021–2023" already says when: the period under it
    // would only repeat it.
    const std::string shown_period = cover_period(b_.title, b_.period);
    TextBlock p = shown_period.empty() ? TextBlock{} : ts_.set(shown_period, period, width);
    // Title and period sit at the bottom of the band.
    double block_h = t.height() + (p.empty() ? 0 : 10 + p.height());
    y = band - geometry_.bottom * 0.8 - block_h;
    flow.add(FillRect{{x, y - 22, 48, 4}, palette::accent});
    flow.add(Dest{"cover", x, 0});
    flow.add(TagBegin{"H1", ""});
    flow.add(DrawText{t, 0, t.lines.size(), x, y});
    flow.add(TagEnd{"H1"});
    if (!p.empty()) {
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{p, 0, p.lines.size(), x, y + t.height() + 10});
      flow.add(TagEnd{"P"});
    }

    y = band + 5 + 30;
    if (!b_.adopted.empty()) {
      TextStyle s = styles::field_label();
      s.size = 11;
      TextBlock a = ts_.set(b_.adopted, s, width);
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{a, 0, a.lines.size(), x, y});
      flow.add(TagEnd{"P"});
      y += a.height() + 10;
    }
    // When the statuses were true: a funder must tell one year's booklet
    // from another's.
    if (!b_.as_of_line.empty()) {
      TextStyle s = styles::field_label();
      s.size = 11;
      s.bold = false;
      s.color = palette::ink;
      TextBlock a = ts_.set(b_.as_of_line, s, width);
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{a, 0, a.lines.size(), x, y});
      flow.add(TagEnd{"P"});
      y += a.height() + 10;
    }
    // The organisation's address at the foot of the page.
    TextBlock address;
    double address_y = h;
    if (!b_.organization_lines.empty()) {
      TextStyle s = styles::running();
      s.size = 8.5;
      std::string text = b_.organization;
      for (const auto& line : b_.organization_lines) text += "\n" + line;
      address = ts_.set(text, s, width);
      address_y = h - geometry_.bottom - address.height() + 16;
    }
    // The summary is not repeated here: it opens page 3 with the
    // introduction. The room goes to the logo, above the address.
    if (!b_.brand.logo_file.empty()) {
      auto logo = std::make_shared<const wrap::Image>(wrap::Image::load(b_.brand.logo_file));
      const double bottom = (address.empty() ? h - geometry_.bottom : address_y - 10) - 18;
      const double max_h = std::min(geometry_.width < 500 ? 54.0 : 72.0, bottom - y);
      if (max_h > 12) {
        double lw = std::min(width * 0.45, logo->width() * max_h / logo->height());
        double lh = logo->height() * lw / logo->width();
        flow.add(TagBegin{"Figure", b_.brand.logo_alt});
        flow.add(DrawImage{logo, {x, bottom - lh, lw, lh}});
        flow.add(TagEnd{"Figure"});
      }
    }
    if (!address.empty()) {
      flow.add(StrokeLine{x, address_y - 10, x + width, address_y - 10, 0.5, palette::rule});
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{address, 0, address.lines.size(), x, address_y});
      flow.add(TagEnd{"P"});
    }
  }

  // --- back cover ----------------------------------------------------------

  // The partners (brand.partners) on the last page, an even one so that it
  // is the outside of the back when printed on both sides: a logo above
  // each name, linked to its site, in a grid at the foot of the page.
  void lay_out_back_cover(std::vector<Page>& pages, std::vector<OutlineEntry>& outline) {
    const auto& partners = b_.brand.partners;
    if (partners.empty()) return;
    Flow flow(geometry_, pages);
    if (pages.size() % 2 == 0) {  // the back cover would be an odd page
      flow.new_page();
      flow.page().chrome = false;
    }
    flow.new_page();
    flow.page().chrome = false;
    const double w = geometry_.width, h = geometry_.height;
    const double x = geometry_.left, width = geometry_.content_width();
    const bool small = w < 500;
    const int columns = small ? 2 : 3;
    const double cell_w = width / columns, gap = small ? 14 : 20;
    const double logo_h = small ? 36 : 48, logo_w = cell_w - gap;

    // A name without a logo stands for it: set large enough to read as one.
    TextStyle name_style = styles::body_small();
    name_style.family = "Noto Sans";
    name_style.align = TextStyle::Align::center;
    name_style.color = palette::ink;
    TextStyle name_only = name_style;
    name_only.size = small ? 11 : 13;
    TextStyle heading_style = styles::kicker();
    heading_style.color = palette::primary;
    TextBlock heading = ts_.set(upper(b_.brand.partners_heading), heading_style, width);

    struct Cell {
      std::shared_ptr<const wrap::Image> logo;
      TextBlock name;
      double height = 0;
    };
    std::vector<Cell> cells;
    for (const auto& p : partners) {
      Cell c;
      if (!p.logo_file.empty())
        c.logo = std::make_shared<const wrap::Image>(wrap::Image::load(p.logo_file));
      c.name = ts_.set(p.name, c.logo ? name_style : name_only, logo_w);
      c.height = (c.logo ? logo_h + 6 : 0) + c.name.height();
      cells.push_back(std::move(c));
    }
    const bool any_logo =
        std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return c.logo != nullptr; });
    std::vector<double> row_heights;
    for (size_t i = 0; i < cells.size(); i += columns) {
      double rh = 0;
      for (size_t j = i; j < std::min(cells.size(), i + columns); ++j)
        rh = std::max(rh, cells[j].height);
      row_heights.push_back(rh);
    }
    double total = heading.height() + 14;
    for (double rh : row_heights) total += rh + gap;
    const double band = small ? 18 : 24;
    double y = std::max(geometry_.top, h - band - geometry_.bottom - total);

    flow.add(Dest{"partners", x, y});
    outline.push_back({b_.brand.partners_heading, "partners", 0});
    flow.add(TagBegin{"H2", ""});
    flow.add(DrawText{heading, 0, heading.lines.size(), x, y});
    flow.add(TagEnd{"H2"});
    flow.add(StrokeLine{x, y + heading.height() + 5, x + width, y + heading.height() + 5, 0.5,
                        palette::rule});
    y += heading.height() + 14;
    flow.add(TagBegin{"L", ""});
    for (size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = cells[i];
      const auto& p = partners[i];
      const size_t row = i / columns;
      // A last row that is not full is centred.
      const size_t in_row = std::min<size_t>(columns, cells.size() - row * columns);
      const double row_x = x + (width - in_row * cell_w) / 2;
      const double cx = row_x + (i % columns) * cell_w + gap / 2;
      double cy = y;
      for (size_t r = 0; r < row; ++r) cy += row_heights[r] + gap;
      flow.add(TagBegin{"LI", ""});
      if (!p.url.empty()) {
        flow.add(TagBegin{"Link", ""});
        flow.add(LinkArea{{{cx, cy, logo_w, c.height}}, p.url, ""});
      }
      // A name without a logo faces the logos of the others.
      if (!c.logo && any_logo) cy += std::max(0.0, (logo_h - c.name.height()) / 2);
      if (c.logo) {
        // The name is printed under the logo: the figure needs no other text.
        flow.add(TagBegin{"Figure", p.name});
        flow.add(DrawImage{c.logo, {cx, cy, logo_w, logo_h}});
        flow.add(TagEnd{"Figure"});
        cy += logo_h + 6;
      }
      flow.add(TagBegin{"P", ""});
      flow.add(DrawText{c.name, 0, c.name.lines.size(), cx, cy});
      flow.add(TagEnd{"P"});
      if (!p.url.empty()) flow.add(TagEnd{"Link"});
      flow.add(TagEnd{"LI"});
    }
    flow.add(TagEnd{"L"});
    flow.add(FillRect{{0, h - band, w, band}, palette::primary});
  }

  // --- contents ------------------------------------------------------------

  void lay_out_toc(const std::vector<TocEntry>& entries, const std::map<std::string, int>& numbers,
                   std::vector<Page>& pages) {
    Flow flow(geometry_, pages);
    flow.set_running_head(b_.words.contents);
    flow.new_page();
    place_heading(flow, ts_, "", b_.words.contents, 1, "contents", 0);
    flow.advance(18);
    flow.open("TOC");
    const double number_width = 28;
    for (const auto& e : entries) {
      TextStyle s = styles::toc(e.level);
      double indent = e.level == 0 ? 0 : 16;
      double gap_before = e.level == 0 ? 9 : 3;
      TextBlock text = ts_.set(e.text, s, flow.width() - indent - number_width - 14);
      auto found = numbers.find(e.dest);
      std::string number = found == numbers.end() ? "00" : std::to_string(found->second);
      TextStyle ns = s;
      ns.align = TextStyle::Align::right;
      TextBlock num = ts_.set(number, ns, number_width);
      flow.space(gap_before);
      flow.ensure(text.height());
      double y = flow.y();
      flow.add(TagBegin{"TOCI", ""});
      flow.add(TagBegin{"Link", ""});
      flow.add(
          LinkArea{{{flow.left() + indent, y, flow.width() - indent, text.height()}}, "", e.dest});
      flow.add(TagEnd{"Link"});
      flow.add(DrawText{text, 0, text.lines.size(), flow.left() + indent, y});
      const auto& last = text.lines.back();
      double base_y = y + last.baseline;
      double leader_from = flow.left() + indent + last.right + 6;
      double leader_to = flow.left() + flow.width() - number_width - 4;
      if (leader_to > leader_from)
        flow.add(
            StrokeLine{leader_from, base_y - 1, leader_to, base_y - 1, 0.8, palette::rule, true});
      double ny = base_y - num.lines[0].baseline;
      flow.add(DrawText{num, 0, num.lines.size(), flow.left() + flow.width() - number_width, ny});
      flow.add(TagEnd{"TOCI"});
      flow.advance(text.height());
    }
    flow.close("TOC");
  }

  // --- body ----------------------------------------------------------------

  void lay_out_body(std::vector<Page>& pages, std::vector<OutlineEntry>& outline) {
    Flow flow(geometry_, pages);
    if (!b_.notes.empty()) flow.set_footnotes(footnotes(flow.width()));
    if (!b_.summary.empty() || !b_.intro.empty()) {
      flow.set_running_head(b_.summary.empty() ? b_.words.introduction : b_.words.summary);
      flow.new_page();
      if (!b_.summary.empty()) {
        place_heading(flow, ts_, "", b_.words.summary, 1, "summary", 40);
        outline.push_back({b_.words.summary, "summary", 0});
        flow.advance(10);
        place_blocks(flow, ts_, b_.summary, styles::body());
        flow.space(16);
      }
      if (!b_.intro.empty()) {
        place_heading(flow, ts_, "", b_.words.introduction, 1, "introduction", 40);
        outline.push_back({b_.words.introduction, "introduction", 0});
        flow.advance(10);
        place_blocks(flow, ts_, b_.intro, styles::body());
      }
    }
    std::vector<std::string> context;
    plan_tables(b_.sections, context);
    for (const auto& s : b_.sections) section(flow, s, outline, context);
    if (b_.page) {
      // A page's booklet ends with its text: it has no actions to count.
      flow.finish();
      return;
    }

    flow.set_running_head(b_.words.progress);
    flow.new_page();
    outline.push_back({b_.words.progress, "progress", 0});
    place_heading(flow, ts_, "", b_.words.progress, 1, "progress", 0);
    flow.advance(12);
    place_progress(flow, ts_, b_);

    if (b_.changes) {
      const ChangesEntry& c = *b_.changes;
      flow.set_running_head(c.heading);
      flow.new_page();
      outline.push_back({c.heading, "changes", 0});
      place_heading(flow, ts_, "", c.heading, 1, "changes", 0);
      flow.advance(12);
      if (!c.none.empty()) place_blocks(flow, ts_, {paragraph(c.none)}, styles::body());
      for (const auto& g : c.groups) {
        flow.space(10);
        place_heading(flow, ts_, "", g.title, 2, "", 40);
        flow.advance(6);
        place_blocks(flow, ts_, change_blocks(g, b_.words.colon), styles::body());
      }
    }
  }

  // A page's footnotes, each led by its number, in a small size: the flow
  // puts each at the foot of the page that calls it.
  std::map<std::string, TextBlock> footnotes(double width) {
    std::map<std::string, TextBlock> out;
    TextStyle s = styles::body();
    s.size = 8;
    s.align = TextStyle::Align::left;
    for (const auto& n : b_.notes) {
      Inline text = plain(std::to_string(n.number) + ".\u2002");
      text.front().bold = true;
      for (size_t i = 0; i < n.blocks.size(); ++i) {
        if (i > 0) text.push_back(Span{"\n"});
        for (const auto& span : n.blocks[i].text) text.push_back(span);
      }
      out[n.anchor] = ts_.set(text, s, width);
    }
    return out;
  }

  // "Avancement : 45 %" and a bar, under a level's heading.
  void progress_line(Flow& flow, const SectionEntry& s) {
    if (s.progress_line.empty()) return;
    TextStyle st = styles::field_label();
    st.size = 9;
    TextBlock t = ts_.set(s.progress_line, st, flow.width());
    flow.ensure(t.height() + 4);
    double y = flow.y();
    flow.text(t, 0, "P");
    // The bar repeats the number for the eye; the text carries it.
    const double bar_w = 90, bar_h = 5;
    double x = flow.left() + t.lines.front().right + 10;
    double by = y + t.lines.front().baseline - bar_h;
    double share = std::clamp(s.progress.value_or(0) / 100.0, 0.0, 1.0);
    flow.add(FillRect{{x, by, bar_w, bar_h}, palette::zebra, bar_h / 2});
    if (share > 0) flow.add(FillRect{{x, by, bar_w * share, bar_h}, palette::primary, bar_h / 2});
    flow.advance(4);
  }

  // The space before a section's heading, unless it starts a page.
  static double gap_before(const SectionEntry& s) { return s.depth + 1 == 2 ? 22 : 16; }

  // A level's heading and what belongs to it before its actions or
  // sublevels: the accent rule, progress line, description and fields.
  void section_intro(Flow& flow, const SectionEntry& s) {
    int level = std::min(s.depth + 1, 3);
    std::string kicker = s.depth <= 1 ? s.label() : "";
    std::string title = s.depth <= 1 ? s.title : s.heading();
    place_heading(flow, ts_, kicker, title, level, s.anchor, 0);
    if (s.depth == 0) {
      flow.advance(6);
      flow.add(FillRect{{flow.left(), flow.y(), 36, 2.5}, palette::accent});
      flow.advance(14);
    } else {
      flow.advance(6);
    }
    progress_line(flow, s);
    if (!s.description.empty()) place_blocks(flow, ts_, s.description, styles::body());
    for (const auto& f : s.fields) {
      flow.space(4);
      TextBlock label = ts_.set(plain(f.label), styles::field_label(), flow.width(), f.label_lang);
      flow.ensure(label.height() + 30);
      flow.text(label, 0, "P");
      flow.advance(2);
      // A level's fields (results, indicators, dated notes, history) are
      // tracking data: in the face of the action tables, as the actions'
      // own fields are.
      place_blocks(flow, ts_, f.blocks, styles::data());
    }
  }

  // How much must stay on the page with a section's heading: its intro,
  // then the start of its table, else its first sublevel's own keep. The
  // intro is measured by laying it out on a scratch page as tall as needed,
  // so the measure is the layout itself.
  double keep_height(const Flow& flow, const SectionEntry& s) {
    PageGeometry tall = flow.geometry();
    tall.height = 1e7;
    std::vector<Page> scratch;
    Flow dry(tall, scratch);
    dry.new_page();
    double top = dry.y();
    section_intro(dry, s);
    double h = dry.y() - top;
    if (auto found = tables_.find(&s); found != tables_.end())
      return h + 8 + table_start_height(dry, ts_, found->second.spec, found->second.widths);
    if (!s.children.empty())
      return h + gap_before(s.children.front()) + keep_height(flow, s.children.front());
    return h;
  }

  void section(Flow& flow, const SectionEntry& s, std::vector<OutlineEntry>& outline,
               std::vector<std::string>& context) {
    context.push_back(s.label().empty() ? s.title : s.label());
    auto found = tables_.find(&s);
    if (s.depth == 0) {
      flow.set_running_head(s.heading());
      // A page's sections follow one another: a report's short chapters
      // would leave pages half empty.
      if (b_.page)
        flow.space(26);
      else
        flow.new_page();
    } else {
      flow.space(gap_before(s));
    }
    outline.push_back({s.heading(), s.anchor, s.depth});
    // No page ends with a heading: the heading goes to the next page unless
    // the start of what follows it fits below it.
    double keep = keep_height(flow, s);
    if (keep > flow.geometry().content_height() * keep_share) {
      TextBlock t = ts_.set(s.depth <= 1 ? s.title : s.heading(),
                            styles::heading(std::min(s.depth + 1, 3)), flow.width());
      keep = t.height() + keep_lines;
    }
    flow.ensure(keep);
    section_intro(flow, s);
    if (found != tables_.end()) {
      flow.space(8);
      place_table(flow, ts_, found->second.spec, found->second.widths);
    }
    for (const auto& c : s.children) section(flow, c, outline, context);
    context.pop_back();
  }

  CellContent title_cell(const ActionEntry& a) const {
    CellContent out;
    TextStyle s = styles::table_cell();
    CellPara title;
    title.style = s;
    title.style.bold = true;
    title.lang = a.title_lang;
    if (!a.code.empty()) title.text.push_back(Span{a.code + "\u2002"});
    title.text.push_back(Span{a.title});
    out.push_back(title);
    // The status at the table's text size, in ink, after a mark whose shape
    // alone names it: read on a black-and-white photocopy too.
    CellPara status;
    status.style = s;
    status.indent = s.size * 1.25;
    status.bullet = view::status_mark(a.status);
    status.bullet_color = status_color(static_cast<int>(a.status));
    status.bullet_family = status_mark_family;
    status.text = plain(a.status_label);
    if (a.late) {
      // In words beside the status, not in colour alone.
      Span late{" \u00B7 " + a.late_word};
      late.bold = true;
      status.text.push_back(std::move(late));
    }
    status.space_before = 3;
    out.push_back(status);
    // The fields that are not columns, under the title: nothing the author
    // wrote is left out of the booklet.
    TextStyle more = s;
    more.color = palette::muted;
    for (const auto& f : a.more)
      for (auto& p : cell_from_blocks(labelled_blocks(f, b_.words.colon), more)) {
        p.space_before = 3;
        out.push_back(std::move(p));
      }
    return out;
  }

  void plan_tables(const std::vector<SectionEntry>& sections, std::vector<std::string>& context) {
    for (const auto& s : sections) {
      context.push_back(s.label().empty() ? s.title : s.label());
      if (!s.actions.empty()) tables_[&s] = plan_table(s, context);
      plan_tables(s.children, context);
      context.pop_back();
    }
  }

  TablePlan plan_table(const SectionEntry& s, const std::vector<std::string>& context) {
    TablePlan plan;
    plan.spec.context = join_context(context);
    plan.spec.continued = b_.words.continued;
    plan.spec.headers.push_back(b_.words.action);
    plan.spec.narrow.push_back(false);
    for (const auto& c : b_.columns) {
      plan.spec.headers.push_back(c.label);
      plan.spec.narrow.push_back(c.year);
    }
    for (const auto& a : s.actions) {
      TableRow row;
      row.cells.push_back(title_cell(a));
      for (const auto& cell : a.cells) row.cells.push_back(cell_content(cell));
      plan.spec.rows.push_back(std::move(row));
    }
    // A table when the columns fit the page with room to read (some fifteen
    // characters a line), else cards. The year grid's columns are narrow and
    // do not count.
    size_t narrow = std::count(plan.spec.narrow.begin(), plan.spec.narrow.end(), true);
    size_t wide = plan.spec.headers.size() - narrow;
    auto per_column = [&](double width) { return (width - narrow * year_column) / wide; };
    double page_width = geometry_.content_width();
    bool roomy = per_column(page_width) >= min_comfortable_column;
    if (auto w = roomy ? fit_columns(ts_, plan.spec, page_width) : std::nullopt) {
      plan.widths = *w;
      return plan;
    }
    // Too many columns for the page: a card per action.
    plan.mode = TablePlan::Mode::cards;
    TableSpec cards;
    cards.context = plan.spec.context;
    cards.continued = plan.spec.continued;
    cards.fixed_fractions = {0.27, 0.73};
    for (const auto& a : s.actions) {
      TableRow title;
      title.group = true;
      title.cells.push_back(title_cell(a));
      cards.rows.push_back(std::move(title));
      auto add = [&](const std::string& label_text, CellContent value) {
        TableRow row;
        CellPara label;
        label.style = styles::table_cell();
        label.style.bold = true;
        label.style.hyphenate = false;
        label.style.color = palette::primary;
        label.text = plain(label_text);
        row.cells.push_back({label});
        row.cells.push_back(std::move(value));
        cards.rows.push_back(std::move(row));
      };
      // On a card the year grid is one line, where its first year stands:
      // the years the action runs.
      std::string years;
      for (size_t c = 0; c < b_.columns.size(); ++c)
        if (b_.columns[c].year && a.cells[c].mark)
          years += (years.empty() ? "" : ", ") + b_.columns[c].label;
      bool grid_done = false;
      for (size_t c = 0; c < b_.columns.size(); ++c) {
        if (!b_.columns[c].year) {
          if (!a.cells[c].blocks.empty())
            add(b_.columns[c].label, cell_from_blocks(a.cells[c].blocks, styles::table_cell()));
        } else if (!grid_done) {
          grid_done = true;
          if (!years.empty())
            add(b_.years_label, cell_from_blocks({paragraph(years)}, styles::table_cell()));
        }
      }
    }
    plan.spec = std::move(cards);
    plan.widths = *fit_columns(ts_, plan.spec, geometry_.content_width());
    return plan;
  }

  static std::string join_context(const std::vector<std::string>& context) {
    std::string out;
    for (const auto& c : context) out += (out.empty() ? "" : " \u203A ") + c;
    return out;
  }

  // --- running header and page numbers -------------------------------------

  void add_chrome(std::vector<Page>& pages) {
    for (size_t i = 0; i < pages.size(); ++i) {
      Page& p = pages[i];
      if (!p.chrome) continue;
      bool turned = (p.width > p.height) != (geometry_.width > geometry_.height);
      PageGeometry g = turned ? geometry_.landscape() : geometry_;
      double width = g.content_width();
      TextStyle s = styles::running();
      s.ellipsize = true;
      TextBlock left = ts_.set(b_.title, s, width * 0.46);
      TextStyle rs = s;
      rs.align = TextStyle::Align::right;
      TextBlock right = ts_.set(p.running_head, rs, width * 0.5);
      double hy = g.header_y;
      p.items.push_back(DrawText{left, 0, left.lines.size(), g.left, hy - left.lines[0].baseline});
      if (!right.empty())
        p.items.push_back(DrawText{right, 0, right.lines.size(), g.left + width * 0.5,
                                   hy - right.lines[0].baseline});
      p.items.push_back(StrokeLine{g.left, hy + 5, g.left + width, hy + 5, 0.4, palette::rule});
      // The number sits at the outer edge: right on odd pages, left on even.
      TextStyle ns = styles::running();
      ns.size = 8.5;
      ns.bold = true;
      ns.color = palette::primary;
      bool odd = (i + 1) % 2 == 1;
      ns.align = odd ? TextStyle::Align::right : TextStyle::Align::left;
      TextBlock num = ts_.set(std::to_string(i + 1), ns, 60);
      double ny = p.height - g.footer_y - num.lines[0].baseline;
      p.items.push_back(DrawText{num, 0, num.lines.size(), odd ? g.left + width - 60 : g.left, ny});
    }
  }

  const Booklet& b_;
  Typesetter& ts_;
  PageGeometry geometry_;
  std::map<const SectionEntry*, TablePlan> tables_;
};

}  // namespace

LaidOutBooklet document_of(const Booklet& booklet) {
  LaidOutBooklet out;
  out.title = booklet.title;
  out.author = booklet.organization;
  out.subject = booklet.period;
  out.lang = booklet.lang;
  out.date_iso = booklet.date_iso;
  return out;
}

LaidOutBooklet lay_out(const Booklet& booklet, Typesetter& ts, const PageGeometry& geometry) {
  return Layout(booklet, ts, geometry).run();
}

}  // namespace carnet::render::booklet
