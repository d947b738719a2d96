#include "load/markdown_texts.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "base/text.hpp"
#include "markdown/document.hpp"

namespace carnet::load {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// `<img>` tags in a raw HTML text: where each starts, and whether it has an
// alt attribute. Plain searches: the text is the author's.
void find_html_images(const std::string& html, const std::function<void(size_t, bool)>& found) {
  const std::string lower = base::to_lower_ascii(html);
  for (size_t at = lower.find("<img"); at != std::string::npos; at = lower.find("<img", at + 4)) {
    if (at + 4 < lower.size() && std::isalnum(static_cast<unsigned char>(lower[at + 4]))) continue;
    const size_t end = std::min(lower.find('>', at), lower.size());
    const std::string_view tag = std::string_view(lower).substr(at, end - at);
    bool alt = false;
    for (size_t a = tag.find("alt"); a != std::string_view::npos && !alt;
         a = tag.find("alt", a + 3)) {
      size_t k = a + 3;
      while (k < tag.size() && is_space(tag[k])) ++k;
      alt = is_space(tag[a - 1]) && k < tag.size() && tag[k] == '=';
    }
    found(at, alt);
  }
}

struct Finder {
  // Maps a (line, column) of the Markdown text to its file.
  std::function<base::SourcePos(int line, int column)> place;
  std::vector<FoundLink>& out;

  void walk(const std::vector<markdown::Node>& nodes) {
    using K = markdown::Node::Kind;
    for (const auto& n : nodes) {
      if (n.kind == K::link || n.kind == K::image) {
        FoundLink f;
        f.kind = n.kind == K::link ? FoundLink::Kind::link : FoundLink::Kind::image;
        f.pos = place(n.line, n.column);
        f.url = n.url;
        f.described = !base::trim(markdown::plain_text(n.children)).empty();
        out.push_back(std::move(f));
      } else if (n.kind == K::html_block || n.kind == K::html_inline) {
        find_html_images(n.text, [&](size_t offset, bool alt) {
          // Lines of the HTML after its first are placed from column 1: in a
          // list or a quote, cmark has taken their indentation off.
          int line = n.line, column = n.column;
          size_t line_start = 0;
          for (size_t k = n.text.find('\n'); k < offset; k = n.text.find('\n', k + 1)) {
            ++line;
            column = 1;
            line_start = k + 1;
          }
          FoundLink f;
          f.kind = FoundLink::Kind::html_image;
          f.pos = place(line, column + static_cast<int>(offset - line_start));
          f.described = alt;
          out.push_back(std::move(f));
        });
      }
      walk(n.children);
    }
  }
};

// The URL as written: the Markdown stage hands it to the hook before any
// rewriting, and the hook keeps it.
markdown::Options scan_options(int first_line) {
  markdown::Options o;
  o.unsafe_html = true;  // to see <img> tags, even where the site leaves raw HTML out
  o.heading_ids = false;
  o.first_line = first_line;
  return o;
}

}  // namespace

void for_each_plan_markdown(const model::Plan& plan,
                            const std::function<void(const model::LocalizedText&)>& visit) {
  visit(plan.summary);
  visit(plan.intro);
  // Every Markdown a field holds, by its kind: long texts and notes.
  auto fields = [&](const model::Fields& fields) {
    for (const auto& spec : model::plan_fields()) {
      const model::FieldValue* f = fields.find(spec.key);
      if (!f) continue;
      if (spec.kind == model::FieldKind::markdown)
        for (const auto& t : f->texts) visit(t);
      for (const auto& n : f->notes) visit(n.text);
    }
  };
  std::function<void(const model::PlanSection&)> walk = [&](const model::PlanSection& s) {
    fields(s.fields);
    for (const auto& a : s.actions) fields(a.fields);
    for (const auto& c : s.sections) walk(c);
  };
  for (const auto& s : plan.sections) walk(s);
}

base::SourcePos position_in_text(const model::LocalizedText& t, const std::string& lang,
                                 const std::string& file, int line, int column) {
  const auto found = t.start.find(lang);
  const model::TextStart start = found != t.start.end() ? found->second
                                 : t.lang_pos.count(lang)
                                     ? model::TextStart{t.lang_pos.at(lang), -1}
                                     : model::TextStart{t.pos, -1};
  return {file, start.pos.line + line - 1,
          line == 1           ? start.pos.column + column - 1
          : start.indent >= 0 ? start.indent + column
                              : column};
}

std::vector<FoundLink> find_links(const model::Site& site) {
  std::vector<FoundLink> out;
  for (const auto& page : site.pages) {
    Finder finder{[&](int line, int column) -> base::SourcePos {
                    return {page.source, line, column};
                  },
                  out};
    finder.walk(markdown::parse(page.markdown, scan_options(page.body_line)));
  }
  for (const auto& plan : site.plans) {
    for_each_plan_markdown(plan, [&](const model::LocalizedText& t) {
      for (const auto& [lang, text] : t.text) {
        Finder finder{[&, &lang = lang](int line, int column) {
                        return position_in_text(t, lang, plan.source, line, column);
                      },
                      out};
        finder.walk(markdown::parse(text, scan_options(1)));
      }
    });
  }
  std::stable_sort(out.begin(), out.end(), [](const FoundLink& a, const FoundLink& b) {
    return std::tie(a.pos.path, a.pos.line, a.pos.column) <
           std::tie(b.pos.path, b.pos.line, b.pos.column);
  });
  return out;
}

}  // namespace carnet::load
