#include "import/plan_headers.hpp"

#include <algorithm>

#include "base/slug.hpp"
#include "base/text.hpp"
#include "model/plan_fields.hpp"

namespace carnet::import {

namespace {

// Every header model::plan_fields() knows, with its field: matching is on
// the slug, so case, accents and punctuation do not matter.
struct Alias {
  std::string slug;
  const model::FieldSpec* field;
  const model::ImportHeader* header;
};

const std::vector<Alias>& aliases() {
  static const std::vector<Alias> all = [] {
    std::vector<Alias> v;
    for (const auto& f : model::plan_fields())
      for (const auto& h : f.headers) v.push_back({base::slugify(h.name), &f, &h});
    return v;
  }();
  return all;
}

struct LanguageName {
  const char* word;
  const char* code;
};
const LanguageName language_names[] = {{"fr", "fr"},     {"en", "en"},      {"francais", "fr"},
                                       {"french", "fr"}, {"anglais", "en"}, {"english", "en"}};

}  // namespace

// "Action (en)", "Titre [anglais]": the last bracketed word names a language.
// As the regular expression it was, (.*?)\s*[\(\[]\s*([^\)\]]+?)\s*[\)\]]\s*:
// the text ends with a closing bracket, and the word runs from the first
// opening bracket after the last other closing one. Plain scanning, not
// std::regex, which recursed once per character of a 50 KB header.
std::pair<std::string, std::string> split_header_language(std::string_view header) {
  const std::string_view h = base::trim(header);
  const std::string_view closing = ")]", opening = "([";
  if (!h.empty() && closing.find(h.back()) != std::string_view::npos) {
    const std::string_view inside = h.substr(0, h.size() - 1);
    const size_t last_close = inside.find_last_of(closing);
    const size_t open =
        inside.find_first_of(opening, last_close == std::string_view::npos ? 0 : last_close + 1);
    if (open != std::string_view::npos && open + 1 < inside.size()) {
      const std::string word = base::slugify(inside.substr(open + 1));
      const std::string_view name = base::trim(h.substr(0, open));
      for (const auto& l : language_names)
        if (word == l.word && name.find_first_of("\r\n") == std::string_view::npos)
          return {std::string(name), l.code};
    }
  }
  return {std::string(h), ""};
}

std::optional<HeaderMatch> match_header(std::string_view header) {
  const std::string slug = base::slugify(header);
  if (slug.empty()) return std::nullopt;
  for (const auto& a : aliases())
    if (a.slug == slug)
      return HeaderMatch{std::string(a.field->key), a.header->lang, a.header->keep_label};
  // "RESPONSABLE(S)", "INDICATEURS DE RÉUSSITE(S)": French headers often
  // write the plural this way; without it the name is a known one.
  std::string without(header);
  for (const char* plural : {"(s)", "(S)"})
    for (size_t at = without.find(plural); at != std::string::npos; at = without.find(plural))
      without.erase(at, 3);
  if (without.size() != header.size()) return match_header(without);
  return std::nullopt;
}

// "2021", "2021-2022", "2021 – 2022", "2021 à 2022", "2021 to 2022":
//   \s*(\d{4})\s*(?:-|/|–|—|à|to)?\s*(\d{4})?\s*
std::optional<std::string> year_header(std::string_view header) {
  auto four_digits = [](std::string_view s) {
    return s.size() >= 4 &&
           std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string_view h = base::trim(header);
  if (!four_digits(h)) return std::nullopt;
  const std::string first(h.substr(0, 4));
  h = base::trim(h.substr(4));
  if (h.empty()) return first;
  for (std::string_view sep : {"-", "/", "\u2013", "\u2014", "\u00e0", "to"})
    if (h.starts_with(sep)) {
      h = base::trim(h.substr(sep.size()));
      break;
    }
  if (h.empty()) return first;
  if (h.size() != 4 || !four_digits(h)) return std::nullopt;
  return first + "-" + std::string(h);
}

const std::vector<std::string>& known_header_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& a : aliases()) v.emplace_back(a.header->name);
    return v;
  }();
  return names;
}

bool is_section_field(std::string_view field) {
  // "details" is one spreadsheet column for both: an action's details, a
  // level's description.
  const model::FieldSpec* f = model::find_field(field);
  return field == "details" || (f && (f->where & model::on_level));
}

bool is_list_field(std::string_view field) {
  const model::FieldSpec* f = model::find_field(field);
  return f && (f->kind == model::FieldKind::texts || f->kind == model::FieldKind::organisations);
}

}  // namespace carnet::import
