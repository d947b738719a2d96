#include "render/booklet/epub_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

#include "render/booklet/packaged_images.hpp"
#include "render/booklet/progress.hpp"
#include "render/booklet/xhtml.hpp"
#include "view/palette.hpp"
#include "wrap/zip.hpp"

namespace carnet::render::booklet {

namespace {

// The booklet's palette and the statuses' colours, the same as the PDF's.
std::string stylesheet() {
  const std::string primary = hex(palette::primary), accent = hex(palette::accent),
                    muted = hex(palette::muted), rule = hex(palette::rule),
                    zebra = hex(palette::zebra), white = hex(palette::white),
                    ink = hex(palette::ink);
  std::string css =
      "body { font-family: \"Noto Serif\", Georgia, serif; line-height: 1.45; margin: 0 4%; "
      "color: " +
      ink +
      "; }\n"
      "h1, h2, h3, h4, th, .kicker, nav, table { font-family: \"Noto Sans\", \"Helvetica Neue\", "
      "Arial, sans-serif; }\n"
      "h1, h2, h3, h4 { color: " +
      primary +
      "; line-height: 1.2; hyphens: none; -epub-hyphens: none; }\n"
      "h1 { font-size: 1.6em; margin: 1.2em 0 0.5em; }\n"
      "h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; }\n"
      "h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }\n"
      ".kicker { display: block; font-size: 0.6em; letter-spacing: 0.12em; text-transform: "
      "uppercase; color: " +
      accent +
      "; }\n"
      "p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; -epub-hyphens: auto; }\n"
      ".cover { text-align: left; margin-top: 3em; }\n"
      ".cover .organization { text-transform: uppercase; letter-spacing: 0.1em; font-family: "
      "\"Noto Sans\", Arial, sans-serif; font-size: 0.8em; }\n"
      ".cover h1 { font-size: 2em; }\n"
      ".cover .logo img { max-width: 60%; max-height: 6em; }\n"
      ".cover .period { font-size: 1.3em; color: " +
      primary +
      "; font-family: \"Noto Sans\", Arial, sans-serif; }\n"
      ".field { font-family: \"Noto Sans\", Arial, sans-serif; font-weight: bold; color: " +
      primary +
      "; margin: 0.8em 0 0.2em; }\n"
      "table { border-collapse: collapse; width: 100%; font-size: 0.75em; margin: 0.8em 0 1.2em; "
      "}\n"
      "th, td { border-bottom: 1px solid " +
      rule +
      "; padding: 0.35em 0.4em; text-align: left; vertical-align: top; }\n"
      "thead th { background-color: " +
      primary + "; color: " + white +
      "; }\n"
      "tbody th { font-weight: bold; }\n"
      "tbody tr:nth-child(even) { background-color: " +
      zebra +
      "; }\n"
      "td ul, th ul { margin: 0; padding-left: 1.1em; }\n"
      "td p, th p { margin: 0 0 0.2em; text-align: left; }\n"
      // The status word in the text's colour, not grey: it must read on its
      // own, in black and white too.
      ".status { font-weight: normal; color: " +
      ink +
      "; display: block; margin-top: 0.2em; }\n"
      "th p.more, th .more { font-weight: normal; color: " +
      muted +
      "; margin-top: 0.2em; }\n"
      ".year { text-align: center; width: 2.6em; }\n"
      "td.year { color: " +
      primary +
      "; font-size: 1.3em; line-height: 1; }\n"
      ".hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 "
      "0); }\n"
      ".number { text-align: right; }\n"
      // A page's Markdown tables keep the body's size: they are text, not a
      // plan's many columns. Its figures fit the screen.
      "table.markdown { font-size: 0.9em; }\n"
      "table.markdown .right { text-align: right; }\n"
      "table.markdown .center { text-align: center; }\n"
      "figure { margin: 1em 0; text-align: center; }\n"
      "figure img { max-width: 100%; max-height: 60vh; }\n"
      "figcaption { font-style: italic; font-size: 0.9em; color: " +
      muted +
      "; margin-top: 0.3em; }\n"
      // A cell's column label, repeated for the cards below.
      ".cell-label { display: none; }\n"
      "figure { margin: 1em 0; }\n"
      "figure img { width: 100%; }\n"
      "blockquote { font-style: italic; color: " +
      muted +
      "; margin: 0 0 0.6em 1.2em; }\n"
      "nav ol { list-style: none; padding-left: 1em; }\n"
      ".late { font-weight: bold; color: " +
      accent +
      "; }\n"
      ".progress, .as-of { font-family: \"Noto Sans\", Arial, sans-serif; color: " +
      primary +
      "; }\n"
      ".rule { font-size: 0.85em; color: " +
      muted + "; }\n";
  // Below 40em (a phone, a small reader) an action table has no room for its
  // columns ("Responsables" cut off at 390 px): each row becomes a card,
  // each cell led by its column's label. Reading systems honour media
  // queries; the table's markup stays a table for screen readers.
  css +=
      "@media (max-width: 40em) {\n"
      "table.actions, table.actions tbody, table.actions tr, table.actions th, table.actions td "
      "{ display: block; width: auto; }\n"
      "table.actions { font-size: 0.9em; border: none; }\n"
      "table.actions thead { position: absolute; width: 1px; height: 1px; overflow: hidden; "
      "clip: rect(0 0 0 0); }\n"
      "table.actions tbody tr { border: 1px solid " +
      rule + "; border-top: 4px solid " + primary +
      "; margin: 0 0 1em; padding: 0.3em 0 0.4em; }\n"
      "table.actions tbody tr:nth-child(even) { background-color: transparent; }\n"
      "table.actions th, table.actions td { border: none; padding: 0.25em 0.7em; }\n"
      "table.actions .cell-label { display: block; font-family: \"Noto Sans\", Arial, "
      "sans-serif; font-weight: bold; font-size: 0.85em; color: " +
      primary +
      "; }\n"
      "table.actions td.year { display: inline-block; text-align: left; width: auto; font-size: "
      "1em; padding-right: 0; }\n"
      "table.actions td.year .cell-label { display: inline; margin-right: 0.3em; }\n"
      "table.actions td.year-off { display: none; }\n"
      "}\n";
  for (auto st : model::all_statuses)
    css += std::string(".dot-") + model::status_name(st) +
           " { color: " + view::status_colors(st).strong.hex() + "; }\n";
  return css;
}

using Body = std::function<void(wrap::XmlWriter&)>;

std::string document(const Booklet& b, const std::string& title, const Body& body) {
  wrap::XmlWriter w(false);
  w.start("html");
  w.attribute("xmlns", "http://www.w3.org/1999/xhtml");
  w.attribute("xmlns:epub", "http://www.idpf.org/2007/ops");
  w.attribute("lang", b.lang);
  w.attribute("xml:lang", b.lang);
  write_newline(w);
  w.start("head");
  write_newline(w);
  w.start("meta");
  w.attribute("charset", "UTF-8");
  w.end();
  write_newline(w);
  write_line(w, "title", title);
  w.start("link");
  w.attribute("rel", "stylesheet");
  w.attribute("type", "text/css");
  w.attribute("href", "style.css");
  w.end();
  write_newline(w);
  w.end();  // head
  write_newline(w);
  w.start("body");
  write_newline(w);
  body(w);
  w.end();  // body
  write_newline(w);
  std::string doc = w.finish();
  // XHTML5's doctype, which the writer's DTD call would give a system id.
  return doc.insert(xml_declaration.size(), "<!DOCTYPE html>\n");
}

struct Part {
  std::string id;    // manifest id
  std::string file;  // "part-1.xhtml"
  std::string title;
  Body body;
  std::string xhtml;  // the document, written before the package lists it
};

class EpubBuilder {
 public:
  explicit EpubBuilder(const Booklet& b)
      : b_(b), logo_(packaged_logo(b.brand)), images_(packaged_images(b)) {}

