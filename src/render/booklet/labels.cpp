#include "render/booklet/labels.hpp"

#include <map>

namespace carnet::render::booklet {

namespace {

bool is_french(const std::string& lang) { return lang == "fr" || lang.rfind("fr-", 0) == 0; }

}  // namespace

const Words& words(const std::string& lang) {
  static const Words fr{
      "Table des matières",
      "Résumé",
      "Introduction",
      "État d'avancement",
      "suite",
      "Page",
      "Notes de suivi",
      "Action",
      "État",
      "Ensemble du plan",
      "actions",
      "Adopté le",
      "En continu",
      "À déterminer",
      "Graphique à barres : nombre d'actions par statut",
      "Section",
      "Document structuré par titres, tableaux avec en-têtes et graphique décrit en texte."};
  static const Words en{
      "Contents",
      "Summary",
      "Introduction",
      "Progress",
      "continued",
      "Page",
      "Progress notes",
      "Action",
      "Status",
      "Whole plan",
      "actions",
      "Adopted on",
      "Ongoing",
      "To be determined",
      "Bar chart: number of actions per status",
      "Section",
      "Structured with headings, tables with header cells, and a chart described in text."};
  return is_french(lang) ? fr : en;
}

std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang) {
  if (auto found = plan.labels.find(field); found != plan.labels.end() && !found->second.empty())
    return found->second.get(lang, default_lang);
  static const std::map<std::string, std::pair<const char*, const char*>> defaults = {
      {"title", {"Action", "Action"}},
      {"status", {"État", "Status"}},
      {"due", {"Échéance", "Due"}},
      {"years", {"Années", "Years"}},
      {"leads", {"Responsables", "Leads"}},
      {"partners", {"Partenaires", "Partners"}},
      {"results", {"Résultats attendus", "Expected results"}},
      {"indicators", {"Indicateurs", "Indicators"}},
      {"follow_up", {"Suivi", "Follow-up"}},
      {"progress", {"Avancement", "Progress"}},
      {"notes", {"Notes", "Notes"}},
      {"details", {"Détails", "Details"}},
      {"strategy", {"Stratégie", "Strategy"}},
  };
  auto found = defaults.find(field);
  if (found == defaults.end()) return field;
  return is_french(lang) ? found->second.first : found->second.second;
}

std::string status_label(model::Status status, const std::string& lang) {
  bool fr = is_french(lang);
  switch (status) {
    case model::Status::planned:
      return fr ? "Prévue" : "Planned";
    case model::Status::in_progress:
      return fr ? "En cours" : "In progress";
    case model::Status::done:
      return fr ? "Réalisée" : "Done";
    case model::Status::postponed:
      return fr ? "Reportée" : "Postponed";
    case model::Status::cancelled:
      return fr ? "Annulée" : "Cancelled";
  }
  return "";
}

std::string due_text(const model::Due& due, const std::string& lang,
                     const std::string& default_lang) {
  switch (due.kind) {
    case model::Due::Kind::date:
      return due.date.format_long(lang);
    case model::Due::Kind::ongoing:
      return words(lang).ongoing;
    case model::Due::Kind::tbd:
      return words(lang).tbd;
    case model::Due::Kind::text:
      return due.text.get(lang, default_lang);
  }
  return "";
}

std::string percent_text(int value, const std::string& lang) {
  // French sets the percent sign apart with a narrow no-break space (U+202F).
  return std::to_string(value) + (is_french(lang) ? "\u202F%" : "%");
}

}  // namespace carnet::render::booklet
