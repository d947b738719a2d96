#include "render/booklet/xhtml.hpp"

#include <vector>

#include "base/text.hpp"

namespace carnet::render::booklet {

// &#39; for ' is as valid in XHTML as in HTML, so the site's escaping serves.
std::string xml_escape(std::string_view s) { return base::html_escape(s); }

std::string xml_id(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    out += ok ? c : '-';
  }
  if (out.empty() ||
      !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_'))
    out = "id-" + out;
  return out;
}

std::string inline_xhtml(const Inline& text) {
  std::string out;
  for (const auto& s : text) {
    std::string t;
    size_t start = 0;
    for (size_t nl; (nl = s.text.find('\n', start)) != std::string::npos; start = nl + 1)
      t += xml_escape(s.text.substr(start, nl - start)) + "<br/>";
    t += xml_escape(s.text.substr(start));
    if (s.code) t = "<code>" + t + "</code>";
    if (s.strike) t = "<del>" + t + "</del>";
    if (s.italic) t = "<em>" + t + "</em>";
    if (s.bold) t = "<strong>" + t + "</strong>";
    if (!s.href.empty()) t = "<a href=\"" + xml_escape(s.href) + "\">" + t + "</a>";
    out += t;
  }
  return out;
}

namespace {
std::string lang_attrs(const Block& b) {
  return b.lang.empty()
             ? ""
             : " lang=\"" + xml_escape(b.lang) + "\" xml:lang=\"" + xml_escape(b.lang) + "\"";
}
}  // namespace

std::string blocks_xhtml(const Blocks& blocks, const std::string& paragraph_class) {
  std::string out;
  std::vector<bool> lists;  // open lists, ordered or not
  auto close_to = [&](size_t depth) {
    while (lists.size() > depth) {
      out += lists.back() ? "</li></ol>" : "</li></ul>";
      lists.pop_back();
    }
  };
  bool in_quote = false;
  for (const auto& b : blocks) {
    if (b.kind == Block::Kind::item) {
      size_t depth = static_cast<size_t>(b.depth) + 1;
      if (in_quote) {
        out += "</blockquote>";
        in_quote = false;
      }
      if (lists.size() > depth) close_to(depth);
      if (lists.size() == depth) {
        out += "</li>";
      }
      while (lists.size() < depth) {
        if (b.ordered)
          out += b.number != 1 && lists.size() + 1 == depth
                     ? "<ol start=\"" + std::to_string(b.number) + "\">"
                     : "<ol>";
        else
          out += "<ul>";
        lists.push_back(b.ordered);
      }
      out += "<li" + lang_attrs(b) + ">" + inline_xhtml(b.text);
      continue;
    }
    close_to(0);
    if (b.kind == Block::Kind::quote && !in_quote) {
      out += "<blockquote>";
      in_quote = true;
    } else if (b.kind != Block::Kind::quote && in_quote) {
      out += "</blockquote>";
      in_quote = false;
    }
    if (b.kind == Block::Kind::code) {
      out +=
          "<pre" + lang_attrs(b) + "><code>" + xml_escape(plain_text(b.text)) + "</code></pre>\n";
      continue;
    }
    std::string cls = paragraph_class.empty() ? "" : " class=\"" + paragraph_class + "\"";
    std::string body = inline_xhtml(b.text);
    if (b.heading) body = "<strong>" + body + "</strong>";
    out += "<p" + cls + lang_attrs(b) + ">" + body + "</p>\n";
  }
  close_to(0);
  if (in_quote) out += "</blockquote>";
  return out;
}

}  // namespace carnet::render::booklet
