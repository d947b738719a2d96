#include "render/booklet/epub_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "render/booklet/progress.hpp"
#include "render/booklet/xhtml.hpp"
#include "wrap/zip.hpp"

namespace carnet::render::booklet {

namespace {

const char* const stylesheet =
    R"(body { font-family: "Noto Serif", Georgia, serif; line-height: 1.45; margin: 0 4%; }
h1, h2, h3, h4, th, .kicker, nav, table { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4 { color: #104659; line-height: 1.2; hyphens: none; -epub-hyphens: none; }
h1 { font-size: 1.6em; margin: 1.2em 0 0.5em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.kicker { display: block; font-size: 0.6em; letter-spacing: 0.12em; text-transform: uppercase; color: #cc6621; }
p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; -epub-hyphens: auto; }
.cover { text-align: left; margin-top: 3em; }
.cover .organization { text-transform: uppercase; letter-spacing: 0.1em; font-family: "Noto Sans", Arial, sans-serif; font-size: 0.8em; }
.cover h1 { font-size: 2em; }
.cover .period { font-size: 1.3em; color: #104659; font-family: "Noto Sans", Arial, sans-serif; }
.field { font-family: "Noto Sans", Arial, sans-serif; font-weight: bold; color: #104659; margin: 0.8em 0 0.2em; }
table { border-collapse: collapse; width: 100%; font-size: 0.75em; margin: 0.8em 0 1.2em; }
th, td { border-bottom: 1px solid #c7cfd6; padding: 0.35em 0.4em; text-align: left; vertical-align: top; }
thead th { background-color: #104659; color: #ffffff; }
tbody th { font-weight: bold; }
tbody tr:nth-child(even) { background-color: #f3f6f8; }
td ul, th ul { margin: 0; padding-left: 1.1em; }
td p, th p { margin: 0 0 0.2em; text-align: left; }
.status { font-weight: normal; color: #5f6873; display: block; margin-top: 0.2em; }
.number { text-align: right; }
figure { margin: 1em 0; }
figure img { width: 100%; }
blockquote { font-style: italic; color: #5f6873; margin: 0 0 0.6em 1.2em; }
nav ol { list-style: none; padding-left: 1em; }
)";

std::string document(const Booklet& b, const std::string& title, const std::string& body) {
  std::string lang = xml_escape(b.lang);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
         "lang=\"" +
         lang + "\" xml:lang=\"" + lang + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" +
         xml_escape(title) +
         "</title>\n<link rel=\"stylesheet\" type=\"text/css\" "
         "href=\"style.css\"/>\n</head>\n<body>\n" +
         body + "</body>\n</html>\n";
}

std::string lang_attrs(const std::string& lang) {
  return lang.empty() ? ""
                      : " lang=\"" + xml_escape(lang) + "\" xml:lang=\"" + xml_escape(lang) + "\"";
}

struct Part {
  std::string id;    // manifest id
  std::string file;  // "part-1.xhtml"
  std::string title;
  std::string body;
};

class EpubBuilder {
 public:
  explicit EpubBuilder(const Booklet& b) : b_(b) {}

  std::string section_heading_text(const SectionEntry& s) const {
    std::string label = s.label();
    return label.empty() ? s.title : label + " \u2014 " + s.title;
  }

  std::string table(const SectionEntry& s) const {
    std::string out =
        "<table>\n<thead><tr><th scope=\"col\">" + xml_escape(b_.words.action) + "</th>";
    for (const auto& c : b_.columns) out += "<th scope=\"col\">" + xml_escape(c.label) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    bool progress_column = false;
    for (const auto& c : b_.columns) progress_column = progress_column || c.field == "progress";
    for (const auto& a : s.actions) {
      out +=
          "<tr id=\"" + xml_id(a.anchor) + "\"><th scope=\"row\"" + lang_attrs(a.title_lang) + ">";
      if (!a.code.empty()) out += xml_escape(a.code) + " ";
      out += xml_escape(a.title);
      std::string status = a.status_label;
      if (!a.progress_text.empty() && !progress_column) status += " \u00B7 " + a.progress_text;
      out += "<span class=\"status\">" + xml_escape(status) + "</span>";
      if (b_.details_with_title && !a.details.empty())
        out += "<span class=\"status\">" + xml_escape(plain_text(a.details)) + "</span>";
      out += "</th>";
      for (const auto& cell : a.cells) out += "<td>" + blocks_xhtml(cell) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
  }

  std::string notes(const std::vector<NoteEntry>& notes, const std::string& prefix) const {
    std::string out;
    for (const auto& n : notes) {
      std::string lead = prefix;
      if (!n.date.empty()) lead += (lead.empty() ? "" : " \u00B7 ") + n.date;
      Blocks blocks = n.text;
      if (!lead.empty() && !blocks.empty()) {
        Span s(lead + b_.words.colon);
        s.bold = true;
        blocks.front().text.insert(blocks.front().text.begin(), s);
      }
      out += blocks_xhtml(blocks);
    }
    return out;
  }

  void section(const SectionEntry& s, std::string& out) const {
    int level = std::min(s.depth + 1, 4);
    std::string h = "h" + std::to_string(level);
    out += "<section id=\"" + xml_id(s.anchor) + "\">\n<" + h + lang_attrs(s.title_lang) + ">";
    if (s.depth <= 1 && !s.label().empty())
      out += "<span class=\"kicker\">" + xml_escape(s.label()) + "</span> " + xml_escape(s.title);
    else
      out += xml_escape(section_heading_text(s));
    out += "</" + h + ">\n";
    out += blocks_xhtml(s.description);
    for (const auto& f : s.fields)
      out += "<p class=\"field\">" + xml_escape(f.label) + "</p>\n" + blocks_xhtml(f.blocks);
    if (!s.notes.empty())
      out += "<p class=\"field\">" + xml_escape(b_.words.notes) + "</p>\n" + notes(s.notes, "");
    if (!s.actions.empty()) {
      out += table(s);
      std::string all;
      if (b_.notes_after_table)
        for (const auto& a : s.actions) all += notes(a.notes, a.code);
      if (!all.empty()) out += "<p class=\"field\">" + xml_escape(b_.words.notes) + "</p>\n" + all;
    }
    for (const auto& c : s.children) section(c, out);
    out += "</section>\n";
  }

  std::vector<Part> parts() const {
    std::vector<Part> out;
    std::string cover = "<section class=\"cover\" epub:type=\"titlepage\">\n";
    if (!b_.organization.empty())
      cover += "<p class=\"organization\">" + xml_escape(b_.organization) + "</p>\n";
    cover += "<h1>" + xml_escape(b_.title) + "</h1>\n";
    if (!b_.period.empty()) cover += "<p class=\"period\">" + xml_escape(b_.period) + "</p>\n";
    if (!b_.adopted.empty()) cover += "<p>" + xml_escape(b_.adopted) + "</p>\n";
    for (const auto& line : b_.organization_lines) cover += "<p>" + xml_escape(line) + "</p>\n";
    cover += "</section>\n";
    out.push_back({"title", "title.xhtml", b_.title, cover});
    if (!b_.summary.empty() || !b_.intro.empty()) {
      std::string body;
      if (!b_.summary.empty())
        body += "<section id=\"summary\">\n<h1>" + xml_escape(b_.words.summary) + "</h1>\n" +
                blocks_xhtml(b_.summary) + "</section>\n";
      if (!b_.intro.empty())
        body += "<section id=\"introduction\">\n<h1>" + xml_escape(b_.words.introduction) +
                "</h1>\n" + blocks_xhtml(b_.intro) + "</section>\n";
      out.push_back({"intro", "intro.xhtml",
                     b_.summary.empty() ? b_.words.introduction : b_.words.summary, body});
    }
    int n = 0;
    for (const auto& s : b_.sections) {
      std::string body;
      section(s, body);
      ++n;
      out.push_back({"part-" + std::to_string(n), "part-" + std::to_string(n) + ".xhtml",
                     section_heading_text(s), body});
    }
    auto rows = progress_rows(b_);
    std::string body =
        "<section id=\"progress\">\n<h1>" + xml_escape(b_.words.progress) + "</h1>\n<ul>\n";
    for (const auto& [count, label] : key_figures(b_))
      body += "<li><strong>" + std::to_string(count) + "</strong> " + xml_escape(label) + "</li>\n";
    body += "</ul>\n<figure>\n<img src=\"chart.svg\" alt=\"" +
            xml_escape(chart_description(b_, rows)) + "\"/>\n</figure>\n";
    body += "<table>\n<thead><tr><th scope=\"col\">" + xml_escape(b_.words.section) + "</th>";
    for (const auto& l : b_.status_labels)
      body += "<th scope=\"col\" class=\"number\">" + xml_escape(l) + "</th>";
    body += "<th scope=\"col\" class=\"number\">" + xml_escape(b_.words.total_column) +
            "</th></tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
      body += "<tr><th scope=\"row\">" +
              xml_escape(r.depth < 0 ? r.label : r.label + " \u2014 " + r.title) + "</th>";
      for (int v : r.per_status) body += "<td class=\"number\">" + std::to_string(v) + "</td>";
      body += "<td class=\"number\">" + std::to_string(r.total) + "</td></tr>\n";
    }
    body += "</tbody>\n</table>\n</section>\n";
    out.push_back({"progress", "progress.xhtml", b_.words.progress, body});
    return out;
  }

  void nav_section(const SectionEntry& s, const std::string& file, std::string& out) const {
    out += "<li><a href=\"" + file + "#" + xml_id(s.anchor) + "\">" +
           xml_escape(section_heading_text(s)) + "</a>";
    if (!s.children.empty()) {
      out += "\n<ol>\n";
      for (const auto& c : s.children) nav_section(c, file, out);
      out += "</ol>\n";
    }
    out += "</li>\n";
  }

  std::string nav() const {
    std::string body = "<nav epub:type=\"toc\" id=\"toc\">\n<h1>" + xml_escape(b_.words.contents) +
                       "</h1>\n<ol>\n";
    body += "<li><a href=\"title.xhtml\">" + xml_escape(b_.title) + "</a></li>\n";
    if (!b_.summary.empty())
      body += "<li><a href=\"intro.xhtml#summary\">" + xml_escape(b_.words.summary) + "</a></li>\n";
    if (!b_.intro.empty())
      body += "<li><a href=\"intro.xhtml#introduction\">" + xml_escape(b_.words.introduction) +
              "</a></li>\n";
    int n = 0;
    for (const auto& s : b_.sections)
      nav_section(s, "part-" + std::to_string(++n) + ".xhtml", body);
    body += "<li><a href=\"progress.xhtml\">" + xml_escape(b_.words.progress) +
            "</a></li>\n</ol>\n</nav>\n";
    body +=
        "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">" +
        xml_escape(b_.words.contents) +
        "</a></li>\n"
        "<li><a epub:type=\"bodymatter\" href=\"" +
        std::string(b_.summary.empty() && b_.intro.empty() ? "part-1.xhtml" : "intro.xhtml") +
        "\">" + xml_escape(b_.title) + "</a></li>\n</ol>\n</nav>\n";
    return document(b_, b_.words.contents, body);
  }

  std::string package(const std::vector<Part>& parts) const {
    std::string lang = xml_escape(b_.lang);
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" "
        "xml:lang=\"" +
        lang +
        "\">\n"
        "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    out += "<dc:identifier id=\"uid\">" + xml_escape(b_.identifier) + "</dc:identifier>\n";
    out += "<dc:title>" + xml_escape(b_.title) + "</dc:title>\n";
    out += "<dc:language>" + lang + "</dc:language>\n";
    if (!b_.organization.empty())
      out += "<dc:creator>" + xml_escape(b_.organization) + "</dc:creator>\n";
    out += "<dc:date>" + b_.date_iso + "</dc:date>\n";
    // The content's date, not the build's: same input, same bytes.
    out += "<meta property=\"dcterms:modified\">" + b_.date_iso + "T00:00:00Z</meta>\n";
    out +=
        "<meta property=\"schema:accessMode\">textual</meta>\n"
        "<meta property=\"schema:accessMode\">visual</meta>\n"
        "<meta property=\"schema:accessModeSufficient\">textual</meta>\n"
        "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n"
        "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n"
        "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n"
        "<meta property=\"schema:accessibilityHazard\">none</meta>\n"
        "<meta property=\"schema:accessibilitySummary\">" +
        xml_escape(b_.words.epub_accessibility) + "</meta>\n";
    out +=
        "</metadata>\n<manifest>\n"
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
        "properties=\"nav\"/>\n"
        "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n"
        "<item id=\"chart\" href=\"chart.svg\" media-type=\"image/svg+xml\"/>\n";
    for (const auto& p : parts)
      out += "<item id=\"" + p.id + "\" href=\"" + p.file +
             "\" media-type=\"application/xhtml+xml\"/>\n";
    out += "</manifest>\n<spine>\n";
    out += "<itemref idref=\"" + parts[0].id + "\"/>\n<itemref idref=\"nav\"/>\n";
    for (size_t i = 1; i < parts.size(); ++i) out += "<itemref idref=\"" + parts[i].id + "\"/>\n";
    out += "</spine>\n</package>\n";
    return out;
  }

 private:
  const Booklet& b_;
};

}  // namespace

std::string write_epub(const Booklet& booklet, const std::string& context) {
  EpubBuilder builder(booklet);
  auto parts = builder.parts();
  wrap::ZipWriter zip(context);
  int year = 2000, month = 1, day = 1;
  std::sscanf(booklet.date_iso.c_str(), "%d-%d-%d", &year, &month, &day);
  zip.set_date(std::max(1980, year), month, day);
  // The OCF rule: "mimetype" first, stored, so that its bytes sit at a fixed
  // offset where tools sniff the type.
  zip.add("mimetype", "application/epub+zip", wrap::ZipWriter::Compression::store);
  using C = wrap::ZipWriter::Compression;
  zip.add("META-INF/container.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
          "<rootfiles>\n<rootfile full-path=\"EPUB/package.opf\" "
          "media-type=\"application/oebps-package+xml\"/>\n"
          "</rootfiles>\n</container>\n",
          C::deflate);
  zip.add("EPUB/package.opf", builder.package(parts), C::deflate);
  zip.add("EPUB/nav.xhtml", builder.nav(), C::deflate);
  zip.add("EPUB/style.css", stylesheet, C::deflate);
  zip.add("EPUB/chart.svg", progress_svg(booklet, progress_rows(booklet), 480), C::deflate);
  for (const auto& p : parts)
    zip.add("EPUB/" + p.file, document(booklet, p.title, p.body), C::deflate);
  return zip.commit();
}

}  // namespace carnet::render::booklet
