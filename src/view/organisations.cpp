#include "view/organisations.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "base/fold.hpp"
#include "base/slug.hpp"

namespace carnet::view {

namespace {

const std::string& default_text(const model::Site& site, const model::LocalizedText& t) {
  const std::string& def = site.config.default_language();
  return t.get(def, def);
}

base::SourcePos default_pos(const model::Site& site, const model::LocalizedText& t) {
  auto it = t.lang_pos.find(site.config.default_language());
  if (it != t.lang_pos.end()) return it->second;
  return t.lang_pos.empty() ? t.pos : t.lang_pos.begin()->second;
}

Text text_in(const model::LocalizedText& t, const std::string& lang, const std::string& def) {
  Text out;
  out.value = t.get(lang, def, &out.lang);
  out.fallback = !out.value.empty() && out.lang != lang;
  return out;
}

// Calls `f(role, written)` for each lead and partner of `action`.
template <typename F>
void each_name(const model::Action& action, F&& f) {
  for (const auto& spec : model::plan_fields()) {
    if (spec.kind != model::FieldKind::organisations) continue;
    const Role role = spec.key == "leads" ? Role::lead : Role::partner;
    for (const auto& t : action.fields.texts(spec.key)) f(role, t);
  }
}

template <typename F>
void each_action(const model::PlanSection& s, F&& f) {
  for (const auto& a : s.actions) f(a);
  for (const auto& c : s.sections) each_action(c, f);
}

}  // namespace

std::optional<size_t> OrganisationIndex::find(std::string_view written) const {
  // The texts the plans hold were indexed as written: no folding (GLib's
  // normalisation, a large share of an organisation page's time) for them.
  if (auto exact = by_exact.find(std::string(written)); exact != by_exact.end())
    return exact->second;
  auto it = by_written.find(base::fold_name(written));
  if (it == by_written.end()) return std::nullopt;
  return it->second;
}

OrganisationIndex index_organisations(const model::Site& site) {
  OrganisationIndex index;
  // Every spelling the registry gives, folded → entry.
  std::map<std::string, size_t> registry;
  for (size_t e = 0; e < site.organisations.size(); ++e) {
    const auto& entry = site.organisations[e];
    for (const auto& [lang, t] : entry.name.text) registry.emplace(base::fold_name(t), e);
    for (const auto& [lang, t] : entry.short_name.text) registry.emplace(base::fold_name(t), e);
    for (const auto& a : entry.aliases) registry.emplace(base::fold_name(a), e);
  }
  std::map<size_t, size_t> org_of_entry;
  std::set<std::string> slugs;
  for (const auto& entry : site.organisations) slugs.insert(entry.id);
  auto unique_slug = [&](std::string s) {
    if (s.empty()) s = "organisation";
    std::string candidate = s;
    for (int n = 2; slugs.count(candidate); ++n) candidate = s + "-" + std::to_string(n);
    slugs.insert(candidate);
    return candidate;
  };
  // Plans name the same few organisations thousands of times: each text
  // is folded once.
  std::unordered_map<std::string, std::string> folds;
  auto folded = [&](const std::string& text) -> const std::string& {
    auto it = folds.find(text);
    if (it == folds.end()) it = folds.emplace(text, base::fold_name(text)).first;
    return it->second;
  };
  auto add_spelling = [&](Organisation& org, const model::LocalizedText& t) {
    const std::string& written = default_text(site, t);
    // Nearly always written as before: a comparison, before any fold.
    for (const auto& s : org.spellings)
      if (s.text == written) return;
    const std::string& key = folded(written);
    for (const auto& s : org.spellings)
      if (folded(s.text) == key) return;
    org.spellings.push_back({written, default_pos(site, t)});
  };
  for (const auto& plan : site.plans) {
    for (const auto& section : plan.sections) {
      each_action(section, [&](const model::Action& action) {
        each_name(action, [&](Role, const model::LocalizedText& t) {
          const std::string& written = default_text(site, t);
          const std::string& key = folded(written);
          if (key.empty()) return;
          if (auto it = index.by_written.find(key); it != index.by_written.end()) {
            index.by_exact.try_emplace(written, it->second);
            add_spelling(index.orgs[it->second], t);
            return;
          }
          std::optional<size_t> entry;
          for (const auto& [lang, text] : t.text)
            if (auto r = registry.find(folded(text)); r != registry.end() && !entry)
              entry = r->second;
          size_t org;
          if (entry && org_of_entry.count(*entry)) {
            org = org_of_entry.at(*entry);
          } else {
            Organisation o;
            if (entry) {
              const auto& e = site.organisations[*entry];
              o.slug = e.id;
              o.name = e.name;
              o.short_name = e.short_name;
              o.website = e.website;
              o.entry = entry;
            } else {
              o.name = t;
              o.slug = unique_slug(base::slugify(default_text(site, t)));
            }
            org = index.orgs.size();
            index.orgs.push_back(std::move(o));
            if (entry) org_of_entry[*entry] = org;
          }
          index.by_written[key] = org;
          index.by_exact.try_emplace(written, org);
          add_spelling(index.orgs[org], t);
        });
      });
    }
  }
  return index;
}

std::string organisations_url(const model::Site& site, const std::string& lang) {
  return site.home_url(lang) + "organisations/";
}

std::string organisation_url(const model::Site& site, const std::string& lang,
                             const std::string& slug) {
  return organisations_url(site, lang) + slug + "/";
}

namespace {

// One organisation's page while it is being filled, plan by plan.
struct Collector {
  OrganisationView view;
  std::set<std::string> seen;  // "plan#action" counted once, led or supported
};

void add_to(std::vector<OrgPlan>& plans, const PlanDisplay& d, const std::string& plan_url,
            const LevelView& level, const OrgAction& a) {
  if (plans.empty() || plans.back().url != plan_url) plans.push_back({d.title, plan_url, {}});
  auto& levels = plans.back().levels;
  const std::string level_url = plan_url + "#" + level.id;
  if (levels.empty() || levels.back().url != level_url)
    levels.push_back({level.label, level.title, level_url, {}});
  levels.back().actions.push_back(a);
}

}  // namespace

std::vector<OrganisationView> organisation_views(const model::Site& site,
                                                 const OrganisationIndex& index,
                                                 const std::string& lang,
                                                 const std::vector<PlanDisplay>& displays) {
  const std::string& def = site.config.default_language();
  std::vector<Collector> pages(index.orgs.size());
  for (size_t i = 0; i < index.orgs.size(); ++i) {
    const auto& o = index.orgs[i];
    auto& v = pages[i].view;
    v.org = i;
    v.slug = o.slug;
    v.url = organisation_url(site, lang, o.slug);
    v.name = text_in(o.name, lang, def);
    if (!o.short_name.empty()) v.short_name = text_in(o.short_name, lang, def);
    v.website = o.website;
  }
  for (size_t p = 0; p < site.plans.size(); ++p) {
    const auto& plan = site.plans[p];
    auto url_it = plan.url.find(lang);
    if (url_it == plan.url.end()) continue;
    const std::string& plan_url = url_it->second;
    std::map<std::string, const model::Action*> by_id;
    for (const auto& s : plan.sections)
      each_action(s, [&](const model::Action& a) { by_id.emplace(a.id, &a); });
    const PlanDisplay& d = displays.at(p);
    if (d.statuses.empty()) continue;
    auto walk = [&](const LevelView& level, auto&& self) -> void {
      for (const auto& av : level.actions) {
        auto found = by_id.find(av.id);
        if (found == by_id.end()) continue;
        OrgAction a{plan_url + "#" + av.id, av.id,  av.code, av.title, av.status, av.late,
                    av.late_word,           d.title};
        // One action may name an organisation twice (two spellings, or as
        // lead and partner): listed once per role, counted once.
        std::set<std::pair<size_t, Role>> done;
        each_name(*found->second, [&](Role role, const model::LocalizedText& t) {
          auto org = index.find(default_text(site, t));
          if (!org || !done.insert({*org, role}).second) return;
          auto& c = pages[*org];
          add_to(role == Role::lead ? c.view.leads : c.view.partners, d, plan_url, level, a);
          if (!c.seen.insert(a.url).second) return;
          ++c.view.actions;
          if (c.view.counts.empty())
            for (const auto& st : d.statuses) c.view.counts.push_back({st, 0});
          ++c.view.counts[static_cast<size_t>(av.status.status)].count;
          if (av.late) c.view.late.push_back(a);
        });
      }
      for (const auto& child : level.children) self(child, self);
    };
    for (const auto& l : d.levels) walk(l, walk);
  }
  std::vector<OrganisationView> out;
  out.reserve(pages.size());
  for (auto& c : pages)
    if (c.view.actions > 0) out.push_back(std::move(c.view));
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < out.size(); ++i)
    keys.push_back({base::name_sort_key(out[i].name.value), i});
  std::sort(keys.begin(), keys.end());
  std::vector<OrganisationView> sorted;
  sorted.reserve(out.size());
  for (const auto& [k, i] : keys) sorted.push_back(std::move(out[i]));
  return sorted;
}