  const std::optional<PackagedLogo>& logo() const { return logo_; }
  const std::vector<PackagedImage>& images() const { return images_; }

  void header_cell(wrap::XmlWriter& w, const std::string& text, const char* cls = nullptr,
                   const std::string& lang = "") const {
    w.start("th");
    w.attribute("scope", "col");
    if (cls) w.attribute("class", cls);
    write_lang(w, lang);
    w.text(text);
    w.end();
  }

  void status(wrap::XmlWriter& w, const ActionEntry& a) const {
    w.start("span");
    w.attribute("class", "status");
    w.start("span");
    w.attribute("class", std::string("dot-") + model::status_name(a.status));
    w.attribute("aria-hidden", "true");
    w.text(view::status_mark(a.status));
    w.end();
    w.text(" " + a.status_label);
    if (a.late) {
      w.text(" \u00B7 ");
      w.start("strong");
      w.attribute("class", "late");
      w.text(a.late_word);
      w.end();
    }
    w.end();
  }

  // The column's label inside each cell, shown only when the table reads as
  // cards (the stylesheet's narrow media query).
  void cell_label(wrap::XmlWriter& w, const Column& c) const {
    w.start("span");
    w.attribute("class", "cell-label");
    write_lang(w, c.label_lang);
    w.text(c.label);
    w.end();
  }

