#include "render/booklet/odt_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "render/booklet/progress.hpp"
#include "render/booklet/xhtml.hpp"
#include "wrap/zip.hpp"

namespace carnet::render::booklet {

namespace {

const char* const namespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " office:version=\"1.2\"";

const char* const font_faces =
    "<office:font-face-decls>"
    "<style:font-face style:name=\"Noto Serif\" svg:font-family=\"'Noto Serif'\" "
    "style:font-family-generic=\"roman\" style:font-pitch=\"variable\"/>"
    "<style:font-face style:name=\"Noto Sans\" svg:font-family=\"'Noto Sans'\" "
    "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
    "</office:font-face-decls>";

struct Paper {
  const char* width;
  const char* height;
};

Paper paper_size(const std::string& paper) {
  return paper == "a4" ? Paper{"21cm", "29.7cm"} : Paper{"8.5in", "11in"};
}

// The named styles a person restyles: LibreOffice's own names, so that they
// map onto Word's built-in styles too ("Heading 1", "Title", ...).
std::string styles_xml(const std::string& paper_name) {
  Paper paper = paper_size(paper_name);
  std::string page_layout =
      [&](const char* name, const char* w, const char* h, const char* orientation) {
        return std::string("<style:page-layout style:name=\"") + name +
               "\"><style:page-layout-properties fo:page-width=\"" + w + "\" fo:page-height=\"" +
               h + "\" style:print-orientation=\"" + orientation +
               "\" fo:margin-top=\"0.7in\" fo:margin-bottom=\"0.6in\" fo:margin-left=\"0.8in\" "
               "fo:margin-right=\"0.8in\"/>"
               "<style:footer-style><style:header-footer-properties fo:min-height=\"0.3in\" "
               "fo:margin-top=\"0.15in\"/></style:footer-style>"
               "</style:page-layout>";
      }("Portrait", paper.width, paper.height, "portrait") +
      [&](const char* name, const char* w, const char* h, const char* orientation) {
        return std::string("<style:page-layout style:name=\"") + name +
               "\"><style:page-layout-properties fo:page-width=\"" + w + "\" fo:page-height=\"" +
               h + "\" style:print-orientation=\"" + orientation +
               "\" fo:margin-top=\"0.7in\" fo:margin-bottom=\"0.6in\" fo:margin-left=\"0.7in\" "
               "fo:margin-right=\"0.7in\"/>"
               "<style:footer-style><style:header-footer-properties fo:min-height=\"0.3in\" "
               "fo:margin-top=\"0.15in\"/></style:footer-style>"
               "</style:page-layout>";
      }("Landscape", paper.height, paper.width, "landscape");
  auto paragraph = [](const char* name, const char* display, const char* parent,
                      const std::string& props, const std::string& text_props,
                      const char* extra = "") {
    std::string s = std::string("<style:style style:name=\"") + name + "\" style:display-name=\"" +
                    display + "\" style:family=\"paragraph\"";
    if (*parent) s += std::string(" style:parent-style-name=\"") + parent + "\"";
    s += std::string(extra) + ">";
    if (!props.empty()) s += "<style:paragraph-properties " + props + "/>";
    if (!text_props.empty()) s += "<style:text-properties " + text_props + "/>";
    return s + "</style:style>";
  };
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" +
                  std::string(namespaces) + ">";
  s += font_faces;
  s += "<office:styles>";
  s += "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
       "fo:hyphenation-ladder-count=\"2\"/>"
       "<style:text-properties style:font-name=\"Noto Serif\" fo:font-size=\"10pt\" "
       "fo:color=\"#1c1f24\" fo:hyphenate=\"false\"/></style:default-style>";
  s += "<style:default-style style:family=\"table\"/>";
  s += paragraph("Standard", "Standard", "", "", "");
  s += paragraph("Text_20_body", "Text body", "Standard",
                 "fo:margin-top=\"0in\" fo:margin-bottom=\"0.08in\" fo:line-height=\"135%\" "
                 "fo:text-align=\"justify\"",
                 "fo:hyphenate=\"true\" fo:hyphenation-remain-char-count=\"3\" "
                 "fo:hyphenation-push-char-count=\"3\"");
  s += paragraph("Heading", "Heading", "Standard",
                 "fo:margin-top=\"0.2in\" fo:margin-bottom=\"0.08in\" fo:keep-with-next=\"always\"",
                 "style:font-name=\"Noto Sans\" fo:font-weight=\"bold\" fo:color=\"#104659\"",
                 " style:next-style-name=\"Text_20_body\"");
  s += paragraph("Heading_20_1", "Heading 1", "Heading",
                 "fo:margin-top=\"0.1in\" fo:margin-bottom=\"0.14in\"", "fo:font-size=\"20pt\"",
                 " style:default-outline-level=\"1\"");
  s += paragraph("Heading_20_2", "Heading 2", "Heading", "fo:margin-top=\"0.22in\"",
                 "fo:font-size=\"14pt\"", " style:default-outline-level=\"2\"");
  s += paragraph("Heading_20_3", "Heading 3", "Heading", "fo:margin-top=\"0.16in\"",
                 "fo:font-size=\"11.5pt\"", " style:default-outline-level=\"3\"");
  s += paragraph("Heading_20_4", "Heading 4", "Heading", "", "fo:font-size=\"10.5pt\"",
                 " style:default-outline-level=\"4\"");
  s += paragraph("Title", "Title", "Heading", "fo:margin-top=\"1.5in\" fo:margin-bottom=\"0.1in\"",
                 "fo:font-size=\"30pt\"");
  s += paragraph("Subtitle", "Subtitle", "Heading", "fo:margin-top=\"0in\"",
                 "fo:font-size=\"18pt\" fo:font-weight=\"normal\"");
  s += paragraph("Organization", "Organization", "Standard", "fo:margin-bottom=\"0.3in\"",
                 "style:font-name=\"Noto Sans\" fo:font-size=\"10pt\" fo:letter-spacing=\"0.02in\" "
                 "fo:text-transform=\"uppercase\" fo:color=\"#cc6621\" fo:font-weight=\"bold\"");
  s += paragraph("Field_20_label", "Field label", "Standard",
                 "fo:margin-top=\"0.1in\" fo:margin-bottom=\"0.03in\" fo:keep-with-next=\"always\"",
                 "style:font-name=\"Noto Sans\" fo:font-size=\"9.5pt\" fo:font-weight=\"bold\" "
                 "fo:color=\"#104659\"");
  s += paragraph("List_20_Contents", "List Contents", "Text_20_body",
                 "fo:margin-bottom=\"0.03in\" fo:text-align=\"start\"", "");
  s += paragraph("Quotations", "Quotations", "Text_20_body", "fo:margin-left=\"0.3in\"",
                 "fo:font-style=\"italic\" fo:color=\"#5f6873\"");
  s += paragraph("Table_20_Contents", "Table Contents", "Standard", "fo:margin-bottom=\"0.03in\"",
                 "style:font-name=\"Noto Sans\" fo:font-size=\"8.5pt\" fo:hyphenate=\"true\" "
                 "fo:hyphenation-remain-char-count=\"3\" fo:hyphenation-push-char-count=\"3\"");
  s += paragraph("Table_20_Heading", "Table Heading", "Table_20_Contents", "",
                 "fo:font-weight=\"bold\" fo:color=\"#ffffff\" fo:hyphenate=\"false\"");
  s += paragraph("Footer", "Footer", "Standard", "fo:text-align=\"end\"",
                 "style:font-name=\"Noto Sans\" fo:font-size=\"8.5pt\" fo:color=\"#104659\" "
                 "fo:font-weight=\"bold\"");
  s += "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" "
       "style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>";
  s += "<style:style style:name=\"Emphasis\" style:family=\"text\"><style:text-properties "
       "fo:font-style=\"italic\"/></style:style>";
  s += "<style:style style:name=\"Source_20_Text\" style:display-name=\"Source Text\" "
       "style:family=\"text\"><style:text-properties style:font-name-complex=\"monospace\" "
       "fo:font-family=\"monospace\"/></style:style>";
  s += "<style:style style:name=\"Internet_20_link\" style:display-name=\"Internet link\" "
       "style:family=\"text\"><style:text-properties fo:color=\"#104659\" "
       "style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" "
       "style:text-underline-color=\"font-color\"/></style:style>";
  s += "<text:list-style style:name=\"List_20_1\" style:display-name=\"List 1\">";
  for (int level = 1; level <= 4; ++level) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<text:list-level-style-bullet text:level=\"%d\" "
                  "text:bullet-char=\"%s\"><style:list-level-properties "
                  "text:list-level-position-and-space-mode=\"label-alignment\">"
                  "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
                  "text:list-tab-stop-position=\"%.2fin\" fo:text-indent=\"-0.16in\" "
                  "fo:margin-left=\"%.2fin\"/>"
                  "</style:list-level-properties></text:list-level-style-bullet>",
                  level, level % 2 ? "\u2022" : "\u2013", 0.22 * level, 0.22 * level);
    s += buf;
  }
  s += "</text:list-style>";
  s += "<text:list-style style:name=\"Numbering_20_123\" style:display-name=\"Numbering 123\">";
  for (int level = 1; level <= 4; ++level) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<text:list-level-style-number text:level=\"%d\" style:num-suffix=\".\" "
                  "style:num-format=\"1\"><style:list-level-properties "
                  "text:list-level-position-and-space-mode=\"label-alignment\">"
                  "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
                  "text:list-tab-stop-position=\"%.2fin\" fo:text-indent=\"-0.2in\" "
                  "fo:margin-left=\"%.2fin\"/>"
                  "</style:list-level-properties></text:list-level-style-number>",
                  level, 0.25 * level, 0.25 * level);
    s += buf;
  }
  s += "</text:list-style>";
  s += "</office:styles>";
  s += "<office:automatic-styles>" + page_layout + "</office:automatic-styles>";
  std::string footer =
      "<style:footer><text:p text:style-name=\"Footer\"><text:page-number "
      "text:select-page=\"current\">1</text:page-number></text:p></style:footer>";
  s += "<office:master-styles>"
       "<style:master-page style:name=\"Standard\" style:page-layout-name=\"Portrait\">" +
       footer +
       "</style:master-page>"
       "<style:master-page style:name=\"Landscape\" style:page-layout-name=\"Landscape\">" +
       footer +
       "</style:master-page>"
       "</office:master-styles>";
  s += "</office:document-styles>\n";
  return s;
}

