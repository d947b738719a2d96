#include "model/plan_fields.hpp"

namespace carnet::model {

namespace {

using K = FieldKind;
constexpr unsigned both = on_action | on_level;

// Headers are those seen in round tables' plans (Parc-Extension, Saint-Michel,
// Ahuntsic) and their English equivalents.
std::vector<FieldSpec> make_fields() {
  return {
      {"id", K::identifier, both, false, false, "id", {{"Id", ""}, {"Identifiant", "fr"}}},
      {"code",
       K::identifier,
       both,
       false,
       false,
       "code",
       {{"Code", ""}, {"Numéro", "fr"}, {"No", ""}, {"Number", "en"}}},
      {"title",
       K::title,
       both,
       true,
       false,
       "title",
       {{"Action", ""},
        {"Actions", ""},
        {"Moyens-actions", "fr"},
        {"Moyen-action", "fr"},
        {"Moyens d'action", "fr"},
        {"Moyens", "fr"},
        {"Activité", "fr"},
        {"Activités", "fr"},
        {"Mesure", "fr"},
        {"Mesures", "fr"},
        {"Titre", "fr"},
        {"Title", "en"},
        {"Activity", "en"},
        {"Activities", "en"}}},
      {"description", K::markdown, on_level, true, false, "description", {}},
      {"details",
       K::markdown,
       on_action,
       true,
       false,
       "details",
       {{"Détails", "fr"}, {"Précisions", "fr"}, {"Description", ""}, {"Details", "en"}}},
      {"strategy",
       K::markdown,
       both,
       true,
       false,
       "strategy",
       {{"Stratégie", "fr"}, {"Stratégies", "fr"}, {"Strategy", "en"}}},
      {"due",
       K::due,
       on_action,
       true,
       true,
       "due date",
       {{"Échéancier", "fr"},
        {"Échéance", "fr"},
        {"Échéances", "fr"},
        {"Calendrier", "fr"},
        {"Date", ""},
        {"Due", "en"},
        {"Due date", "en"},
        {"Deadline", "en"},
        {"Timeline", "en"}}},
      {"years", K::years, on_action, false, false, "year", {{"Années", "fr"}, {"Years", "en"}}},
      {"leads",
       K::organisations,
       on_action,
       true,
       true,
       "lead",
       {{"Responsables", "fr"},
        {"Responsable", "fr"},
        {"Porteurs", "fr"},
        {"Porteur", "fr"},
        {"Pilotes", "fr"},
        {"Leads", "en"},
        {"Lead", "en"},
        {"Responsible", "en"}}},
      {"partners",
       K::organisations,
       on_action,
       true,
       true,
       "partner",
       {{"Partenaires", "fr"},
        {"Partenaire", "fr"},
        {"Collaborateurs", "fr"},
        {"Ressources", "fr", true},
        {"Partners", "en"},
        {"Partner", "en"},
        {"Resources", "en", true}}},
      {"results",
       K::texts,
       both,
       true,
       true,
       "result",
       {{"Résultats", "fr"},
        {"Résultats attendus", "fr"},
        {"Résultat attendu", "fr"},
        {"Cibles", "fr", true},
        {"Results", "en"},
        {"Expected results", "en"},
        {"Targets", "en", true}}},
      {"indicators",
       K::texts,
       both,
       true,
       true,
       "indicator",
       {{"Indicateurs", "fr"},
        {"Indicateurs de réussite", "fr"},
        {"Indicateurs de réussites", "fr"},
        {"Indicateur", "fr"},
        {"Indicators", "en"},
        {"Success indicators", "en"},
        {"Indicators of success", "en"}}},
      {"follow_up",
       K::texts,
       both,
       true,
       false,
       "follow-up",
       {{"Suivi", "fr"},
        {"Suivis", "fr"},
        {"Moyens de suivi", "fr"},
        {"Follow-up", "en"},
        {"Follow up", "en"},
        {"Monitoring", "en"}}},
      {"status",
       K::status,
       on_action,
       false,
       false,
       "status",
       {{"Statut", "fr"}, {"État", "fr"}, {"Status", "en"}}},
      {"progress",
       K::percent,
       on_action,
       false,
       false,
       "progress",
       {{"Avancement", "fr"}, {"Progression", ""}, {"Progress", "en"}}},
      {"updated",
       K::date,
       on_action,
       false,
       false,
       "update date",
       {{"Mis à jour", "fr"}, {"Mise à jour", "fr"}, {"Updated", "en"}}},
      {"weight", K::number, both, false, false, "weight", {{"Poids", "fr"}, {"Weight", "en"}}},
      {"notes",
       K::notes,
       both,
       true,
       false,
       "note",
       {{"Notes", ""}, {"Commentaires", "fr"}, {"Remarques", "fr"}, {"Comments", "en"}}},
  };
}

}  // namespace

const std::vector<FieldSpec>& plan_fields() {
  static const std::vector<FieldSpec> fields = make_fields();
  return fields;
}

const FieldSpec* find_field(std::string_view key) {
  for (const auto& f : plan_fields())
    if (f.key == key) return &f;
  return nullptr;
}

const std::vector<std::string>& column_fields() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : plan_fields())
      if (f.kind != FieldKind::identifier && f.kind != FieldKind::title &&
          f.kind != FieldKind::status && (f.where & on_action))
        v.emplace_back(f.key);
    return v;
  }();
  return names;
}

std::vector<std::string> default_columns() {
  std::vector<std::string> v;
  for (const auto& f : plan_fields())
    if (f.default_column) v.emplace_back(f.key);
  return v;
}

}  // namespace carnet::model