  void table(wrap::XmlWriter& w, const SectionEntry& s) const {
    w.start("table");
    w.attribute("class", "actions");
    write_newline(w);
    w.start("thead");
    w.start("tr");
    header_cell(w, b_.words.action);
    for (const auto& c : b_.columns)
      header_cell(w, c.label, c.year ? "year" : nullptr, c.label_lang);
    w.end();
    w.end();
    write_newline(w);
    w.start("tbody");
    write_newline(w);
    for (const auto& a : s.actions) {
      w.start("tr");
      w.attribute("id", xml_id(a.anchor));
      w.start("th");
      w.attribute("scope", "row");
      w.start("span");
      write_lang(w, a.title_lang);
      w.text(a.code.empty() ? a.title : a.code + " " + a.title);
      w.end();
      status(w, a);
      for (const auto& f : a.more) write_blocks(w, labelled_blocks(f, b_.words.colon), "more");
      w.end();  // th
      for (size_t i = 0; i < a.cells.size(); ++i) {
        const CellEntry& cell = a.cells[i];
        w.start("td");
        if (cell.year) {
          w.attribute("class", cell.mark ? "year" : "year year-off");
          cell_label(w, b_.columns[i]);
          if (cell.mark) {
            w.start("span");
            w.attribute("aria-hidden", "true");
            w.text(year_mark);
            w.end();
          }
          w.start("span");
          w.attribute("class", "hidden");
          w.text(cell.mark_word);
          w.end();
        } else {
          cell_label(w, b_.columns[i]);
          write_blocks(w, cell.blocks);
        }
        w.end();
      }
      w.end();  // tr
      write_newline(w);
    }
    w.end();  // tbody
    write_newline(w);
    w.end();  // table
    write_newline(w);
  }

  void section(wrap::XmlWriter& w, const SectionEntry& s) const {
    int level = std::min(s.depth + 1, 4);
    std::string h = "h" + std::to_string(level);
    w.start("section");
    w.attribute("id", xml_id(s.anchor));
    write_newline(w);
    w.start(h.c_str());
    write_lang(w, s.title_lang);
    if (s.depth <= 1 && !s.label().empty()) {
      w.start("span");
      w.attribute("class", "kicker");
      w.text(s.label());
      w.end();
      w.text(" " + s.title);
    } else {
      w.text(s.heading());
    }
    w.end();
    write_newline(w);
    if (!s.progress_line.empty()) {
      w.start("p");
      w.attribute("class", "progress");
      w.text(s.progress_line);
      w.end();
      write_newline(w);
    }
    write_blocks(w, s.description);
    for (const auto& f : s.fields) {
      w.start("p");
      w.attribute("class", "field");
      write_lang(w, f.label_lang);
      w.text(f.label);
      w.end();
      write_newline(w);
      write_blocks(w, f.blocks);
    }
    if (!s.actions.empty()) table(w, s);
    for (const auto& c : s.children) section(w, c);
    w.end();  // section
    write_newline(w);
  }

