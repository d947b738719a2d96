#include "render/booklet/rich_text.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>

namespace carnet::render::booklet {

Inline plain(std::string text) {
  Inline out;
  out.push_back(Span{std::move(text)});
  return out;
}

Block paragraph(std::string text) {
  Block b;
  b.text = plain(std::move(text));
  return b;
}

std::string plain_text(const Inline& text) {
  std::string out;
  for (const auto& s : text) out += s.text;
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += '\n';
    out += plain_text(b.text);
  }
  return out;
}

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// cmark writes only these entities, plus numeric ones.
std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp")
      out += '&';
    else if (name == "lt")
      out += '<';
    else if (name == "gt")
      out += '>';
    else if (name == "quot")
      out += '"';
    else if (name == "apos")
      out += '\'';
    else if (name == "nbsp")
      append_utf8(out, 0xA0);
    else if (!name.empty() && name[0] == '#') {
      std::string num(name.substr(1));
      uint32_t cp = (!num.empty() && (num[0] == 'x' || num[0] == 'X'))
                        ? static_cast<uint32_t>(std::strtoul(num.c_str() + 1, nullptr, 16))
                        : static_cast<uint32_t>(std::strtoul(num.c_str(), nullptr, 10));
      append_utf8(out, cp ? cp : 0xFFFD);
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  size_t start = at + key.size();
  size_t end = tag.find('"', start);
  if (end == std::string_view::npos) return "";
  return decode_entities(tag.substr(start, end - start));
}

struct Reader {
  Blocks blocks;
  Block current;
  bool open = false;
  struct List {
    bool ordered;
    int next;
  };
  std::vector<List> lists;
  int bold = 0, italic = 0, code = 0, strike = 0, quote = 0, pre = 0;
  std::vector<std::string> links;
  bool after_space = true;  // collapses white space outside <pre>

  void start(Block::Kind kind) {
    finish();
    current = Block{};
    current.kind = kind;
    open = true;
    after_space = true;
  }
  void ensure_open() {
    if (!open) start(quote ? Block::Kind::quote : Block::Kind::paragraph);
  }
  void finish() {
    if (!open) return;
    // Trailing spaces and empty spans carry nothing.
    while (!current.text.empty()) {
      auto& t = current.text.back().text;
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (!t.empty()) break;
      current.text.pop_back();
    }
    if (!current.text.empty() || current.kind == Block::Kind::item) blocks.push_back(current);
    open = false;
  }
  void text(std::string_view raw) {
    std::string t = decode_entities(raw);
    if (!pre) {
      std::string collapsed;
      for (char c : t) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
          if (!after_space) collapsed += ' ';
          after_space = true;
        } else {
          collapsed += c;
          after_space = false;
        }
      }
      t = collapsed;
    }
    if (t.empty()) return;
    ensure_open();
    Span s;
    s.bold = bold > 0;
    s.italic = italic > 0;
    s.code = code > 0;
    s.strike = strike > 0;
    if (!links.empty()) s.href = links.back();
    auto& spans = current.text;
    if (!spans.empty()) {
      auto& last = spans.back();
      if (last.bold == s.bold && last.italic == s.italic && last.code == s.code &&
          last.strike == s.strike && last.href == s.href) {
        last.text += t;
        return;
      }
    }
    s.text = std::move(t);
    spans.push_back(std::move(s));
  }
  void tag(std::string_view tag) {
    bool closing = tag.size() > 1 && tag[1] == '/';
    size_t name_start = closing ? 2 : 1;
    size_t name_end = tag.find_first_of(" />\t\n", name_start);
    std::string name(tag.substr(name_start, name_end - name_start));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "p" || name == "div" || name == "tr" || name == "dt" || name == "dd") {
      // A paragraph inside a list item continues the item (tight and loose
      // lists read the same on paper).
      if (!closing && !(open && current.kind == Block::Kind::item && current.text.empty()))
        start(quote ? Block::Kind::quote : Block::Kind::paragraph);
      if (closing) finish();
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      if (!closing) {
        start(Block::Kind::paragraph);
        current.heading = true;
      } else {
        finish();
      }
    } else if (name == "ul" || name == "ol") {
      if (!closing) {
        finish();
        int first = 1;
        if (name == "ol") {
          std::string s = attribute(tag, "start");
          if (!s.empty()) first = std::atoi(s.c_str());
        }
        lists.push_back({name == "ol", first});
      } else {
        finish();
        if (!lists.empty()) lists.pop_back();
      }
    } else if (name == "li") {
      if (!closing) {
        start(Block::Kind::item);
        if (!lists.empty()) {
          current.depth = static_cast<int>(lists.size()) - 1;
          current.ordered = lists.back().ordered;
          current.number = lists.back().next++;
        }
      } else {
        finish();
      }
    } else if (name == "blockquote") {
      finish();
      quote += closing ? -1 : 1;
    } else if (name == "pre") {
      if (!closing) {
        start(Block::Kind::code);
        pre++;
      } else {
        pre--;
        finish();
      }
    } else if (name == "strong" || name == "b") {
      bold += closing ? -1 : 1;
    } else if (name == "em" || name == "i") {
      italic += closing ? -1 : 1;
    } else if (name == "code") {
      code += closing ? -1 : 1;
    } else if (name == "del" || name == "s") {
      strike += closing ? -1 : 1;
    } else if (name == "a") {
      if (!closing) {
        std::string href = attribute(tag, "href");
        links.push_back(href.rfind("#", 0) == 0 ? "" : href);
      } else if (!links.empty()) {
        links.pop_back();
      }
    } else if (name == "br") {
      ensure_open();
      current.text.push_back(Span{"\n"});
      after_space = true;
    } else if (name == "td" || name == "th") {
      if (closing) text(" ");
    } else if (name == "img") {
      std::string alt = attribute(tag, "alt");
      if (!alt.empty()) text("[" + alt + "]");
    } else if (name == "input") {
      text(tag.find("checked") != std::string_view::npos ? "[x] " : "[ ] ");
    }
  }
};

}  // namespace

Blocks html_to_blocks(std::string_view html) {
  Reader r;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) {
        r.text(html.substr(i));
        break;
      }
      std::string_view tag = html.substr(i, end - i + 1);
      if (tag.rfind("<!--", 0) == 0) {
        size_t close = html.find("-->", i);
        i = close == std::string_view::npos ? html.size() : close + 3;
        continue;
      }
      r.tag(tag);
      i = end + 1;
    } else {
      size_t end = html.find('<', i);
      if (end == std::string_view::npos) end = html.size();
      r.text(html.substr(i, end - i));
      i = end;
    }
  }
  r.finish();
  return r.blocks;
}

}  // namespace carnet::render::booklet