std::string span_xml(const Inline& text) {
  std::string out;
  for (const auto& s : text) {
    std::string t;
    size_t start = 0;
    auto piece = [&](std::string_view p) {
      // Runs of spaces need text:s in ODF, or they collapse.
      std::string r;
      for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] == ' ' && i + 1 < p.size() && p[i + 1] == ' ') {
          size_t j = i;
          while (j < p.size() && p[j] == ' ') j++;
          r += " <text:s text:c=\"" + std::to_string(j - i - 1) + "\"/>";
          i = j - 1;
        } else if (p[i] == '\t') {
          r += "<text:tab/>";
        } else {
          r += xml_escape(std::string_view(&p[i], 1));
        }
      }
      return r;
    };
    for (size_t nl; (nl = s.text.find('\n', start)) != std::string::npos; start = nl + 1)
      t += piece(std::string_view(s.text).substr(start, nl - start)) + "<text:line-break/>";
    t += piece(std::string_view(s.text).substr(start));
    const char* style = s.bold     ? "Strong_20_Emphasis"
                        : s.italic ? "Emphasis"
                        : s.code   ? "Source_20_Text"
                                   : nullptr;
    if (style)
      t = std::string("<text:span text:style-name=\"") + style + "\">" + t + "</text:span>";
    if (!s.href.empty())
      t = "<text:a xlink:type=\"simple\" xlink:href=\"" + xml_escape(s.href) +
          "\" text:style-name=\"Internet_20_link\" text:visited-style-name=\"Internet_20_link\">" +
          t + "</text:a>";
    out += t;
  }
  return out;
}