  std::vector<Part> parts() const {
    std::vector<Part> out;
    out.push_back({"title", "title.xhtml", b_.title, [this](wrap::XmlWriter& w) {
                     w.start("section");
                     w.attribute("class", "cover");
                     w.attribute("epub:type", "titlepage");
                     write_newline(w);
                     auto para = [&](const char* cls, const std::string& text) {
                       w.start("p");
                       if (cls) w.attribute("class", cls);
                       w.text(text);
                       w.end();
                       write_newline(w);
                     };
                     if (logo_) {
                       w.start("p");
                       w.attribute("class", "logo");
                       w.start("img");
                       w.attribute("src", logo_->name);
                       w.attribute("alt", b_.brand.logo_alt);
                       w.end();
                       w.end();
                       write_newline(w);
                     }
                     if (!b_.organization.empty()) para("organization", b_.organization);
                     write_line(w, "h1", b_.title);
                     if (auto period = cover_period(b_.title, b_.period); !period.empty())
                       para("period", period);
                     if (!b_.adopted.empty()) para(nullptr, b_.adopted);
                     if (!b_.as_of_line.empty()) para("as-of", b_.as_of_line);
                     for (const auto& line : b_.organization_lines) para(nullptr, line);
                     w.end();
                     write_newline(w);
                   }});
    if (!b_.summary.empty() || !b_.intro.empty()) {
      out.push_back(
          {"intro", "intro.xhtml", b_.summary.empty() ? b_.words.introduction : b_.words.summary,
           [this](wrap::XmlWriter& w) {
             auto part = [&](const char* id, const std::string& title, const Blocks& blocks) {
               if (blocks.empty()) return;
               w.start("section");
               w.attribute("id", id);
               write_newline(w);
               write_line(w, "h1", title);
               write_blocks(w, blocks);
               w.end();
               write_newline(w);
             };
             part("summary", b_.words.summary, b_.summary);
             part("introduction", b_.words.introduction, b_.intro);
           }});
    }
    int n = 0;
    for (const auto& s : b_.sections) {
      ++n;
      out.push_back({"part-" + std::to_string(n), "part-" + std::to_string(n) + ".xhtml",
                     s.heading(), [this, &s](wrap::XmlWriter& w) { section(w, s); }});
    }
    if (!b_.page)
      out.push_back({"progress", "progress.xhtml", b_.words.progress,
                     [this](wrap::XmlWriter& w) { progress(w); }});
    if (!b_.notes.empty())
      out.push_back(
          {"notes", "notes.xhtml", b_.words.notes, [this](wrap::XmlWriter& w) { notes(w); }});
    if (b_.changes)
      out.push_back({"changes", "changes.xhtml", b_.changes->heading,
                     [this](wrap::XmlWriter& w) { changes(w); }});
    return out;
  }

  // A page's footnotes as endnotes, each where its calls lead.
  void notes(wrap::XmlWriter& w) const {
    w.start("section");
    w.attribute("epub:type", "endnotes");
    w.attribute("id", "notes");
    write_newline(w);
    write_line(w, "h1", b_.words.notes);
    for (const auto& n : b_.notes) {
      w.start("aside");
      w.attribute("epub:type", "endnote");
      w.attribute("id", xml_id(n.anchor));
      write_newline(w);
      Blocks blocks = n.blocks;
      if (blocks.empty()) blocks.push_back(paragraph(""));
      Span number{std::to_string(n.number) + ". "};
      number.bold = true;
      blocks.front().text.insert(blocks.front().text.begin(), number);
      write_blocks(w, blocks);
      w.end();
      write_newline(w);
    }
    w.end();
    write_newline(w);
  }

  void progress(wrap::XmlWriter& w) const {
    auto rows = progress_rows(b_);
    w.start("section");
    w.attribute("id", "progress");
    write_newline(w);
    write_line(w, "h1", b_.words.progress);
    auto lines = tracking_lines(b_);
    for (size_t i = 0; i < lines.size(); ++i) {
      w.start("p");
      if (i == 0) w.attribute("class", "as-of");
      w.text(lines[i]);
      w.end();
      write_newline(w);
    }
    w.start("ul");
    write_newline(w);
    for (const auto& [count, label] : key_figures(b_)) {
      w.start("li");
      write_element(w, "strong", std::to_string(count));
      w.text(" " + label);
      w.end();
      write_newline(w);
    }
    w.end();
    write_newline(w);
    w.start("figure");
    w.start("img");
    w.attribute("src", "chart.svg");
    w.attribute("alt", chart_description(b_, rows));
    w.end();
    w.end();
    write_newline(w);
    w.start("table");
    w.start("thead");
    w.start("tr");
    header_cell(w, b_.words.section);
    for (const auto& l : b_.status_labels) header_cell(w, l, "number");
    header_cell(w, b_.words.total_column, "number");
    const bool with_progress = has_progress(rows);
    if (with_progress) header_cell(w, b_.words.progress_of, "number");
    w.end();
    w.end();
    write_newline(w);
    w.start("tbody");
    write_newline(w);
    for (const auto& r : rows) {
      w.start("tr");
      w.start("th");
      w.attribute("scope", "row");
      w.text(r.depth < 0 ? r.label : heading_text(r.label, r.title));
      w.end();
      auto number = [&](int v) {
        w.start("td");
        w.attribute("class", "number");
        w.text(std::to_string(v));
        w.end();
      };
      for (int v : r.per_status) number(v);
      number(r.total);
      if (with_progress) {
        w.start("td");
        w.attribute("class", "number");
        w.text(r.progress_text.empty() ? "\u2013" : r.progress_text);
        w.end();
      }
      w.end();
      write_newline(w);
    }
    w.end();  // tbody
    w.end();  // table
    write_newline(w);
    if (!b_.progress_rule.empty()) {
      w.start("p");
      w.attribute("class", "rule");
      w.text(b_.progress_rule);
      w.end();
      write_newline(w);
    }
    w.end();  // section
    write_newline(w);
  }

