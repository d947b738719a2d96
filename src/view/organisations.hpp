// Organisations as the site knows them (PRODUCT.md §8): every name a plan
// gives as a lead or partner resolved to one organisation — the registry
// entry (content/organisations.yaml) whose name, short name or alias it
// matches, case and accents aside, else an organisation of its own named
// as first written — and, per language, what each one's page shows: the
// actions it leads and those it supports across plans, grouped by plan and
// level, its status counts and its late actions, taken from the plans'
// display views (view/plan_display.hpp) so that they read as on the plan
// pages. Also the names that look like one organisation written two ways,
// for `carnet check`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/site.hpp"
#include "view/plan_display.hpp"

namespace carnet::view {

// One way a plan writes an organisation's name, where it first does.
struct Spelling {
  std::string text;  // in the site's default language, as written
  base::SourcePos pos;
};

struct Organisation {
  std::string slug;  // the registry's id, else made from the name (unique)
  model::LocalizedText name;
  model::LocalizedText short_name;
  std::string website;
  std::optional<size_t> entry;      // into Site::organisations
  std::vector<Spelling> spellings;  // distinct (by fold_name), in plan order
};

// Every organisation the plans name, with what resolves a written name.
class OrganisationIndex {
 public:
  std::vector<Organisation> orgs;  // registry entries that plans name, then the others

  // The organisation a plan's lead or partner resolves to, from its text in
  // the site's default language as written (FieldView::written).
  std::optional<size_t> find(std::string_view written) const;
  const Organisation* find_org(std::string_view written) const {
    auto i = find(written);
    return i ? &orgs[*i] : nullptr;
  }

  std::map<std::string, size_t> by_written;          // fold_name(default-language text) → org
  std::unordered_map<std::string, size_t> by_exact;  // those texts as written → org
};

OrganisationIndex index_organisations(const model::Site& site);

// Output paths: "organisations/" and "organisations/SLUG/" under the
// language's home ("en/organisations/…").
std::string organisations_url(const model::Site& site, const std::string& lang);
std::string organisation_url(const model::Site& site, const std::string& lang,
                             const std::string& slug);

enum class Role { lead, partner };

// One action an organisation leads or supports, as its page lists it.
struct OrgAction {
  std::string url;  // the plan page's output path and the action's anchor: "plans/x/#a-1"
  std::string id;
  std::string code;
  Text title;
  StatusView status;
  bool late = false;
  std::string late_word;
  Text plan_title;  // for the list of late actions, which mixes plans
};

struct OrgLevel {
  std::string label;  // "Objectif 1.2"
  Text title;
  std::string url;  // "plans/x/#objectif-1-2"
  std::vector<OrgAction> actions;
};

struct OrgPlan {
  Text title;
  std::string url;  // "plans/x/"
  std::vector<OrgLevel> levels;
};

struct StatusCount {
  StatusView status;
  int count = 0;
};

struct OrganisationView {
  size_t org = 0;  // into OrganisationIndex::orgs
  std::string slug;
  std::string url;  // "organisations/slug/", "en/organisations/slug/"
  Text name;
  Text short_name;  // or empty
  std::string website;
  std::vector<OrgPlan> leads;       // the actions it leads, by plan and level
  std::vector<OrgPlan> partners;    // those it supports
  int actions = 0;                  // distinct actions, led or supported
  std::vector<StatusCount> counts;  // every status, in model::all_statuses order
  std::vector<OrgAction> late;      // in plan order
};

// Every organisation's page in `lang`, sorted by name in that language (by
// base::name_sort_key, not bytes), from each plan's display view in `lang`
// (`displays[i]`, display_plan's of `site.plans[i]`; a plan without `lang`
// is passed over): the renderer, which also shows the plans, computes each
// view once.
std::vector<OrganisationView> organisation_views(const model::Site& site,
                                                 const OrganisationIndex& index,
                                                 const std::string& lang,
                                                 const std::vector<PlanDisplay>& displays);

// Two organisations whose names look like one written two ways: the same
// after folding case, accents, punctuation and spaces, or an acronym and
// its expansion ("CDC", "Corporation de développement communautaire").
struct LookAlike {
  Spelling a, b;
  std::string reason;  // "differ only in case, accents, punctuation or spaces", "acronym"
};
// Pairs the registry does not settle (two registry entries are distinct by
// the author's word), in plan order.
std::vector<LookAlike> look_alike_organisations(const OrganisationIndex& index);

}  // namespace carnet::view