class OdtBuilder {
 public:
  OdtBuilder(const Booklet& b, bool landscape_tables) : b_(b), landscape_(landscape_tables) {}

  std::string lang_span(const std::string& lang, const std::string& xml) {
    if (lang.empty()) return xml;
    return "<text:span text:style-name=\"" + lang_style(lang) + "\">" + xml + "</text:span>";
  }

  // Paragraphs in `style`, list items as (nested) text:list.
  std::string blocks(const Blocks& blocks, const char* style) {
    std::string out;
    int open = 0;  // open list levels
    for (size_t i = 0; i < blocks.size(); ++i) {
      const auto& b = blocks[i];
      std::string text = lang_span(b.lang, span_xml(b.text));
      if (b.heading)
        text = "<text:span text:style-name=\"Strong_20_Emphasis\">" + text + "</text:span>";
      if (b.kind == Block::Kind::item) {
        int depth = b.depth + 1;
        if (open >= depth) {
          while (open > depth) {
            out += "</text:list-item></text:list>";
            open--;
          }
          out += "</text:list-item>";
        }
        while (open < depth) {
          out += open == 0 ? std::string("<text:list text:style-name=\"") +
                                 (b.ordered ? "Numbering_20_123" : "List_20_1") + "\">"
                           : std::string("<text:list>");
          open++;
          if (open < depth) out += "<text:list-item>";
        }
        const char* item_style = std::string(style) == "Text_20_body" ? "List_20_Contents" : style;
        out += std::string("<text:list-item><text:p text:style-name=\"") + item_style + "\">" +
               text + "</text:p>";
        continue;
      }
      while (open > 0) {
        out += "</text:list-item></text:list>";
        open--;
      }
      const char* ps = b.kind == Block::Kind::quote ? "Quotations" : style;
      out += std::string("<text:p text:style-name=\"") + ps + "\">" + text + "</text:p>";
    }
    while (open > 0) {
      out += "</text:list-item></text:list>";
      open--;
    }
    return out;
  }