  void changes(wrap::XmlWriter& w) const {
    const ChangesEntry& c = *b_.changes;
    w.start("section");
    w.attribute("id", "changes");
    write_newline(w);
    write_line(w, "h1", c.heading);
    if (!c.none.empty()) write_line(w, "p", c.none);
    for (const auto& g : c.groups) {
      write_line(w, "h2", g.title);
      write_blocks(w, change_blocks(g, b_.words.colon));
    }
    w.end();  // section
    write_newline(w);
  }

  void nav_section(wrap::XmlWriter& w, const SectionEntry& s, const std::string& file) const {
    w.start("li");
    w.start("a");
    w.attribute("href", file + "#" + xml_id(s.anchor));
    w.text(s.heading());
    w.end();
    if (!s.children.empty()) {
      write_newline(w);
      w.start("ol");
      write_newline(w);
      for (const auto& c : s.children) nav_section(w, c, file);
      w.end();
      write_newline(w);
    }
    w.end();
    write_newline(w);
  }

  std::string nav() const {
    return document(b_, b_.words.contents, [this](wrap::XmlWriter& w) {
      auto link = [&](const std::string& href, const std::string& text, const char* type) {
        w.start("li");
        w.start("a");
        if (type) w.attribute("epub:type", type);
        w.attribute("href", href);
        w.text(text);
        w.end();
        w.end();
        write_newline(w);
      };
      w.start("nav");
      w.attribute("epub:type", "toc");
      w.attribute("id", "toc");
      write_newline(w);
      write_line(w, "h1", b_.words.contents);
      w.start("ol");
      write_newline(w);
      link("title.xhtml", b_.title, nullptr);
      if (!b_.summary.empty()) link("intro.xhtml#summary", b_.words.summary, nullptr);
      if (!b_.intro.empty()) link("intro.xhtml#introduction", b_.words.introduction, nullptr);
      int n = 0;
      for (const auto& s : b_.sections) nav_section(w, s, "part-" + std::to_string(++n) + ".xhtml");
      if (!b_.page) link("progress.xhtml", b_.words.progress, nullptr);
      if (!b_.notes.empty()) link("notes.xhtml", b_.words.notes, nullptr);
      if (b_.changes) link("changes.xhtml", b_.changes->heading, nullptr);
      w.end();  // ol
      write_newline(w);
      w.end();  // nav
      write_newline(w);
      w.start("nav");
      w.attribute("epub:type", "landmarks");
      w.attribute("id", "landmarks");
      w.attribute("hidden", "hidden");
      write_newline(w);
      w.start("ol");
      write_newline(w);
      link("nav.xhtml#toc", b_.words.contents, "toc");
      link(b_.summary.empty() && b_.intro.empty() ? "part-1.xhtml" : "intro.xhtml", b_.title,
           "bodymatter");
      w.end();
      write_newline(w);
      w.end();
      write_newline(w);
    });
  }

