#include "import/plan_headers.hpp"

#include <algorithm>
#include <regex>

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

std::pair<std::string, std::string> split_header_language(std::string_view header) {
  static const std::regex suffix(R"(^(.*?)\s*[\(\[]\s*([^\)\]]+?)\s*[\)\]]\s*$)");
  std::string h(base::trim(header));
  std::smatch m;
  if (std::regex_match(h, m, suffix)) {
    const std::string word = base::slugify(m[2].str());
    for (const auto& l : language_names)
      if (word == l.word) return {m[1].str(), l.code};
  }
  return {h, ""};
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

std::optional<std::string> year_header(std::string_view header) {
  static const std::regex range(R"(^\s*(\d{4})\s*(?:-|/|–|—|à|to)?\s*(\d{4})?\s*$)");
  std::string h(header);
  std::smatch m;
  if (!std::regex_match(h, m, range)) return std::nullopt;
  if (!m[2].matched) return m[1].str();
  return m[1].str() + "-" + m[2].str();
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
