#include "model/site.hpp"

namespace carnet::model {

std::string Site::home_url(const std::string& lang) const {
  if (lang == config.default_language() && !config.default_language_in_subdir) return "";
  return lang + "/";
}

std::vector<size_t> Site::translations_of(size_t page) const {
  auto found = groups.find(pages[page].group);
  return found == groups.end() ? std::vector<size_t>{page} : found->second;
}

std::optional<size_t> Site::find_page(const std::string& group, const std::string& lang) const {
  auto found = groups.find(group);
  if (found == groups.end()) return std::nullopt;
  for (size_t i : found->second)
    if (pages[i].lang == lang) return i;
  return std::nullopt;
}

const Section* Site::find_section(const std::string& dir) const {
  for (const auto& s : sections)
    if (s.dir == dir) return &s;
  return nullptr;
}

}  // namespace carnet::model

namespace carnet::model {
std::string booklet_path(const Plan& plan, const std::string& lang, const std::string& format) {
  // Plan names are unique in a site (load/ checks), so the name alone is enough.
  return "booklets/" + plan.name + "." + lang + "." + format;
}

std::string summary_path(const Plan& plan, const std::string& lang) {
  return "booklets/" + plan.name + "." + lang + ".summary.pdf";
}

std::string imposed_path(const Plan& plan, const std::string& lang) {
  return "booklets/" + plan.name + "." + lang + ".saddle-stitch.pdf";
}

std::string tete_beche_path(const Site& site, const Plan& plan) {
  const auto& langs = site.config.languages;
  std::string pair = langs.size() >= 2 ? langs[0] + "-" + langs[1] : langs.front();
  return "booklets/" + plan.name + "." + pair + ".pdf";
}

std::vector<BookletFile> booklet_files(const Site& site, const Plan& plan) {
  const auto& settings = site.config.booklet;
  std::vector<BookletFile> files;
  for (const auto& lang : site.config.languages) {
    for (const auto& format : settings.formats) {
      // "booklet_summary" is the word for a booklet's summary part.
      if (format == "summary")
        files.push_back({BookletFile::Kind::reading, lang, format, summary_path(plan, lang),
                         "booklet_one_page"});
      else
        files.push_back({BookletFile::Kind::reading, lang, format, booklet_path(plan, lang, format),
                         "booklet_" + format});
    }
    if (settings.imposition == "saddle-stitch")
      files.push_back({BookletFile::Kind::imposed, lang, "pdf", imposed_path(plan, lang),
                       "booklet_saddle_stitch"});
  }
  if (settings.bilingual == "tete-beche" && site.config.languages.size() >= 2)
    files.push_back({BookletFile::Kind::tete_beche, "", "pdf", tete_beche_path(site, plan),
                     "booklet_tete_beche"});
  return files;
}
}  // namespace carnet::model

namespace carnet::model {
std::string data_json_path(const Plan& plan) { return "data/" + plan.name + ".json"; }

std::string data_csv_path(const Plan& plan, const std::string& lang) {
  return "data/" + plan.name + "." + lang + ".csv";
}

std::string data_schema_path() { return "data/plan.schema.json"; }

std::vector<DataFile> data_files(const Plan& plan, const std::string& lang) {
  return {{"csv", data_csv_path(plan, lang), "CSV", "text/csv"},
          {"json", data_json_path(plan), "JSON", "application/json"}};
}
}  // namespace carnet::model
