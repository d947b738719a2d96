#include "load/organisations_reader.hpp"

#include <map>

#include "base/fold.hpp"
#include "base/slug.hpp"
#include "base/url.hpp"
#include "load/yaml_util.hpp"

namespace carnet::load {

std::vector<model::OrganisationEntry> read_organisations(std::string_view text,
                                                         const std::string& path,
                                                         const std::vector<std::string>& languages,
                                                         base::Diagnostics& diags) {
  YamlSource src{path, 0, &languages, text};
  auto root = parse_yaml(text, src, diags);
  if (!root || root->is_null()) return {};
  if (!root->is_sequence()) {
    diags.error(src.pos(*root),
                "expected a list of organisations such as `- {name: \"CLSC de Lachine\", "
                "aliases: [CLSC]}`");
    return {};
  }
  std::vector<model::OrganisationEntry> out;
  // Each spelling (folded as names are matched) → where it was first claimed.
  std::map<std::string, std::pair<std::string, base::SourcePos>> claimed;
  std::map<std::string, base::SourcePos> ids;
  for (const auto& item : *root) {
    if (!item.is_map()) {
      diags.error(
          src.pos(item),
          "an organisation: expected {name: ..., short: ..., aliases: [...], website: ...}");
      continue;
    }
    const size_t before = diags.error_count();
    check_keys(item, {"id", "name", "short", "aliases", "website"}, "organisation", src, diags);
    model::OrganisationEntry e;
    e.pos = src.pos(item);
    // Every spelling of this entry, as written, with where it is.
    std::vector<std::pair<std::string, base::SourcePos>> spellings;
    yaml::Node name;
    bool has_name = false;
    for (const auto& kv : item)
      if (kv.first.scalar() == "name") name = kv.second, has_name = true;
    for (const auto& kv : item) {
      const std::string key = kv.first.scalar();
      const yaml::Node& v = kv.second;
      if (key == "name") {
        e.name = read_text(kv.first, v, "name", src, diags);
        for (const auto& [lang, t] : e.name.text)
          spellings.push_back(
              {t, e.name.lang_pos.count(lang) ? e.name.lang_pos.at(lang) : src.pos(v)});
      } else if (key == "short") {
        e.short_name = read_text(kv.first, v, "short", src, diags);
        for (const auto& [lang, t] : e.short_name.text)
          spellings.push_back(
              {t, e.short_name.lang_pos.count(lang) ? e.short_name.lang_pos.at(lang) : src.pos(v)});
      } else if (key == "aliases") {
        if (!v.is_sequence()) {
          diags.error(src.pos(v),
                      "aliases: expected a list of names such as [\"CLSC\", \"C.L.S.C.\"]");
          continue;
        }
        for (const auto& a : v) {
          auto s = read_scalar(a, "aliases", src, diags);
          if (!s) continue;
          if (base::fold_name(*s).empty()) {
            diags.error(src.pos(a), "aliases: an alias cannot be empty");
            continue;
          }
          e.aliases.push_back(*s);
          e.alias_pos.push_back(src.pos(a));
          spellings.push_back({*s, src.pos(a)});
        }
      } else if (key == "website") {
        auto s = read_scalar(v, "website", src, diags).value_or("");
        if (!base::is_web_address(s))
          diags.error(
              src.pos(v),
              "website: expected an address starting with https:// or http://, not " + quote(s));
        else
          e.website = s;
      } else if (key == "id") {
        auto s = read_scalar(v, "id", src, diags).value_or("");
        if (!base::is_clean_segment(s))
          diags.error(src.pos(v),
                      "id: expected lowercase letters, digits and hyphens such as "
                      "\"clsc-lachine\", not " +
                          quote(s));
        else
          e.id = s;
      }
    }
    if (!has_name || e.name.empty()) {
      if (!has_name) diags.error(e.pos, "an organisation needs a name: add `name: ...`");
      continue;
    }
    if (e.id.empty() && !item["id"].is_defined()) {
      e.id = base::slugify(e.name.get(languages.front(), languages.front()));
      if (e.id.empty() || e.id == "-") {
        diags.error(src.pos(name),
                    "name: " + quote(e.name.get(languages.front(), languages.front())) +
                        " makes no address; add `id: ...`");
        continue;
      }
    }
    if (!e.id.empty()) {
      auto [it, fresh] = ids.emplace(e.id, e.pos);
      if (!fresh)
        diags.error(item["id"].is_defined() ? src.pos(item["id"]) : e.pos,
                    "two organisations have the id " + quote(e.id) + " (also line " +
                        std::to_string(it->second.line) + "); add or change `id: ...`");
    }
    // One spelling within an entry may repeat (a name the same in French and
    // English); across entries it would make a name mean two organisations.
    std::map<std::string, bool> own;
    for (const auto& [s, pos] : spellings) {
      const std::string key = base::fold_name(s);
      if (own.count(key)) continue;
      own[key] = true;
      auto [it, fresh] = claimed.emplace(key, std::make_pair(s, pos));
      if (!fresh)
        diags.error(pos, quote(s) + " names two organisations (also " + quote(it->second.first) +
                             " at line " + std::to_string(it->second.second.line) + ")");
    }
    if (diags.error_count() == before) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace carnet::load