  std::string package(const std::vector<Part>& parts) const {
    wrap::XmlWriter w(true);
    w.start("package");
    w.attribute("xmlns", "http://www.idpf.org/2007/opf");
    w.attribute("version", "3.0");
    w.attribute("unique-identifier", "uid");
    w.attribute("xml:lang", b_.lang);
    w.start("metadata");
    w.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    w.start("dc:identifier");
    w.attribute("id", "uid");
    w.text(b_.identifier);
    w.end();
    write_element(w, "dc:title", b_.title);
    write_element(w, "dc:language", b_.lang);
    if (!b_.organization.empty()) write_element(w, "dc:creator", b_.organization);
    write_element(w, "dc:date", b_.date_iso);
    auto meta = [&](const char* property, const std::string& value) {
      w.start("meta");
      w.attribute("property", property);
      w.text(value);
      w.end();
    };
    // The content's date, not the build's: same input, same bytes.
    meta("dcterms:modified", b_.date_iso + "T00:00:00Z");
    meta("schema:accessMode", "textual");
    meta("schema:accessMode", "visual");
    meta("schema:accessModeSufficient", "textual");
    meta("schema:accessibilityFeature", "structuralNavigation");
    meta("schema:accessibilityFeature", "tableOfContents");
    meta("schema:accessibilityFeature", "alternativeText");
    meta("schema:accessibilityHazard", "none");
    meta("schema:accessibilitySummary", b_.words.epub_accessibility);
    w.end();  // metadata
    w.start("manifest");
    auto item = [&](const std::string& id, const std::string& href, const char* type,
                    const char* properties) {
      w.start("item");
      w.attribute("id", id);
      w.attribute("href", href);
      w.attribute("media-type", type);
      if (properties) w.attribute("properties", properties);
      w.end();
    };
    item("nav", "nav.xhtml", "application/xhtml+xml", "nav");
    item("css", "style.css", "text/css", nullptr);
    if (!b_.page) item("chart", "chart.svg", "image/svg+xml", nullptr);
    if (logo_) item("logo", logo_->name, logo_->media_type.c_str(), nullptr);
    for (size_t i = 0; i < images_.size(); ++i)
      item("image-" + std::to_string(i + 1), images_[i].name, images_[i].media_type.c_str(),
           nullptr);
    // A document with an inline SVG (a chart of a data block) says so, as
    // EPUB 3 requires of it.
    for (const auto& p : parts)
      item(p.id, p.file, "application/xhtml+xml",
           p.xhtml.find("<svg") != std::string::npos ? "svg" : nullptr);
    w.end();  // manifest
    w.start("spine");
    auto itemref = [&](const std::string& id) {
      w.start("itemref");
      w.attribute("idref", id);
      w.end();
    };
    itemref(parts[0].id);
    itemref("nav");
    for (size_t i = 1; i < parts.size(); ++i) itemref(parts[i].id);
    w.end();  // spine
    w.end();  // package
    return w.finish();
  }

 private:
  const Booklet& b_;
  std::optional<PackagedLogo> logo_;   // on the title page
  std::vector<PackagedImage> images_;  // a page's figures
};

std::string container_xml() {
  wrap::XmlWriter w(true);
  w.start("container");
  w.attribute("version", "1.0");
  w.attribute("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
  w.start("rootfiles");
  w.start("rootfile");
  w.attribute("full-path", "EPUB/package.opf");
  w.attribute("media-type", "application/oebps-package+xml");
  return w.finish();
}

}  // namespace

std::string write_epub(const Booklet& booklet, const std::string& context) {
  EpubBuilder builder(booklet);
  auto parts = builder.parts();
  for (auto& p : parts) p.xhtml = document(booklet, p.title, p.body);
  wrap::ZipWriter zip(context);
  int year = 2000, month = 1, day = 1;
  std::sscanf(booklet.date_iso.c_str(), "%d-%d-%d", &year, &month, &day);
  zip.set_date(std::max(1980, year), month, day);
  // The OCF rule: "mimetype" first, stored, so that its bytes sit at a fixed
  // offset where tools sniff the type.
  zip.add("mimetype", "application/epub+zip", wrap::ZipWriter::Compression::store);
  using C = wrap::ZipWriter::Compression;
  zip.add("META-INF/container.xml", container_xml(), C::deflate);
  zip.add("EPUB/package.opf", builder.package(parts), C::deflate);
  zip.add("EPUB/nav.xhtml", builder.nav(), C::deflate);
  zip.add("EPUB/style.css", stylesheet(), C::deflate);
  if (!booklet.page)
    zip.add("EPUB/chart.svg", progress_svg(booklet, progress_rows(booklet), 480), C::deflate);
  if (const auto& logo = builder.logo()) zip.add("EPUB/" + logo->name, logo->bytes, C::deflate);
  for (const auto& image : builder.images()) zip.add("EPUB/" + image.name, image.bytes, C::deflate);
  for (const auto& p : parts) zip.add("EPUB/" + p.file, p.xhtml, C::deflate);
  return zip.commit();
}

}  // namespace carnet::render::booklet