namespace {

bool is_small_word(const std::string& w) {
  static const std::set<std::string> words = {"de", "du",  "des", "d",   "la", "le",  "les",
                                              "l",  "et",  "en",  "a",   "au", "aux", "pour",
                                              "of", "the", "and", "for", "in", "on"};
  return words.count(w) > 0;
}

// The initials of a name's words, without and with the small words:
// "Corporation de développement communautaire" → "cdc", "cddc".
std::vector<std::string> initials(const std::string& name) {
  std::string folded = base::fold_name(name), word, with, without;
  auto flush = [&] {
    if (word.empty()) return;
    with += word[0];
    if (!is_small_word(word)) without += word[0];
    word.clear();
  };
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
      word += c;
    else
      flush();
  }
  flush();
  return {without, with};
}

// A name written as an acronym: two to eight capitals, maybe with dots
// ("CDC", "C.L.S.C."), and nothing else.
std::optional<std::string> acronym(const std::string& name) {
  std::string letters;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      letters += static_cast<char>(c - 'A' + 'a');
    else if (c != '.' && c != ' ')
      return std::nullopt;
  }
  if (letters.size() < 2 || letters.size() > 8) return std::nullopt;
  return letters;
}

}  // namespace

std::vector<LookAlike> look_alike_organisations(const OrganisationIndex& index) {
  std::vector<LookAlike> out;
  const auto& orgs = index.orgs;
  // Pairs that may look alike, found through keys rather than by comparing
  // every organisation with every other: a site with thousands of names
  // would otherwise check millions of pairs.
  std::map<std::string, std::vector<size_t>> by_loose, by_acronym, by_initials;
  for (size_t i = 0; i < orgs.size(); ++i) {
    for (const auto& sp : orgs[i].spellings) {
      by_loose[base::fold_loose(sp.text)].push_back(i);
      if (auto acr = acronym(sp.text))
        by_acronym[*acr].push_back(i);
      else
        for (const auto& init : initials(sp.text)) by_initials[init].push_back(i);
    }
  }
  std::set<std::pair<size_t, size_t>> candidates;
  auto add = [&](size_t x, size_t y) {
    if (x != y) candidates.insert({std::min(x, y), std::max(x, y)});
  };
  for (const auto& [key, list] : by_loose)
    for (size_t x : list)
      for (size_t y : list) add(x, y);
  for (const auto& [acr, list] : by_acronym)
    if (auto it = by_initials.find(acr); it != by_initials.end())
      for (size_t x : list)
        for (size_t y : it->second) add(x, y);
  for (const auto& [i, j] : candidates) {
    if (orgs[i].entry && orgs[j].entry) continue;
    bool found = false;
    for (const auto& a : orgs[i].spellings) {
      for (const auto& b : orgs[j].spellings) {
        std::string reason;
        if (base::fold_loose(a.text) == base::fold_loose(b.text)) {
          reason = "they differ only in case, accents, punctuation or spaces";
        } else {
          auto acr_a = acronym(a.text), acr_b = acronym(b.text);
          auto match = [](const std::string& acr, const std::string& name) {
            for (const auto& init : initials(name))
              if (init == acr) return true;
            return false;
          };
          if ((acr_a && !acr_b && match(*acr_a, b.text)) ||
              (acr_b && !acr_a && match(*acr_b, a.text)))
            reason = "one is the acronym of the other";
        }
        if (reason.empty()) continue;
        out.push_back({a, b, reason});
        found = true;
        break;
      }
      if (found) break;
    }
  }
  return out;
}

}  // namespace carnet::view
