#include "load/page_reader.hpp"

#include "base/slug.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

namespace {

const std::vector<std::string> known_keys = {
    "title", "date", "summary", "slug", "draft", "weight", "translation_key", "menu", "booklet"};

bool is_delimiter(std::string_view line) { return base::trim(line) == "---"; }

std::optional<bool> read_bool(const yaml::Node& n, std::string_view field, const YamlSource& src,
                              base::Diagnostics& diags) {
  auto s = n.is_scalar() ? n.scalar() : std::string();
  if (s == "true" || s == "yes" || s == "oui") return true;
  if (s == "false" || s == "no" || s == "non") return false;
  diags.error(src.pos(n), std::string(field) + ": expected true or false, not " + quote(s));
  return std::nullopt;
}

}  // namespace

bool check_utf8(std::string_view text, const std::string& path, base::Diagnostics& diags) {
  auto bad = base::find_invalid_utf8(text);
  if (!bad) return true;
  auto lc = base::line_column_at(text, *bad);
  diags.error(
      {path, lc.line, lc.column},
      "this file is not UTF-8 (it was probably saved as Latin-1 or Windows-1252): save it again "
      "with the UTF-8 encoding");
  return false;
}

FrontMatterSplit split_front_matter(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM some editors add
  FrontMatterSplit out;
  out.body = text;
  const size_t first_end = text.find('\n');
  if (!is_delimiter(text.substr(0, first_end))) return out;
  out.has_front = true;
  size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
  int line = 2;
  while (pos < text.size()) {
    const size_t end = text.find('\n', pos);
    const std::string_view l =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (is_delimiter(l)) {
      out.closed = true;
      out.front = text.substr(first_end + 1, pos - first_end - 1);
      out.body = text.substr(end == std::string_view::npos ? text.size() : end + 1);
      out.body_line = line + 1;
      return out;
    }
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++line;
  }
  return out;
}

bool read_page(std::string_view text, model::Page& page, const std::vector<std::string>& languages,
               base::Diagnostics& diags) {
  if (!check_utf8(text, page.source, diags)) return false;
  const FrontMatterSplit split = split_front_matter(text);
  if (split.has_front && !split.closed) {
    diags.error({page.source, 1, 1},
                "the front matter opened by --- on line 1 is never closed: add a line --- "
                "after the last field");
    return false;
  }
  const std::string_view front = split.front;
  const int body_line = split.body_line;
  // The body reaches XML (the feed, the EPUB) through cmark, which decodes
  // "&#1;" too. (The front matter is checked by parse_yaml.)
  if (!base::check_control_chars(split.body, page.source, body_line, true, diags)) return false;
  page.markdown = std::string(split.body);
  page.body_line = body_line;

  YamlSource src{page.source, 1, &languages, front};
  const size_t errors_before = diags.error_count();
  bool ok = true;
  if (!base::trim(front).empty()) {
    auto root = parse_yaml(front, src, diags);
    if (!root) return false;
    if (!root->is_map()) {
      diags.error({page.source, 2, 1},
                  "the front matter must be fields such as `title: ...`, one per line");
      return false;
    }
    model::Value::Map params;
    check_duplicate_keys(*root, "front matter", src, diags);
    for (const auto& kv : *root) {
      const std::string key = kv.first.as_string("");
      const yaml::Node& v = kv.second;
      if (key == "title")
        page.title = read_scalar(v, key, src, diags).value_or("");
      else if (key == "summary")
        page.summary = read_scalar(v, key, src, diags).value_or("");
      else if (key == "translation_key")
        page.translation_key = read_scalar(v, key, src, diags).value_or("");
      else if (key == "slug") {
        page.slug = read_scalar(v, key, src, diags).value_or("");
        if (!base::is_clean_segment(page.slug)) {
          diags.error(src.pos(v), "slug " + quote(page.slug) +
                                      " may only hold lowercase letters, digits and hyphens (try " +
                                      quote(base::slugify(page.slug)) + ")");
          ok = false;
        } else if (!check_name_length(page.slug, "slug", src.pos(v), diags)) {
          ok = false;
        }
      } else if (key == "date") {
        auto s = read_scalar(v, key, src, diags).value_or("");
        std::string why;
        page.date = base::parse_full_date(s, &why);
        if (!page.date) {
          diags.error(src.pos(v), "date: " + quote(s) + " is not a valid date: " + why);
          ok = false;
        }
      } else if (key == "draft")
        page.draft = read_bool(v, key, src, diags).value_or(false);
      else if (key == "booklet") {
        auto b = read_bool(v, key, src, diags);
        page.booklet = b.value_or(false);
        // Only a regular page is a document of its own; an index lists others.
        if (b && *b && page.kind != model::PageKind::regular) {
          diags.error(src.pos(kv.first),
                      "booklet: only a regular page gets booklets, not a home or section index");
          ok = false;
        }
      } else if (key == "menu")
        page.menu = read_bool(v, key, src, diags).value_or(false);
      else if (key == "weight") {
        auto s = read_scalar(v, key, src, diags).value_or("");
        try {
          size_t used = 0;
          page.weight = std::stoi(s, &used);
          if (used != s.size()) throw std::invalid_argument(s);
        } catch (...) {
          diags.error(src.pos(v), "weight: expected a whole number, not " + quote(s));
        }
      } else {
        // Unknown keys reach templates; a near-miss of a known key is
        // almost always a typo, worth a warning.
        auto guess = base::closest_match(key, known_keys);
        if (!guess.empty())
          diags.warning(src.pos(kv.first), "unknown front matter key " + quote(key) +
                                               " (did you mean " + quote(guess) +
                                               "?); it is passed to templates as is");
        params.emplace_back(key, to_value(v));
      }
    }
    page.params.data = std::move(params);
  }
  if (page.title.empty()) {
    diags.error({page.source, 1, 1},
                "the page has no title: add `title: ...` to its front matter (between --- lines)");
    ok = false;
  }
  return ok && diags.error_count() == errors_before;
}

}  // namespace carnet::load