  std::string heading(int level, const std::string& text, const std::string& anchor,
                      const std::string& lang, const std::string& style_override = "") {
    std::string style =
        style_override.empty() ? "Heading_20_" + std::to_string(level) : style_override;
    std::string out = "<text:h text:style-name=\"" + style + "\" text:outline-level=\"" +
                      std::to_string(level) + "\">";
    if (!anchor.empty()) out += "<text:bookmark text:name=\"" + xml_escape(anchor) + "\"/>";
    return out + lang_span(lang, xml_escape(text)) + "</text:h>";
  }

  std::string cell(const std::string& content, bool header) {
    return std::string("<table:table-cell table:style-name=\"") +
           (header ? "HeadCell" : "BodyCell") + "\" office:value-type=\"string\">" + content +
           "</table:table-cell>";
  }

  std::string action_table(const SectionEntry& s) {
    int n = ++tables_;
    std::string name = "Actions" + std::to_string(n);
    std::string out = "<table:table table:name=\"" + name + "\" table:style-name=\"ActionTable\">";
    // Relative widths: the action column wider, the others even.
    out += "<table:table-column table:style-name=\"ColAction\"/>";
    if (!b_.columns.empty())
      out += "<table:table-column table:style-name=\"ColField\" table:number-columns-repeated=\"" +
             std::to_string(b_.columns.size()) + "\"/>";
    out += "<table:table-header-rows><table:table-row>";
    out += cell(
        "<text:p text:style-name=\"Table_20_Heading\">" + xml_escape(b_.words.action) + "</text:p>",
        true);
    for (const auto& c : b_.columns)
      out +=
          cell("<text:p text:style-name=\"Table_20_Heading\">" + xml_escape(c.label) + "</text:p>",
               true);
    out += "</table:table-row></table:table-header-rows>";
    bool progress_column = false;
    for (const auto& c : b_.columns) progress_column = progress_column || c.field == "progress";
    for (const auto& a : s.actions) {
      out += "<table:table-row>";
      std::string title =
          "<text:p text:style-name=\"Table_20_Contents\"><text:bookmark text:name=\"" +
          xml_escape(a.anchor) + "\"/><text:span text:style-name=\"Strong_20_Emphasis\">" +
          lang_span(a.title_lang, xml_escape((a.code.empty() ? "" : a.code + " ") + a.title)) +
          "</text:span></text:p>";
      std::string status = a.status_label;
      if (!a.progress_text.empty() && !progress_column) status += " \u00B7 " + a.progress_text;
      title +=
          "<text:p text:style-name=\"Table_20_Contents\"><text:span "
          "text:style-name=\"Status\">\u25CF</text:span> " +
          xml_escape(status) + "</text:p>";
      if (b_.details_with_title) title += blocks(a.details, "Table_20_Contents");
      out += cell(title, false);
      for (const auto& c : a.cells) {
        std::string content = blocks(c, "Table_20_Contents");
        if (content.empty()) content = "<text:p text:style-name=\"Table_20_Contents\"/>";
        out += cell(content, false);
      }
      out += "</table:table-row>";
    }
    out += "</table:table>";
    return out;
  }

