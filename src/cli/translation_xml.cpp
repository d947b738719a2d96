#include "cli/translation_xml.hpp"

namespace carnet::cli::xml {

namespace {

class Parser {
 public:
  Parser(std::string_view s, ParseError& error) : s_(s), error_(error) {}

  std::unique_ptr<Element> document() {
    skip_misc();
    if (at_end() || s_[i_] != '<') return fail("expected an XML element");
    auto root = element();
    if (!root) return nullptr;
    skip_misc();
    if (!at_end()) return fail("text after the root element");
    return root;
  }

 private:
  std::string_view s_;
  ParseError& error_;
  size_t i_ = 0;

  bool at_end() const { return i_ >= s_.size(); }
  bool starts(std::string_view p) const { return s_.substr(i_, p.size()) == p; }

  std::unique_ptr<Element> fail(std::string message) {
    if (!error_.message.empty()) return nullptr;
    int line = 1, column = 1;
    for (size_t k = 0; k < i_ && k < s_.size(); ++k) {
      if (s_[k] == '\n')
        ++line, column = 1;
      else
        ++column;
    }
    error_ = {line, column, std::move(message)};
    return nullptr;
  }

  int line_here() const {
    int line = 1;
    for (size_t k = 0; k < i_ && k < s_.size(); ++k) line += s_[k] == '\n';
    return line;
  }

  void skip_space() {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  bool skip_until(std::string_view end) {
    auto at = s_.find(end, i_);
    if (at == std::string_view::npos) return false;
    i_ = at + end.size();
    return true;
  }

  // Declarations, comments and space around the root element.
  void skip_misc() {
    for (;;) {
      skip_space();
      if (starts("\xEF\xBB\xBF"))
        i_ += 3;
      else if (starts("<?"))
        skip_until("?>");
      else if (starts("<!--"))
        skip_until("-->");
      else if (starts("<!DOCTYPE"))
        skip_until(">");
      else
        return;
    }
  }

  std::string name() {
    size_t start = i_;
    while (!at_end() && std::string_view(" \t\r\n/>=").find(s_[i_]) == std::string_view::npos) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  bool reference(std::string& out) {
    auto end = s_.find(';', i_);
    if (end == std::string_view::npos || end - i_ > 12) return false;
    std::string_view ref = s_.substr(i_ + 1, end - i_ - 1);
    i_ = end + 1;
    if (ref == "lt")
      out += '<';
    else if (ref == "gt")
      out += '>';
    else if (ref == "amp")
      out += '&';
    else if (ref == "quot")
      out += '"';
    else if (ref == "apos")
      out += '\'';
    else if (ref.size() > 1 && ref[0] == '#') {
      unsigned long cp = 0;
      try {
        cp = ref[1] == 'x' ? std::stoul(std::string(ref.substr(2)), nullptr, 16)
                           : std::stoul(std::string(ref.substr(1)));
      } catch (...) {
        return false;
      }
      if (cp == 0 || cp > 0x10FFFF) return false;
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      return false;
    }
    return true;
  }

  std::unique_ptr<Element> element() {
    auto e = std::make_unique<Element>();
    e->line = line_here();
    ++i_;  // '<'
    e->name = name();
    if (e->name.empty()) return fail("expected an element name after '<'");
    for (;;) {
      skip_space();
      if (at_end()) return fail("unclosed tag <" + e->name + ">");
      if (starts("/>")) {
        i_ += 2;
        return e;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      std::string attr = name();
      skip_space();
      if (attr.empty() || at_end() || s_[i_] != '=')
        return fail("malformed attribute in <" + e->name + ">");
      ++i_;
      skip_space();
      if (at_end() || (s_[i_] != '"' && s_[i_] != '\''))
        return fail("attribute value without quotes");
      char q = s_[i_++];
      std::string value;
      while (!at_end() && s_[i_] != q) {
        if (s_[i_] == '&') {
          if (!reference(value)) return fail("unknown entity reference");
        } else {
          value += s_[i_++];
        }
      }
      if (at_end()) return fail("unclosed attribute value");
      ++i_;
      e->attributes[attr] = std::move(value);
    }
    // Content.
    for (;;) {
      if (at_end()) return fail("<" + e->name + "> is never closed");
      if (starts("</")) {
        i_ += 2;
        std::string closing = name();
        skip_space();
        if (closing != e->name || at_end() || s_[i_] != '>')
          return fail("</" + closing + "> does not close <" + e->name + ">");
        ++i_;
        return e;
      }
      if (starts("<!--")) {
        if (!skip_until("-->")) return fail("unclosed comment");
      } else if (starts("<![CDATA[")) {
        i_ += 9;
        auto end = s_.find("]]>", i_);
        if (end == std::string_view::npos) return fail("unclosed CDATA section");
        e->text += s_.substr(i_, end - i_);
        i_ = end + 3;
      } else if (starts("<?")) {
        if (!skip_until("?>")) return fail("unclosed processing instruction");
      } else if (s_[i_] == '<') {
        auto child = element();
        if (!child) return nullptr;
        e->text += child->text;
        e->children.push_back(std::move(child));
      } else if (s_[i_] == '&') {
        if (!reference(e->text)) return fail("unknown entity reference");
      } else {
        // XML normalizes line ends to LF.
        if (s_[i_] == '\r') {
          e->text += '\n';
          i_ += starts("\r\n") ? 2 : 1;
          continue;
        }
        e->text += s_[i_++];
      }
    }
  }
};

}  // namespace

std::string Element::local_name() const {
  auto colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

const std::string* Element::attribute(std::string_view local) const {
  for (const auto& [k, v] : attributes) {
    auto colon = k.find(':');
    std::string_view l =
        colon == std::string::npos ? std::string_view(k) : std::string_view(k).substr(colon + 1);
    if (l == local && k.rfind("xmlns", 0) != 0) return &v;
  }
  return nullptr;
}

std::vector<const Element*> Element::children_named(std::string_view local) const {
  std::vector<const Element*> out;
  for (const auto& c : children)
    if (c->local_name() == local) out.push_back(c.get());
  return out;
}

const Element* Element::child(std::string_view local) const {
  for (const auto& c : children)
    if (c->local_name() == local) return c.get();
  return nullptr;
}

std::unique_ptr<Element> parse(std::string_view text, ParseError& error) {
  error = {};
  return Parser(text, error).document();
}

std::string escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace carnet::cli::xml
