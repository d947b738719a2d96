#include "render/booklet/odt_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <utility>
#include <vector>

#include "render/booklet/data_blocks.hpp"
#include "render/booklet/packaged_images.hpp"
#include "render/booklet/progress.hpp"
#include "render/booklet/xhtml.hpp"
#include "view/palette.hpp"
#include "wrap/zip.hpp"

namespace carnet::render::booklet {

namespace {

using Attrs = std::initializer_list<std::pair<const char*, std::string>>;

void attributes(wrap::XmlWriter& w, Attrs attrs) {
  for (const auto& [name, value] : attrs) w.attribute(name, value);
}

// An element with attributes and no content: <name a="v"/>.
void empty(wrap::XmlWriter& w, const char* name, Attrs attrs) {
  w.start(name);
  attributes(w, attrs);
  w.end();
}

void root(wrap::XmlWriter& w, const char* name) {
  w.start(name);
  attributes(w, {{"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
                 {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
                 {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
                 {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
                 {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
                 {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
                 {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
                 {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                 {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
                 {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
                 {"office:version", "1.2"}});
}

void font_faces(wrap::XmlWriter& w) {
  w.start("office:font-face-decls");
  for (const auto& [name, generic] : {std::pair{"Noto Serif", "roman"}, {"Noto Sans", "swiss"}})
    empty(w, "style:font-face",
          {{"style:name", name},
           {"svg:font-family", std::string("'") + name + "'"},
           {"style:font-family-generic", generic},
           {"style:font-pitch", "variable"}});
  w.end();
}

// A style: <style:style NAME-ATTRS><PROPS .../>...</style:style>.
void style(wrap::XmlWriter& w, Attrs attrs,
           std::initializer_list<std::pair<const char*, Attrs>> properties) {
  w.start("style:style");
  attributes(w, attrs);
  for (const auto& [element, props] : properties)
    if (props.size() > 0) empty(w, element, props);
  w.end();
}

struct Paper {
  const char* width;
  const char* height;
};

Paper paper_size(const std::string& paper) {
  return paper == "a4" ? Paper{"21cm", "29.7cm"} : Paper{"8.5in", "11in"};
}

// Headings go down to level 4 (deeper levels are set as level 4), and so
// does the table of contents.
constexpr int toc_levels = 4;

// The portrait page's text width, between its 0.8in margins: where the
// contents' page numbers are aligned.
double text_width_in(const std::string& paper) { return (paper == "a4" ? 21 / 2.54 : 8.5) - 1.6; }

// The named styles a person restyles: LibreOffice's own names, so that they
// map onto Word's built-in styles too ("Heading 1", "Title", ...). Colours
// are the booklet palette's (theme.hpp), as in the PDF.
std::string styles_xml(const std::string& paper_name) {
  const std::string primary = hex(palette::primary), accent = hex(palette::accent),
                    muted = hex(palette::muted), ink = hex(palette::ink),
                    white = hex(palette::white);
  Paper paper = paper_size(paper_name);
  wrap::XmlWriter w(false);
  root(w, "office:document-styles");
  font_faces(w);
  w.start("office:styles");
  w.start("style:default-style");
  w.attribute("style:family", "paragraph");
  empty(w, "style:paragraph-properties", {{"fo:hyphenation-ladder-count", "2"}});
  empty(w, "style:text-properties",
        {{"style:font-name", "Noto Serif"},
         {"fo:font-size", "10pt"},
         {"fo:color", ink},
         {"fo:hyphenate", "false"}});
  w.end();
  empty(w, "style:default-style", {{"style:family", "table"}});
  auto paragraph = [&](const char* name, const char* display, const char* parent, Attrs props,
                       Attrs text_props, Attrs extra = {}) {
    w.start("style:style");
    w.attribute("style:name", name);
    w.attribute("style:display-name", display);
    w.attribute("style:family", "paragraph");
    if (*parent) w.attribute("style:parent-style-name", parent);
    attributes(w, extra);
    if (props.size() > 0) empty(w, "style:paragraph-properties", props);
    if (text_props.size() > 0) empty(w, "style:text-properties", text_props);
    w.end();
  };
  const std::pair<const char*, std::string> hyphenate[] = {
      {"fo:hyphenate", "true"},
      {"fo:hyphenation-remain-char-count", "3"},
      {"fo:hyphenation-push-char-count", "3"}};
  paragraph("Standard", "Standard", "", {}, {});
  paragraph("Text_20_body", "Text body", "Standard",
            {{"fo:margin-top", "0in"},
             {"fo:margin-bottom", "0.08in"},
             {"fo:line-height", "135%"},
             {"fo:text-align", "justify"}},
            {hyphenate[0], hyphenate[1], hyphenate[2]});
  paragraph(
      "Heading", "Heading", "Standard",
      {{"fo:margin-top", "0.2in"}, {"fo:margin-bottom", "0.08in"}, {"fo:keep-with-next", "always"}},
      {{"style:font-name", "Noto Sans"}, {"fo:font-weight", "bold"}, {"fo:color", primary}},
      {{"style:next-style-name", "Text_20_body"}});
  paragraph("Heading_20_1", "Heading 1", "Heading",
            {{"fo:margin-top", "0.1in"}, {"fo:margin-bottom", "0.14in"}},
            {{"fo:font-size", "20pt"}}, {{"style:default-outline-level", "1"}});
  paragraph("Heading_20_2", "Heading 2", "Heading", {{"fo:margin-top", "0.22in"}},
            {{"fo:font-size", "14pt"}}, {{"style:default-outline-level", "2"}});
  paragraph("Heading_20_3", "Heading 3", "Heading", {{"fo:margin-top", "0.16in"}},
            {{"fo:font-size", "11.5pt"}}, {{"style:default-outline-level", "3"}});
  paragraph("Heading_20_4", "Heading 4", "Heading", {}, {{"fo:font-size", "10.5pt"}},
            {{"style:default-outline-level", "4"}});
  paragraph("Title", "Title", "Heading",
            {{"fo:margin-top", "1.5in"}, {"fo:margin-bottom", "0.1in"}},
            {{"fo:font-size", "30pt"}});
  paragraph("Subtitle", "Subtitle", "Heading", {{"fo:margin-top", "0in"}},
            {{"fo:font-size", "18pt"}, {"fo:font-weight", "normal"}});
  paragraph("Organization", "Organization", "Standard", {{"fo:margin-bottom", "0.3in"}},
            {{"style:font-name", "Noto Sans"},
             {"fo:font-size", "10pt"},
             {"fo:letter-spacing", "0.02in"},
             {"fo:text-transform", "uppercase"},
             {"fo:color", accent},
             {"fo:font-weight", "bold"}});
  paragraph(
      "Field_20_label", "Field label", "Standard",
      {{"fo:margin-top", "0.1in"}, {"fo:margin-bottom", "0.03in"}, {"fo:keep-with-next", "always"}},
      {{"style:font-name", "Noto Sans"},
       {"fo:font-size", "9.5pt"},
       {"fo:font-weight", "bold"},
       {"fo:color", primary}});
  paragraph("List_20_Contents", "List Contents", "Text_20_body",
            {{"fo:margin-bottom", "0.03in"}, {"fo:text-align", "start"}}, {});
  paragraph("Quotations", "Quotations", "Text_20_body", {{"fo:margin-left", "0.3in"}},
            {{"fo:font-style", "italic"}, {"fo:color", muted}});
  paragraph("Table_20_Contents", "Table Contents", "Standard", {{"fo:margin-bottom", "0.03in"}},
            {{"style:font-name", "Noto Sans"},
             {"fo:font-size", "8.5pt"},
             hyphenate[0],
             hyphenate[1],
             hyphenate[2]});
  paragraph("Table_20_Heading", "Table Heading", "Table_20_Contents", {},
            {{"fo:font-weight", "bold"}, {"fo:color", white}, {"fo:hyphenate", "false"}});
  paragraph("Table_20_More", "Table More", "Table_20_Contents", {}, {{"fo:color", muted}});
  paragraph("Year_20_Mark", "Year Mark", "Table_20_Contents", {{"fo:text-align", "center"}},
            {{"fo:font-size", "11pt"}, {"fo:font-weight", "bold"}, {"fo:color", primary}});
  // The table of contents: its heading starts a page (it follows the
  // cover), and its entries end in a dotted leader to the page number at
  // the right margin, as LibreOffice's own "Contents N" styles do.
  paragraph("Contents_20_Heading", "Contents Heading", "Heading",
            {{"fo:margin-top", "0in"}, {"fo:break-before", "page"}}, {{"fo:font-size", "20pt"}});
  paragraph("Index", "Index", "Standard", {}, {{"style:font-name", "Noto Sans"}});
  for (int level = 1; level <= toc_levels; ++level) {
    const std::string name = "Contents_20_" + std::to_string(level);
    const double indent = 0.2 * (level - 1);
    char margin[16], tab[16];
    std::snprintf(margin, sizeof margin, "%.2fin", indent);
    std::snprintf(tab, sizeof tab, "%.2fin", text_width_in(paper_name) - indent);
    w.start("style:style");
    attributes(w, {{"style:name", name},
                   {"style:display-name", "Contents " + std::to_string(level)},
                   {"style:family", "paragraph"},
                   {"style:parent-style-name", "Index"},
                   {"style:class", "index"}});
    w.start("style:paragraph-properties");
    attributes(w, {{"fo:margin-left", margin},
                   {"fo:margin-top", level == 1 ? "0.08in" : "0in"},
                   {"fo:margin-bottom", "0.03in"}});
    w.start("style:tab-stops");
    empty(w, "style:tab-stop",
          {{"style:position", tab},
           {"style:type", "right"},
           {"style:leader-style", "dotted"},
           {"style:leader-text", "."}});
    w.end();
    w.end();
    empty(w, "style:text-properties",
          {{"fo:font-size", level == 1 ? "10.5pt" : "9.5pt"},
           {"fo:font-weight", level == 1 ? "bold" : "normal"}});
    w.end();
  }
  paragraph("Footer", "Footer", "Standard", {{"fo:text-align", "end"}},
            {{"style:font-name", "Noto Sans"},
             {"fo:font-size", "8.5pt"},
             {"fo:color", primary},
             {"fo:font-weight", "bold"}});
  style(w,
        {{"style:name", "Strong_20_Emphasis"},
         {"style:display-name", "Strong Emphasis"},
         {"style:family", "text"}},
        {{"style:text-properties", {{"fo:font-weight", "bold"}}}});
  style(w,
        {{"style:name", "Index_20_Link"},
         {"style:display-name", "Index Link"},
         {"style:family", "text"}},
        {});
  style(w, {{"style:name", "Emphasis"}, {"style:family", "text"}},
        {{"style:text-properties", {{"fo:font-style", "italic"}}}});
  // Struck through: an action removed since the reference.
  style(w, {{"style:name", "Deleted"}, {"style:family", "text"}},
        {{"style:text-properties",
          {{"fo:font-style", "italic"},
           {"style:text-line-through-style", "solid"},
           {"style:text-line-through-type", "single"}}}});
  style(w,
        {{"style:name", "Source_20_Text"},
         {"style:display-name", "Source Text"},
         {"style:family", "text"}},
        {{"style:text-properties",
          {{"style:font-name-complex", "monospace"}, {"fo:font-family", "monospace"}}}});
  style(w,
        {{"style:name", "Internet_20_link"},
         {"style:display-name", "Internet link"},
         {"style:family", "text"}},
        {{"style:text-properties",
          {{"fo:color", primary},
           {"style:text-underline-style", "solid"},
           {"style:text-underline-width", "auto"},
           {"style:text-underline-color", "font-color"}}}});
  auto list_style = [&](const char* name, const char* display, bool numbered) {
    w.start("text:list-style");
    w.attribute("style:name", name);
    w.attribute("style:display-name", display);
    for (int level = 1; level <= 4; ++level) {
      char indent[16];
      std::snprintf(indent, sizeof indent, "%.2fin", (numbered ? 0.25 : 0.22) * level);
      w.start(numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
      w.attribute("text:level", std::to_string(level));
      if (numbered) {
        w.attribute("style:num-suffix", ".");
        w.attribute("style:num-format", "1");
      } else {
        w.attribute("text:bullet-char", level % 2 ? "\u2022" : "\u2013");
      }
      w.start("style:list-level-properties");
      w.attribute("text:list-level-position-and-space-mode", "label-alignment");
      empty(w, "style:list-level-label-alignment",
            {{"text:label-followed-by", "listtab"},
             {"text:list-tab-stop-position", indent},
             {"fo:text-indent", numbered ? "-0.2in" : "-0.16in"},
             {"fo:margin-left", indent}});
      w.end();
      w.end();
    }
    w.end();
  };
  list_style("List_20_1", "List 1", false);
  list_style("Numbering_20_123", "Numbering 123", true);
  w.end();  // office:styles
  w.start("office:automatic-styles");
  auto page_layout = [&](const char* name, const char* width, const char* height,
                         const char* orientation, const char* side_margin) {
    w.start("style:page-layout");
    w.attribute("style:name", name);
    empty(w, "style:page-layout-properties",
          {{"fo:page-width", width},
           {"fo:page-height", height},
           {"style:print-orientation", orientation},
           {"fo:margin-top", "0.7in"},
           {"fo:margin-bottom", "0.6in"},
           {"fo:margin-left", side_margin},
           {"fo:margin-right", side_margin}});
    w.start("style:footer-style");
    empty(w, "style:header-footer-properties",
          {{"fo:min-height", "0.3in"}, {"fo:margin-top", "0.15in"}});
    w.end();
    w.end();
  };
  page_layout("Portrait", paper.width, paper.height, "portrait", "0.8in");
  page_layout("Landscape", paper.height, paper.width, "landscape", "0.7in");
  w.end();
  w.start("office:master-styles");
  for (const char* master : {"Standard", "Landscape"}) {
    w.start("style:master-page");
    w.attribute("style:name", master);
    w.attribute("style:page-layout-name",
                std::string_view(master) == "Standard" ? "Portrait" : "Landscape");
    w.start("style:footer");
    w.start("text:p");
    w.attribute("text:style-name", "Footer");
    w.start("text:page-number");
    w.attribute("text:select-page", "current");
    w.text("1");
    w.end();
    w.end();
    w.end();
    w.end();
  }
  w.end();
  return w.finish();
}

// Text as ODF wants it: runs of spaces as text:s, tabs as text:tab, line
// breaks as text:line-break (else they collapse).
void odf_text(wrap::XmlWriter& w, std::string_view text) {
  std::string run;
  auto flush = [&] {
    if (!run.empty()) w.text(run);
    run.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' && i + 1 < text.size() && text[i + 1] == ' ') {
      size_t j = i;
      while (j < text.size() && text[j] == ' ') j++;
      run += ' ';
      flush();
      empty(w, "text:s", {{"text:c", std::to_string(j - i - 1)}});
      i = j - 1;
    } else if (c == '\t' || c == '\n') {
      flush();
      empty(w, c == '\t' ? "text:tab" : "text:line-break", {});
    } else {
      run += c;
    }
  }
  flush();
}

void spans(wrap::XmlWriter& w, const Inline& text) {
  for (const auto& s : text) {
    if (!s.href.empty()) {
      w.start("text:a");
      attributes(w, {{"xlink:type", "simple"},
                     {"xlink:href", s.href},
                     {"text:style-name", "Internet_20_link"},
                     {"text:visited-style-name", "Internet_20_link"}});
    }
    const char* style = s.strike   ? "Deleted"
                        : s.bold   ? "Strong_20_Emphasis"
                        : s.italic ? "Emphasis"
                        : s.code   ? "Source_20_Text"
                                   : nullptr;
    if (style) {
      w.start("text:span");
      w.attribute("text:style-name", style);
    }
    odf_text(w, s.text);
    if (style) w.end();
    if (!s.href.empty()) w.end();
  }
}

class OdtBuilder {
 public:
  OdtBuilder(const Booklet& b, bool landscape_tables)
      : b_(b),
        landscape_(landscape_tables),
        logo_(packaged_logo(b.brand)),
        images_(packaged_images(b)) {}

  const std::optional<PackagedLogo>& logo() const { return logo_; }
  const std::vector<PackagedImage>& images() const { return images_; }

  // Opens a text:span marking a fallback language, when `lang` is set;
  // returns whether it did.
  bool open_lang(wrap::XmlWriter& w, const std::string& lang) {
    if (lang.empty()) return false;
    w.start("text:span");
    w.attribute("text:style-name", lang_style(lang));
    return true;
  }

  void para(wrap::XmlWriter& w, const char* style, const std::string& text,
            const std::string& lang = "") {
    w.start("text:p");
    w.attribute("text:style-name", style);
    bool l = open_lang(w, lang);
    odf_text(w, text);
    if (l) w.end();
    w.end();
  }

  // Paragraphs in `style`, list items as (nested) text:list.
  void blocks(wrap::XmlWriter& w, const Blocks& blocks, const char* style) {
    int open = 0;  // open list levels, each with an open list item
    auto close_to = [&](int depth) {
      while (open > depth) {
        w.end();  // list-item
        w.end();  // list
        open--;
      }
    };
    auto content = [&](const Block& b) {
      bool l = open_lang(w, b.lang);
      if (b.heading) {
        w.start("text:span");
        w.attribute("text:style-name", "Strong_20_Emphasis");
      }
      spans(w, b.text);
      if (b.heading) w.end();
      if (l) w.end();
    };
    for (const auto& b : blocks) {
      if (b.kind == Block::Kind::item) {
        int depth = b.depth + 1;
        close_to(depth);
        if (open == depth) w.end();  // the previous item at this depth
        while (open < depth) {
          w.start("text:list");
          if (open == 0)
            w.attribute("text:style-name", b.ordered ? "Numbering_20_123" : "List_20_1");
          if (++open < depth) w.start("text:list-item");
        }
        w.start("text:list-item");
        w.start("text:p");
        w.attribute("text:style-name",
                    std::string_view(style) == "Text_20_body" ? "List_20_Contents" : style);
        content(b);
        w.end();
        continue;
      }
      close_to(0);
      if (b.kind == Block::Kind::data) {
        if (b.data) write_data_block_odt(w, *b.data);
        continue;
      }
      if (b.kind == Block::Kind::table) {
        if (b.table) markdown_table(w, *b.table);
        continue;
      }
      if (b.kind == Block::Kind::image) {
        figure(w, b);
        continue;
      }
      w.start("text:p");
      w.attribute("text:style-name", b.kind == Block::Kind::quote ? "Quotations" : style);
      content(b);
      w.end();
    }
    close_to(0);
  }

  // A page's Markdown table: its header row repeated on every page it spans
  // (table:table-header-rows), each column's alignment on its paragraphs.
  void markdown_table(wrap::XmlWriter& w, const TableBlock& t) {
    w.start("table:table");
    w.attribute("table:name", "Table" + std::to_string(++markdown_tables_));
    w.attribute("table:style-name", "ActionTable");
    empty(w, "table:table-column",
          {{"table:number-columns-repeated", std::to_string(std::max<size_t>(1, t.align.size()))}});
    auto row = [&](const std::vector<Inline>& cells, bool header) {
      w.start("table:table-row");
      for (size_t c = 0; c < cells.size(); ++c) {
        const auto a = c < t.align.size() ? t.align[c] : TableBlock::Align::none;
        start_cell(w, header);
        w.start("text:p");
        w.attribute("text:style-name", a == TableBlock::Align::right    ? "CellRight"
                                       : a == TableBlock::Align::center ? "CellCenter"
                                       : header                         ? "Table_20_Heading"
                                                                        : "Table_20_Contents");
        if (header) {
          w.start("text:span");
          w.attribute("text:style-name", "HeadText");
        }
        spans(w, cells[c]);
        if (header) w.end();
        w.end();
        w.end();
      }
      w.end();
    };
    if (!t.header.empty()) {
      w.start("table:table-header-rows");
      row(t.header, true);
      w.end();
    }
    for (const auto& r : t.rows) row(r, false);
    w.end();
  }

  // A page's image in Pictures/, at most the text's width (about 6 inches)
  // and 5 inches high, never beyond its natural size; its description as
  // the frame's title and as the caption under it.
  void figure(wrap::XmlWriter& w, const Block& b) {
    const std::string& name = b.image_name;
    auto found = std::find_if(images_.begin(), images_.end(),
                              [&](const PackagedImage& i) { return i.name == name; });
    if (found == images_.end()) return;
    const double scale = std::min({1.0, 6.0 * 72 / std::max(1.0, found->width_pt),
                                   5.0 * 72 / std::max(1.0, found->height_pt)});
    char width[32], height[32];
    std::snprintf(width, sizeof width, "%.2fin", found->width_pt * scale / 72);
    std::snprintf(height, sizeof height, "%.2fin", found->height_pt * scale / 72);
    const std::string alt = plain_text(b.text);
    w.start("text:p");
    w.attribute("text:style-name", "FigureImage");
    w.start("draw:frame");
    attributes(w, {{"draw:style-name", "ChartFrame"},
                   {"draw:name", "Figure" + std::to_string(++figures_)},
                   {"text:anchor-type", "as-char"},
                   {"svg:width", width},
                   {"svg:height", height},
                   {"draw:z-index", "0"}});
    empty(w, "draw:image",
          {{"xlink:href", "Pictures/" + name},
           {"xlink:type", "simple"},
           {"xlink:show", "embed"},
           {"xlink:actuate", "onLoad"}});
    write_element(w, "svg:title", alt);
    w.end();
    w.end();
    if (!b.text.empty()) {
      w.start("text:p");
      w.attribute("text:style-name", "FigureCaption");
      bool l = open_lang(w, b.lang);
      spans(w, b.text);
      if (l) w.end();
      w.end();
    }
  }

  void heading(wrap::XmlWriter& w, int level, const std::string& text, const std::string& anchor,
               const std::string& lang, const std::string& style_override = "") {
    if (recording_) headings_.push_back({level, text, anchor, lang});
    w.start("text:h");
    w.attribute("text:style-name",
                style_override.empty() ? "Heading_20_" + std::to_string(level) : style_override);
    w.attribute("text:outline-level", std::to_string(level));
    if (!anchor.empty()) empty(w, "text:bookmark", {{"text:name", anchor}});
    bool l = open_lang(w, lang);
    odf_text(w, text);
    if (l) w.end();
    w.end();
  }

  void start_cell(wrap::XmlWriter& w, bool header) {
    w.start("table:table-cell");
    w.attribute("table:style-name", header ? "HeadCell" : "BodyCell");
    w.attribute("office:value-type", "string");
  }

  void text_cell(wrap::XmlWriter& w, const std::string& text, bool header,
                 const std::string& lang = "") {
    start_cell(w, header);
    para(w, header ? "Table_20_Heading" : "Table_20_Contents", text, lang);
    w.end();
  }

  void action_table(wrap::XmlWriter& w, const SectionEntry& s) {
    w.start("table:table");
    w.attribute("table:name", "Actions" + std::to_string(++tables_));
    w.attribute("table:style-name", "ActionTable");
    // Relative widths: the action column wider, the year grid narrow, the
    // others even.
    empty(w, "table:table-column", {{"table:style-name", "ColAction"}});
    for (const auto& c : b_.columns)
      empty(w, "table:table-column", {{"table:style-name", c.year ? "ColYear" : "ColField"}});
    w.start("table:table-header-rows");
    w.start("table:table-row");
    text_cell(w, b_.words.action, true);
    for (const auto& c : b_.columns) text_cell(w, c.label, true, c.label_lang);
    w.end();
    w.end();
    for (const auto& a : s.actions) {
      w.start("table:table-row");
      start_cell(w, false);
      w.start("text:p");
      w.attribute("text:style-name", "Table_20_Contents");
      empty(w, "text:bookmark", {{"text:name", a.anchor}});
      w.start("text:span");
      w.attribute("text:style-name", "Strong_20_Emphasis");
      bool l = open_lang(w, a.title_lang);
      odf_text(w, a.code.empty() ? a.title : a.code + " " + a.title);
      if (l) w.end();
      w.end();
      w.end();
      w.start("text:p");
      w.attribute("text:style-name", "Table_20_Contents");
      w.start("text:span");
      w.attribute("text:style-name", std::string("Status_") + model::status_name(a.status));
      w.text(view::status_mark(a.status));
      w.end();
      w.text(" " + a.status_label);
      if (a.late) {
        // In words beside the status, not in colour alone.
        w.text(" \u00B7 ");
        w.start("text:span");
        w.attribute("text:style-name", "Strong_20_Emphasis");
        odf_text(w, a.late_word);
        w.end();
      }
      w.end();
      for (const auto& f : a.more) blocks(w, labelled_blocks(f, b_.words.colon), "Table_20_More");
      w.end();  // cell
      for (const auto& c : a.cells) {
        start_cell(w, false);
        if (c.year) {
          w.start("text:p");
          w.attribute("text:style-name", "Year_20_Mark");
          if (c.mark) w.text(year_mark);
          w.end();
        } else if (c.blocks.empty()) {
          empty(w, "text:p", {{"text:style-name", "Table_20_Contents"}});
        } else {
          blocks(w, c.blocks, "Table_20_Contents");
        }
        w.end();
      }
      w.end();  // row
    }
    w.end();  // table
  }

  void section(wrap::XmlWriter& w, const SectionEntry& s) {
    int level = std::min(s.depth + 1, 4);
    // Outermost sections start a page: landscape when the plan's tables are wide.
    // A page's sections follow one another, as in its PDF.
    std::string style = s.depth == 0 && !b_.page ? (landscape_ ? "H1Landscape" : "H1Page") : "";
    heading(w, level, s.heading(), s.anchor, s.title_lang, style);
    if (!s.progress_line.empty()) para(w, "Field_20_label", s.progress_line);
    blocks(w, s.description, "Text_20_body");
    for (const auto& f : s.fields) {
      para(w, "Field_20_label", f.label, f.label_lang);
      blocks(w, f.blocks, "Text_20_body");
    }
    if (!s.actions.empty()) action_table(w, s);
    for (const auto& c : s.children) section(w, c);
  }

  void progress(wrap::XmlWriter& w, double chart_w_in, double chart_h_in) {
    auto rows = progress_rows(b_);
    const bool with_progress = has_progress(rows);
    heading(w, 1, b_.words.progress, "progress", "", "H1Portrait");
    auto lines = tracking_lines(b_);
    for (size_t i = 0; i < lines.size(); ++i)
      para(w, i == 0 ? "Field_20_label" : "Text_20_body", lines[i]);
    std::string figures;
    for (const auto& [count, label] : key_figures(b_))
      figures += (figures.empty() ? "" : " \u00B7 ") + std::to_string(count) + " " + label;
    para(w, "Text_20_body", figures);
    char width[32], height[32];
    std::snprintf(width, sizeof width, "%.2fin", chart_w_in);
    std::snprintf(height, sizeof height, "%.2fin", chart_h_in);
    w.start("text:p");
    w.attribute("text:style-name", "Standard");
    w.start("draw:frame");
    attributes(w, {{"draw:style-name", "ChartFrame"},
                   {"draw:name", "Chart"},
                   {"text:anchor-type", "as-char"},
                   {"svg:width", width},
                   {"svg:height", height},
                   {"draw:z-index", "0"}});
    empty(w, "draw:image",
          {{"xlink:href", "Pictures/chart.png"},
           {"xlink:type", "simple"},
           {"xlink:show", "embed"},
           {"xlink:actuate", "onLoad"}});
    write_element(w, "svg:title", b_.words.progress);
    write_element(w, "svg:desc", chart_description(b_, rows));
    w.end();
    w.end();
    w.start("table:table");
    w.attribute("table:name", "Progress");
    w.attribute("table:style-name", "ActionTable");
    empty(w, "table:table-column", {{"table:style-name", "ColAction"}});
    empty(w, "table:table-column",
          {{"table:style-name", "ColNumber"},
           {"table:number-columns-repeated",
            std::to_string(b_.status_labels.size() + (with_progress ? 2 : 1))}});
    w.start("table:table-header-rows");
    w.start("table:table-row");
    text_cell(w, b_.words.section, true);
    for (const auto& l : b_.status_labels) text_cell(w, l, true);
    text_cell(w, b_.words.total_column, true);
    if (with_progress) text_cell(w, b_.words.progress_of, true);
    w.end();
    w.end();
    for (const auto& r : rows) {
      w.start("table:table-row");
      text_cell(w, r.depth < 0 ? r.label : heading_text(r.label, r.title), false);
      for (int v : r.per_status) text_cell(w, std::to_string(v), false);
      text_cell(w, std::to_string(r.total), false);
      if (with_progress) text_cell(w, r.progress_text.empty() ? "\u2013" : r.progress_text, false);
      w.end();
    }
    w.end();
    if (!b_.progress_rule.empty()) para(w, "Table_20_More", b_.progress_rule);
  }

  void changes(wrap::XmlWriter& w) {
    if (!b_.changes) return;
    const ChangesEntry& c = *b_.changes;
    heading(w, 1, c.heading, "changes", "", "H1Portrait");
    if (!c.none.empty()) para(w, "Text_20_body", c.none);
    for (const auto& g : c.groups) {
      heading(w, 2, g.title, "", "");
      blocks(w, change_blocks(g, b_.words.colon), "Text_20_body");
    }
  }

  // The brand's logo above the title, at most 2.5 by 1 inches.
  void logo(wrap::XmlWriter& w) {
    const double scale = std::min({1.0, 2.5 * 72 / logo_->width_pt, 1.0 * 72 / logo_->height_pt});
    char width[32], height[32];
    std::snprintf(width, sizeof width, "%.2fin", logo_->width_pt * scale / 72);
    std::snprintf(height, sizeof height, "%.2fin", logo_->height_pt * scale / 72);
    w.start("text:p");
    w.attribute("text:style-name", "Standard");
    w.start("draw:frame");
    attributes(w, {{"draw:style-name", "ChartFrame"},
                   {"draw:name", "Logo"},
                   {"text:anchor-type", "as-char"},
                   {"svg:width", width},
                   {"svg:height", height},
                   {"draw:z-index", "0"}});
    empty(w, "draw:image",
          {{"xlink:href", "Pictures/" + logo_->name},
           {"xlink:type", "simple"},
           {"xlink:show", "embed"},
           {"xlink:actuate", "onLoad"}});
    write_element(w, "svg:title", b_.brand.logo_alt);
    w.end();
    w.end();
  }

  void text(wrap::XmlWriter& w, double chart_w_in, double chart_h_in) {
    tables_ = 0;
    markdown_tables_ = 0;
    figures_ = 0;
    w.start("office:text");
    if (logo_) logo(w);
    if (!b_.organization.empty()) para(w, "Organization", b_.organization);
    para(w, "Title", b_.title);
    if (auto period = cover_period(b_.title, b_.period); !period.empty())
      para(w, "Subtitle", period);
    if (!b_.adopted.empty()) para(w, "Field_20_label", b_.adopted);
    if (!b_.as_of_line.empty()) para(w, "Field_20_label", b_.as_of_line);
    for (const auto& line : b_.organization_lines) para(w, "Standard", line);
    contents(w);
    bool first_part = true;
    auto part = [&](const std::string& title, const std::string& anchor, const Blocks& text) {
      if (text.empty()) return;
      heading(w, 1, title, anchor, "", first_part ? "H1Page" : "");
      first_part = false;
      blocks(w, text, "Text_20_body");
    };
    part(b_.words.summary, "summary", b_.summary);
    part(b_.words.introduction, "introduction", b_.intro);
    for (const auto& s : b_.sections) section(w, s);
    if (!b_.page) progress(w, chart_w_in, chart_h_in);
    changes(w);
    // A page's footnotes, as endnotes: the calls link to their bookmarks.
    if (!b_.notes.empty()) heading(w, 1, b_.words.notes, "notes", "");
    for (const auto& n : b_.notes) {
      Inline first = n.blocks.empty() ? Inline{} : n.blocks.front().text;
      Span number{std::to_string(n.number) + ". "};
      number.bold = true;
      first.insert(first.begin(), number);
      w.start("text:p");
      w.attribute("text:style-name", "Text_20_body");
      empty(w, "text:bookmark", {{"text:name", n.anchor}});
      spans(w, first);
      w.end();
      if (n.blocks.size() > 1)
        blocks(w, Blocks(n.blocks.begin() + 1, n.blocks.end()), "Text_20_body");
    }
    w.end();
  }

  // A real table of contents (text:table-of-content): its source says what
  // LibreOffice and Word gather when asked to update it (every heading down
  // to level 4, with its page number), and its body is already filled with
  // the headings, linked to their bookmarks, so that it reads right before
  // any update. The page numbers only the office suite can know: the
  // entries have none until then (Tools > Update > Update All).
  void contents(wrap::XmlWriter& w) {
    w.start("text:table-of-content");
    attributes(w, {{"text:name", "Table of Contents1"}, {"text:protected", "true"}});
    w.start("text:table-of-content-source");
    attributes(
        w, {{"text:outline-level", std::to_string(toc_levels)}, {"text:use-index-marks", "false"}});
    w.start("text:index-title-template");
    w.attribute("text:style-name", "Contents_20_Heading");
    w.text(b_.words.contents);
    w.end();
    for (int level = 1; level <= toc_levels; ++level) {
      w.start("text:table-of-content-entry-template");
      attributes(w, {{"text:outline-level", std::to_string(level)},
                     {"text:style-name", "Contents_20_" + std::to_string(level)}});
      empty(w, "text:index-entry-link-start", {{"text:style-name", "Index_20_Link"}});
      empty(w, "text:index-entry-text", {});
      empty(w, "text:index-entry-tab-stop", {{"style:type", "right"}, {"style:leader-char", "."}});
      empty(w, "text:index-entry-page-number", {});
      empty(w, "text:index-entry-link-end", {});
      w.end();
    }
    w.end();  // source
    w.start("text:index-body");
    w.start("text:index-title");
    w.attribute("text:name", "Table of Contents1_Head");
    para(w, "Contents_20_Heading", b_.words.contents);
    w.end();
    for (const auto& h : headings_) {
      w.start("text:p");
      w.attribute("text:style-name",
                  "Contents_20_" + std::to_string(std::min(h.level, toc_levels)));
      if (!h.anchor.empty()) {
        w.start("text:a");
        attributes(w, {{"xlink:type", "simple"},
                       {"xlink:href", "#" + h.anchor},
                       {"text:style-name", "Index_20_Link"},
                       {"text:visited-style-name", "Index_20_Link"}});
      }
      bool l = open_lang(w, h.lang);
      odf_text(w, h.text);
      if (l) w.end();
      if (!h.anchor.empty()) w.end();
      w.end();
    }
    w.end();  // index-body
    w.end();  // table-of-content
  }

  std::string content(double chart_w_in, double chart_h_in) {
    // A first pass names the languages the text is marked with, whose
    // styles the automatic styles, written before the text, declare; and
    // gathers the headings, which the table of contents before them lists.
    {
      wrap::XmlWriter scratch(false);
      recording_ = true;
      headings_.clear();
      text(scratch, chart_w_in, chart_h_in);
      recording_ = false;
    }
    wrap::XmlWriter w(false);
    root(w, "office:document-content");
    font_faces(w);
    w.start("office:automatic-styles");
    style(w,
          {{"style:name", "H1Page"},
           {"style:family", "paragraph"},
           {"style:parent-style-name", "Heading_20_1"}},
          {{"style:paragraph-properties", {{"fo:break-before", "page"}}}});
    style(w,
          {{"style:name", "H1Portrait"},
           {"style:family", "paragraph"},
           {"style:parent-style-name", "Heading_20_1"},
           {"style:master-page-name", "Standard"}},
          {{"style:paragraph-properties", {{"style:page-number", "auto"}}}});
    style(w,
          {{"style:name", "H1Landscape"},
           {"style:family", "paragraph"},
           {"style:parent-style-name", "Heading_20_1"},
           {"style:master-page-name", "Landscape"}},
          {{"style:paragraph-properties", {{"style:page-number", "auto"}}}});
    style(w, {{"style:name", "ActionTable"}, {"style:family", "table"}},
          {{"style:table-properties",
            {{"style:width", landscape_ ? "9.6in" : "6.9in"},
             {"table:align", "margins"},
             {"fo:margin-top", "0.08in"},
             {"fo:margin-bottom", "0.12in"}}}});
    size_t wide = std::count_if(b_.columns.begin(), b_.columns.end(),
                                [](const Column& c) { return !c.year; });
    auto column = [&](const char* name, const char* width) {
      style(w, {{"style:name", name}, {"style:family", "table-column"}},
            {{"style:table-column-properties", {{"style:rel-column-width", width}}}});
    };
    column("ColAction", wide > 4 ? "1600*" : "2400*");
    column("ColField", "1000*");
    column("ColYear", "300*");
    column("ColNumber", "500*");
    const std::string primary = hex(palette::primary), rule = hex(palette::rule);
    style(w, {{"style:name", "HeadCell"}, {"style:family", "table-cell"}},
          {{"style:table-cell-properties",
            {{"fo:background-color", primary},
             {"fo:padding", "0.05in"},
             {"fo:border", "0.5pt solid " + primary}}}});
    style(w, {{"style:name", "BodyCell"}, {"style:family", "table-cell"}},
          {{"style:table-cell-properties",
            {{"fo:padding", "0.05in"},
             {"fo:border-left", "none"},
             {"fo:border-right", "none"},
             {"fo:border-top", "none"},
             {"fo:border-bottom", "0.5pt solid " + rule}}}});
    for (auto st : model::all_statuses)
      style(w,
            {{"style:name", std::string("Status_") + model::status_name(st)},
             {"style:family", "text"}},
            {{"style:text-properties", {{"fo:color", view::status_colors(st).strong.hex()}}}});
    const std::string white = hex(palette::white), muted = hex(palette::muted);
    auto aligned = [&](const char* name, const char* parent, const char* align) {
      style(w,
            {{"style:name", name},
             {"style:family", "paragraph"},
             {"style:parent-style-name", parent}},
            {{"style:paragraph-properties", {{"fo:text-align", align}}}});
    };
    aligned("CellRight", "Table_20_Contents", "end");
    aligned("CellCenter", "Table_20_Contents", "center");
    aligned("FigureImage", "Standard", "center");
    style(w, {{"style:name", "HeadText"}, {"style:family", "text"}},
          {{"style:text-properties", {{"fo:font-weight", "bold"}, {"fo:color", white}}}});
    style(w,
          {{"style:name", "FigureCaption"},
           {"style:family", "paragraph"},
           {"style:parent-style-name", "Text_20_body"}},
          {{"style:paragraph-properties", {{"fo:text-align", "center"}}},
           {"style:text-properties", {{"fo:font-style", "italic"}, {"fo:color", muted}}}});
    style(w, {{"style:name", "ChartFrame"}, {"style:family", "graphic"}},
          {{"style:graphic-properties",
            {{"style:wrap", "none"},
             {"style:vertical-pos", "top"},
             {"style:vertical-rel", "baseline"}}}});
    for (const auto& [lang, name] : lang_styles_)
      style(w, {{"style:name", name}, {"style:family", "text"}},
            {{"style:text-properties", {{"fo:language", lang}, {"fo:country", "none"}}}});
    w.end();  // automatic styles
    w.start("office:body");
    text(w, chart_w_in, chart_h_in);
    return w.finish();
  }

 private:
  std::string lang_style(const std::string& lang) {
    auto& name = lang_styles_[lang];
    if (name.empty()) name = "Lang" + std::to_string(lang_styles_.size());
    return name;
  }

  struct HeadingEntry {
    int level;
    std::string text, anchor, lang;
  };

  const Booklet& b_;
  bool landscape_;
  std::optional<PackagedLogo> logo_;   // on the title page, in Pictures/
  std::vector<PackagedImage> images_;  // a page's figures, in Pictures/
  int tables_ = 0;
  int markdown_tables_ = 0, figures_ = 0;
  bool recording_ = false;
  std::vector<HeadingEntry> headings_;  // every heading, in order: the contents
  std::map<std::string, std::string> lang_styles_;
};

std::string meta_xml(const Booklet& b) {
  std::string date = b.date_iso + "T00:00:00";
  wrap::XmlWriter w(false);
  root(w, "office:document-meta");
  w.start("office:meta");
  write_element(w, "meta:generator", "Carnet");
  write_element(w, "dc:title", b.title);
  write_element(w, "dc:language", b.lang);
  if (!b.organization.empty()) write_element(w, "meta:initial-creator", b.organization);
  write_element(w, "meta:creation-date", date);
  write_element(w, "dc:date", date);
  return w.finish();
}

std::string manifest_xml(bool chart, const std::optional<PackagedLogo>& logo,
                         const std::vector<PackagedImage>& images) {
  wrap::XmlWriter w(true);
  w.start("manifest:manifest");
  w.attribute("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  w.attribute("manifest:version", "1.2");
  auto entry = [&](const char* path, const char* type, bool version) {
    w.start("manifest:file-entry");
    w.attribute("manifest:full-path", path);
    if (version) w.attribute("manifest:version", "1.2");
    w.attribute("manifest:media-type", type);
    w.end();
  };
  entry("/", "application/vnd.oasis.opendocument.text", true);
  entry("content.xml", "text/xml", false);
  entry("styles.xml", "text/xml", false);
  entry("meta.xml", "text/xml", false);
  if (chart) entry("Pictures/chart.png", "image/png", false);
  if (logo) entry(("Pictures/" + logo->name).c_str(), logo->media_type.c_str(), false);
  for (const auto& i : images) entry(("Pictures/" + i.name).c_str(), i.media_type.c_str(), false);
  return w.finish();
}

}  // namespace

std::string write_odt(const Booklet& booklet, const std::string& paper,
                      const std::string& context) {
  // Wide tables (more than four fields besides the action and the year
  // grid) go on landscape pages.
  size_t wide = std::count_if(booklet.columns.begin(), booklet.columns.end(),
                              [](const Column& c) { return !c.year; });
  size_t years = booklet.columns.size() - wide;
  bool landscape = wide + (years + 2) / 3 > 4;
  OdtBuilder builder(booklet, landscape);
  const double chart_width_pt = 460;
  // A page's booklet has no progress chart: none drawn, none packed.
  std::string png = booklet.page ? std::string() : chart_png(booklet, chart_width_pt, 2.5);
  // PNG header: width and height are big-endian at bytes 16 and 20.
  auto be32 = [&](size_t at) {
    return (unsigned(static_cast<unsigned char>(png[at])) << 24) |
           (unsigned(static_cast<unsigned char>(png[at + 1])) << 16) |
           (unsigned(static_cast<unsigned char>(png[at + 2])) << 8) |
           unsigned(static_cast<unsigned char>(png[at + 3]));
  };
  double w_in = chart_width_pt / 72.0;
  double h_in = png.size() > 24 ? w_in * be32(20) / std::max(1u, be32(16)) : 3;

  wrap::ZipWriter zip(context);
  int year = 2000, month = 1, day = 1;
  std::sscanf(booklet.date_iso.c_str(), "%d-%d-%d", &year, &month, &day);
  zip.set_date(std::max(1980, year), month, day);
  using C = wrap::ZipWriter::Compression;
  // ODF packages, like EPUB, start with a stored "mimetype".
  zip.add("mimetype", "application/vnd.oasis.opendocument.text", C::store);
  zip.add("content.xml", builder.content(w_in, h_in), C::deflate);
  zip.add("styles.xml", styles_xml(paper), C::deflate);
  zip.add("meta.xml", meta_xml(booklet), C::deflate);
  if (!booklet.page) zip.add("Pictures/chart.png", png, C::store);
  if (const auto& logo = builder.logo()) zip.add("Pictures/" + logo->name, logo->bytes, C::store);
  for (const auto& image : builder.images())
    zip.add("Pictures/" + image.name, image.bytes, C::store);
  zip.add("META-INF/manifest.xml", manifest_xml(!booklet.page, builder.logo(), builder.images()),
          C::deflate);
  return zip.commit();
}

}  // namespace carnet::render::booklet