  std::string notes(const std::vector<NoteEntry>& notes, const std::string& prefix) {
    Blocks all;
    for (const auto& n : notes) {
      std::string lead = prefix;
      if (!n.date.empty()) lead += (lead.empty() ? "" : " \u00B7 ") + n.date;
      Blocks text = n.text;
      if (!lead.empty() && !text.empty()) {
        Span s(lead + b_.words.colon);
        s.bold = true;
        text.front().text.insert(text.front().text.begin(), s);
      }
      for (auto& b : text) all.push_back(std::move(b));
    }
    return blocks(all, "Text_20_body");
  }

  void section(const SectionEntry& s, std::string& out) {
    int level = std::min(s.depth + 1, 4);
    std::string label = s.label();
    std::string text = label.empty() ? s.title : label + " \u2014 " + s.title;
    // Outermost sections start a page: landscape when the plan's tables are wide.
    std::string style = s.depth == 0 ? (landscape_ ? "H1Landscape" : "H1Page") : "";
    out += heading(level, text, s.anchor, s.title_lang, style);
    out += blocks(s.description, "Text_20_body");
    for (const auto& f : s.fields)
      out += "<text:p text:style-name=\"Field_20_label\">" + xml_escape(f.label) + "</text:p>" +
             blocks(f.blocks, "Text_20_body");
    if (!s.notes.empty())
      out += "<text:p text:style-name=\"Field_20_label\">" + xml_escape(b_.words.notes) +
             "</text:p>" + notes(s.notes, "");
    if (!s.actions.empty()) {
      out += action_table(s);
      std::string all;
      if (b_.notes_after_table)
        for (const auto& a : s.actions) all += notes(a.notes, a.code);
      if (!all.empty())
        out += "<text:p text:style-name=\"Field_20_label\">" + xml_escape(b_.words.notes) +
               "</text:p>" + all;
    }
    for (const auto& c : s.children) section(c, out);
  }

