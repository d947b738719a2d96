#include "render/booklet/pdf_writer.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "render/booklet/pdf_finish.hpp"
#include "wrap/cairo.hpp"

namespace carnet::render::booklet {

namespace {

// Cairo's attribute strings quote with single quotes and escape with '\'.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

bool identity(const Sheet& sheet, const std::vector<Page>& pages) {
  if (sheet.placements.size() != 1) return false;
  const auto& p = sheet.placements[0];
  if (p.page < 0 || p.rotation != 0 || p.x != 0 || p.y != 0) return false;
  const Page& page = pages[static_cast<size_t>(p.page)];
  return page.width == sheet.width && page.height == sheet.height;
}

class Writer {
 public:
  Writer(bool interactive, cairo_t* cr) : interactive_(interactive), cr_(cr) {}

  void draw(const Page& page) {
    for (const auto& item : page.items) std::visit([this](const auto& i) { this->item(i); }, item);
  }

  std::vector<std::string> alts;

 private:
  void item(const DrawText& t) {
    const Color& c = t.block.color;
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    if (t.first >= t.last || t.first >= t.block.lines.size()) return;
    double origin = t.block.lines[t.first].top;
    if (interactive_) {
      // Link areas first: cairo ties a link to the tag, not to the glyphs.
      for (const auto& link : t.block.links) {
        auto rects = link_rects(t.block, link, t.first, t.last);
        if (rects.empty()) continue;
        std::string attrs = "rect=[";
        for (const auto& r : rects)
          attrs += num(t.x + r.x) + " " + num(t.y + r.y) + " " + num(r.w) + " " + num(r.h) + " ";
        // "#note-N": a place in this booklet (a page's footnote), not a URL.
        attrs += link.href[0] == '#' ? "] dest=" + quote(link.href.substr(1))
                                     : "] uri=" + quote(link.href);
        cairo_tag_begin(cr_, CAIRO_TAG_LINK, attrs.c_str());
        cairo_tag_end(cr_, CAIRO_TAG_LINK);
      }
    }
    for (size_t i = t.first; i < t.last && i < t.block.lines.size(); ++i) {
      const auto& line = t.block.lines[i];
      cairo_move_to(cr_, t.x + line.x, t.y + line.baseline - origin);
      pango_cairo_show_layout_line(cr_, line.line);
    }
  }
  void item(const FillRect& f) {
    cairo_set_source_rgb(cr_, f.color.r, f.color.g, f.color.b);
    const Rect& r = f.rect;
    if (f.radius > 0) {
      double rad = std::min(f.radius, std::min(r.w, r.h) / 2);
      cairo_new_sub_path(cr_);
      cairo_arc(cr_, r.x + r.w - rad, r.y + rad, rad, -M_PI / 2, 0);
      cairo_arc(cr_, r.x + r.w - rad, r.y + r.h - rad, rad, 0, M_PI / 2);
      cairo_arc(cr_, r.x + rad, r.y + r.h - rad, rad, M_PI / 2, M_PI);
      cairo_arc(cr_, r.x + rad, r.y + rad, rad, M_PI, 3 * M_PI / 2);
      cairo_close_path(cr_);
    } else {
      cairo_rectangle(cr_, r.x, r.y, r.w, r.h);
    }
    cairo_fill(cr_);
  }
  void item(const StrokeLine& l) {
    cairo_set_source_rgb(cr_, l.color.r, l.color.g, l.color.b);
    cairo_set_line_width(cr_, l.width);
    if (l.dotted) {
      double dash[] = {0.01, 3.2};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    }
    cairo_move_to(cr_, l.x1, l.y1);
    cairo_line_to(cr_, l.x2, l.y2);
    cairo_stroke(cr_);
    if (l.dotted) {
      cairo_set_dash(cr_, nullptr, 0, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    }
  }
  void item(const DrawImage& d) { d.image->draw(cr_, d.rect.x, d.rect.y, d.rect.w, d.rect.h); }
  void item(const TagBegin& t) {
    if (!interactive_) return;
    if (t.name == "Figure") alts.push_back(t.alt);
    cairo_tag_begin(cr_, t.name.c_str(), "");
  }
  void item(const TagEnd& t) {
    if (interactive_) cairo_tag_end(cr_, t.name.c_str());
  }
  void item(const Dest& d) {
    if (!interactive_) return;
    std::string attrs =
        "name=" + quote(d.name) + " x=" + num(d.x) + " y=" + num(std::max(0.0, d.y - 12));
    cairo_tag_begin(cr_, CAIRO_TAG_DEST, attrs.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_DEST);
  }
  void item(const LinkArea& l) {
    if (!interactive_) return;
    std::string attrs = "rect=[";
    for (const auto& r : l.rects)
      attrs += num(r.x) + " " + num(r.y) + " " + num(r.w) + " " + num(r.h) + " ";
    attrs += "] ";
    attrs += l.dest.empty() ? "uri=" + quote(l.uri) : "dest=" + quote(l.dest);
    cairo_tag_begin(cr_, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_LINK);
  }

  bool interactive_;
  cairo_t* cr_;
};

// Where each named destination is: sheet index (0-based) and position.
struct DestPlace {
  size_t sheet = 0;
  double x = 0, y = 0;
};

void place_page(cairo_t* cr, const Page& page, const Placement& p) {
  bool turn = (page.width > page.height) != (p.width > p.height);
  double pw = turn ? page.height : page.width, ph = turn ? page.width : page.height;
  double scale = std::min(p.width / pw, p.height / ph);
  // Centre the page in its slot.
  cairo_translate(cr, p.x + (p.width - pw * scale) / 2, p.y + (p.height - ph * scale) / 2);
  cairo_scale(cr, scale, scale);
  if (p.rotation == 180) {
    cairo_translate(cr, pw, ph);
    cairo_rotate(cr, M_PI);
  }
  if (turn) {
    // A landscape page on a portrait slot: its top goes to the slot's left.
    cairo_translate(cr, pw, 0);
    cairo_rotate(cr, M_PI / 2);
  }
}

}  // namespace

void draw_page(cairo_t* cr, const Page& page) { Writer(false, cr).draw(page); }

std::vector<Sheet> reading_sheets(const std::vector<Page>& pages) {
  std::vector<Sheet> out;
  for (size_t i = 0; i < pages.size(); ++i)
    out.push_back({pages[i].width,
                   pages[i].height,
                   {{static_cast<long>(i), 0, 0, pages[i].width, pages[i].height, 0}}});
  return out;
}

std::string write_pdf(const LaidOutBooklet& booklet, const std::vector<Sheet>& sheets,
                      const std::string& context) {
  if (sheets.empty()) throw base::SystemError(context + ": no pages");
  wrap::PdfSurface surface(sheets[0].width, sheets[0].height, context);
  cairo_surface_t* s = surface.get();
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, booklet.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, booklet.author.c_str());
  if (!booklet.subject.empty())
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, booklet.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Carnet");
  // Dated from the content, never from the clock: same input, same bytes.
  std::string date = booklet.date_iso + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

