#include "import/plan_headers.hpp"

#include <algorithm>
#include <regex>

#include "base/slug.hpp"
#include "base/text.hpp"

namespace carnet::import {

namespace {

struct Alias {
  const char* name;  // as a person writes it; matched by its slug
  const char* field;
  const char* lang;  // "fr", "en" or "" (same word in both)
  bool keep_label = false;
};

// Column names seen in round tables' plans (Parc-Extension, Saint-Michel,
// Ahuntsic) and their English equivalents. Matching is on the slug, so case,
// accents and punctuation do not matter.
const Alias aliases[] = {
    {"Action", "title", ""},
    {"Actions", "title", ""},
    {"Moyens-actions", "title", "fr"},
    {"Moyen-action", "title", "fr"},
    {"Moyens d'action", "title", "fr"},
    {"Moyens", "title", "fr"},
    {"Activité", "title", "fr"},
    {"Activités", "title", "fr"},
    {"Mesure", "title", "fr"},
    {"Mesures", "title", "fr"},
    {"Titre", "title", "fr"},
    {"Title", "title", "en"},
    {"Activity", "title", "en"},
    {"Activities", "title", "en"},
    {"Détails", "details", "fr"},
    {"Précisions", "details", "fr"},
    {"Description", "details", ""},
    {"Details", "details", "en"},
    {"Échéancier", "due", "fr"},
    {"Échéance", "due", "fr"},
    {"Échéances", "due", "fr"},
    {"Calendrier", "due", "fr"},
    {"Date", "due", ""},
    {"Due", "due", "en"},
    {"Due date", "due", "en"},
    {"Deadline", "due", "en"},
    {"Timeline", "due", "en"},
    {"Années", "years", "fr"},
    {"Years", "years", "en"},
    {"Responsables", "leads", "fr"},
    {"Responsable", "leads", "fr"},
    {"Porteurs", "leads", "fr"},
    {"Porteur", "leads", "fr"},
    {"Pilotes", "leads", "fr"},
    {"Leads", "leads", "en"},
    {"Lead", "leads", "en"},
    {"Responsible", "leads", "en"},
    {"Partenaires", "partners", "fr"},
    {"Partenaire", "partners", "fr"},
    {"Collaborateurs", "partners", "fr"},
    {"Ressources", "partners", "fr", true},
    {"Partners", "partners", "en"},
    {"Partner", "partners", "en"},
    {"Resources", "partners", "en", true},
    {"Résultats", "results", "fr"},
    {"Résultats attendus", "results", "fr"},
    {"Résultat attendu", "results", "fr"},
    {"Cibles", "results", "fr", true},
    {"Results", "results", "en"},
    {"Expected results", "results", "en"},
    {"Targets", "results", "en", true},
    {"Indicateurs", "indicators", "fr"},
    {"Indicateurs de réussite", "indicators", "fr"},
    {"Indicateurs de réussites", "indicators", "fr"},
    {"Indicateur", "indicators", "fr"},
    {"Indicators", "indicators", "en"},
    {"Success indicators", "indicators", "en"},
    {"Indicators of success", "indicators", "en"},
    {"Suivi", "follow_up", "fr"},
    {"Suivis", "follow_up", "fr"},
    {"Moyens de suivi", "follow_up", "fr"},
    {"Follow-up", "follow_up", "en"},
    {"Follow up", "follow_up", "en"},
    {"Monitoring", "follow_up", "en"},
    {"Stratégie", "strategy", "fr"},
    {"Stratégies", "strategy", "fr"},
    {"Strategy", "strategy", "en"},
    {"Statut", "status", "fr"},
    {"État", "status", "fr"},
    {"Status", "status", "en"},
    {"Avancement", "progress", "fr"},
    {"Progression", "progress", ""},
    {"Progress", "progress", "en"},
    {"Notes", "notes", ""},
    {"Commentaires", "notes", "fr"},
    {"Remarques", "notes", "fr"},
    {"Comments", "notes", "en"},
    {"Code", "code", ""},
    {"Numéro", "code", "fr"},
    {"No", "code", ""},
    {"Number", "code", "en"},
    {"Id", "id", ""},
    {"Identifiant", "id", "fr"},
};

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
  for (const auto& a : aliases)
    if (base::slugify(a.name) == slug) return HeaderMatch{a.field, a.lang, a.keep_label};
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
    for (const auto& a : aliases) v.emplace_back(a.name);
    return v;
  }();
  return names;
}

bool is_section_field(std::string_view field) {
  static const char* const fields[] = {"details",  "results", "indicators", "follow_up",
                                       "strategy", "notes",   "code",       "id"};
  return std::any_of(std::begin(fields), std::end(fields),
                     [&](const char* f) { return field == f; });
}

bool is_list_field(std::string_view field) {
  static const char* const fields[] = {"leads", "partners", "results", "indicators", "follow_up"};
  return std::any_of(std::begin(fields), std::end(fields),
                     [&](const char* f) { return field == f; });
}

}  // namespace carnet::import