  std::string content(double chart_w_in, double chart_h_in) {
    std::string body;
    if (!b_.organization.empty())
      body +=
          "<text:p text:style-name=\"Organization\">" + xml_escape(b_.organization) + "</text:p>";
    body += "<text:p text:style-name=\"Title\">" + xml_escape(b_.title) + "</text:p>";
    if (!b_.period.empty())
      body += "<text:p text:style-name=\"Subtitle\">" + xml_escape(b_.period) + "</text:p>";
    if (!b_.adopted.empty())
      body += "<text:p text:style-name=\"Field_20_label\">" + xml_escape(b_.adopted) + "</text:p>";
    for (const auto& line : b_.organization_lines)
      body += "<text:p text:style-name=\"Standard\">" + xml_escape(line) + "</text:p>";
    bool first_part = true;
    auto part_heading = [&](const std::string& title, const std::string& anchor) {
      std::string h = heading(1, title, anchor, "", first_part ? "H1Page" : "");
      first_part = false;
      return h;
    };
    if (!b_.summary.empty())
      body += part_heading(b_.words.summary, "summary") + blocks(b_.summary, "Text_20_body");
    if (!b_.intro.empty())
      body +=
          part_heading(b_.words.introduction, "introduction") + blocks(b_.intro, "Text_20_body");
    for (const auto& s : b_.sections) section(s, body);

    auto rows = progress_rows(b_);
    body += heading(1, b_.words.progress, "progress", "", "H1Portrait");
    std::string figures;
    for (const auto& [count, label] : key_figures(b_))
      figures += (figures.empty() ? "" : " \u00B7 ") + std::to_string(count) + " " + label;
    body += "<text:p text:style-name=\"Text_20_body\">" + xml_escape(figures) + "</text:p>";
    char size[96];
    std::snprintf(size, sizeof size, "svg:width=\"%.2fin\" svg:height=\"%.2fin\"", chart_w_in,
                  chart_h_in);
    body +=
        "<text:p text:style-name=\"Standard\"><draw:frame draw:style-name=\"ChartFrame\" "
        "draw:name=\"Chart\" text:anchor-type=\"as-char\" " +
        std::string(size) +
        " draw:z-index=\"0\"><draw:image xlink:href=\"Pictures/chart.png\" xlink:type=\"simple\" "
        "xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"
        "<svg:title>" +
        xml_escape(b_.words.progress) + "</svg:title><svg:desc>" +
        xml_escape(chart_description(b_, rows)) + "</svg:desc></draw:frame></text:p>";
    body +=
        "<table:table table:name=\"Progress\" table:style-name=\"ActionTable\"><table:table-column "
        "table:style-name=\"ColAction\"/>"
        "<table:table-column table:style-name=\"ColNumber\" table:number-columns-repeated=\"" +
        std::to_string(b_.status_labels.size() + 1) + "\"/>";
    body += "<table:table-header-rows><table:table-row>" +
            cell("<text:p text:style-name=\"Table_20_Heading\">" + xml_escape(b_.words.section) +
                     "</text:p>",
                 true);
    for (const auto& l : b_.status_labels)
      body +=
          cell("<text:p text:style-name=\"Table_20_Heading\">" + xml_escape(l) + "</text:p>", true);
    body += cell("<text:p text:style-name=\"Table_20_Heading\">" +
                     xml_escape(b_.words.total_column) + "</text:p>",
                 true) +
            "</table:table-row></table:table-header-rows>";
    for (const auto& r : rows) {
      body +=
          "<table:table-row>" +
          cell("<text:p text:style-name=\"Table_20_Contents\">" +
                   xml_escape(r.depth < 0 ? r.label : r.label + " \u2014 " + r.title) + "</text:p>",
               false);
      for (int v : r.per_status)
        body +=
            cell("<text:p text:style-name=\"Table_20_Contents\">" + std::to_string(v) + "</text:p>",
                 false);
      body += cell("<text:p text:style-name=\"Table_20_Contents\">" + std::to_string(r.total) +
                       "</text:p>",
                   false) +
              "</table:table-row>";
    }
    body += "</table:table>";

    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" +
                    std::string(namespaces) + ">";
    s += font_faces;
    s += "<office:automatic-styles>";
    s += "<style:style style:name=\"H1Page\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Heading_20_1\"><style:paragraph-properties "
         "fo:break-before=\"page\"/></style:style>";
    s += "<style:style style:name=\"H1Portrait\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Heading_20_1\" "
         "style:master-page-name=\"Standard\"><style:paragraph-properties "
         "style:page-number=\"auto\"/></style:style>";
    s += "<style:style style:name=\"H1Landscape\" style:family=\"paragraph\" "
         "style:parent-style-name=\"Heading_20_1\" "
         "style:master-page-name=\"Landscape\"><style:paragraph-properties "
         "style:page-number=\"auto\"/></style:style>";
    s += "<style:style style:name=\"ActionTable\" style:family=\"table\"><style:table-properties "
         "style:width=\"" +
         std::string(landscape_ ? "9.6in" : "6.9in") +
         "\" table:align=\"margins\" fo:margin-top=\"0.08in\" "
         "fo:margin-bottom=\"0.12in\"/></style:style>";
    s += "<style:style style:name=\"ColAction\" "
         "style:family=\"table-column\"><style:table-column-properties style:rel-column-width=\"" +
         std::string(b_.columns.size() > 4 ? "1600*" : "2400*") + "\"/></style:style>";
    s += "<style:style style:name=\"ColField\" "
         "style:family=\"table-column\"><style:table-column-properties "
         "style:rel-column-width=\"1000*\"/></style:style>";
    s += "<style:style style:name=\"ColNumber\" "
         "style:family=\"table-column\"><style:table-column-properties "
         "style:rel-column-width=\"500*\"/></style:style>";
    s += "<style:style style:name=\"HeadCell\" "
         "style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"#104659\" "
         "fo:padding=\"0.05in\" fo:border=\"0.5pt solid #104659\"/></style:style>";
    s += "<style:style style:name=\"BodyCell\" "
         "style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.05in\" "
         "fo:border-left=\"none\" fo:border-right=\"none\" fo:border-top=\"none\" "
         "fo:border-bottom=\"0.5pt solid #c7cfd6\"/></style:style>";
    s += "<style:style style:name=\"Status\" style:family=\"text\"><style:text-properties "
         "fo:color=\"#e89e29\"/></style:style>";
    s += "<style:style style:name=\"ChartFrame\" "
         "style:family=\"graphic\"><style:graphic-properties style:wrap=\"none\" "
         "style:vertical-pos=\"top\" style:vertical-rel=\"baseline\"/></style:style>";
    for (const auto& [lang, name] : lang_styles_)
      s += "<style:style style:name=\"" + name +
           "\" style:family=\"text\"><style:text-properties fo:language=\"" + xml_escape(lang) +
           "\" fo:country=\"none\"/></style:style>";
    s += "</office:automatic-styles><office:body><office:text>";
    s += body;
    s += "</office:text></office:body></office:document-content>\n";
    return s;
  }