  bool interactive = true;
  for (const auto& sheet : sheets) interactive = interactive && identity(sheet, booklet.pages);

  wrap::Cairo cr = wrap::make_cairo(s);
  Writer writer(interactive, cr.get());
  if (interactive) cairo_tag_begin(cr.get(), "Document", "");
  std::map<std::string, DestPlace> dests;
  for (size_t i = 0; i < sheets.size(); ++i) {
    const Sheet& sheet = sheets[i];
    cairo_pdf_surface_set_size(s, sheet.width, sheet.height);
    for (const auto& p : sheet.placements) {
      if (p.page < 0) continue;
      const Page& page = booklet.pages[static_cast<size_t>(p.page)];
      cairo_save(cr.get());
      place_page(cr.get(), page, p);
      writer.draw(page);
      // Bookmarks of an imposed document point at pages, not names.
      for (const auto& item : page.items)
        if (auto* d = std::get_if<Dest>(&item)) {
          double x = d->x, y = std::max(0.0, d->y - 12);
          cairo_user_to_device(cr.get(), &x, &y);
          dests[d->name] = {i, x, y};
        }
      cairo_restore(cr.get());
    }
    cairo_show_page(cr.get());
  }
  if (interactive) cairo_tag_end(cr.get(), "Document");

  std::vector<int> parents = {CAIRO_PDF_OUTLINE_ROOT};
  for (const auto& e : booklet.outline) {
    auto found = dests.find(e.dest);
    if (found == dests.end()) continue;
    std::string link = interactive ? "dest=" + quote(e.dest)
                                   : "page=" + std::to_string(found->second.sheet + 1) + " pos=[" +
                                         num(found->second.x) + " " + num(found->second.y) + "]";
    size_t level = static_cast<size_t>(std::max(0, e.level));
    if (level + 1 > parents.size()) level = parents.size() - 1;
    parents.resize(level + 1);
    int id = cairo_pdf_surface_add_outline(
        s, parents[level], e.title.c_str(), link.c_str(),
        level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0));
    parents.push_back(id);
  }
  wrap::check_cairo(cairo_status(cr.get()), context);
  cr.reset();
  std::string pdf = surface.commit();
  return finish_pdf(std::move(pdf), booklet.lang,
                    interactive ? writer.alts : std::vector<std::string>{}, context);
}

}  // namespace carnet::render::booklet