 private:
  std::string lang_style(const std::string& lang) {
    auto& name = lang_styles_[lang];
    if (name.empty()) name = "Lang" + std::to_string(lang_styles_.size());
    return name;
  }

  const Booklet& b_;
  bool landscape_;
  int tables_ = 0;
  std::map<std::string, std::string> lang_styles_;
};

std::string meta_xml(const Booklet& b) {
  std::string date = b.date_iso + "T00:00:00";
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta" +
                  std::string(namespaces) + "><office:meta>";
  s += "<meta:generator>Carnet</meta:generator>";
  s += "<dc:title>" + xml_escape(b.title) + "</dc:title>";
  s += "<dc:language>" + xml_escape(b.lang) + "</dc:language>";
  if (!b.organization.empty())
    s += "<meta:initial-creator>" + xml_escape(b.organization) + "</meta:initial-creator>";
  s += "<meta:creation-date>" + date + "</meta:creation-date><dc:date>" + date + "</dc:date>";
  s += "</office:meta></office:document-meta>\n";
  return s;
}

}  // namespace

std::string write_odt(const Booklet& booklet, const std::string& paper,
                      const std::string& context) {
  // Wide tables (more than four fields besides the action) go on landscape pages.
  bool landscape = booklet.columns.size() > 4;
  OdtBuilder builder(booklet, landscape);
  const double chart_width_pt = 460;
  std::string png = chart_png(booklet, chart_width_pt, 2.5);
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
  zip.add("Pictures/chart.png", png, C::store);
  zip.add(
      "META-INF/manifest.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
      "manifest:version=\"1.2\">\n"
      " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
      "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
      " <manifest:file-entry manifest:full-path=\"content.xml\" "
      "manifest:media-type=\"text/xml\"/>\n"
      " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
      " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
      " <manifest:file-entry manifest:full-path=\"Pictures/chart.png\" "
      "manifest:media-type=\"image/png\"/>\n"
      "</manifest:manifest>\n",
      C::deflate);
  return zip.commit();
}

}  // namespace carnet::render::booklet
