// The open-data stage's entry: which files a site gets, at the paths
// model::data_files gives the plan page. A build makes each plan's files as
// a job of its own (cli::build_site), into the plan's own slot, so the
// order of the files never depends on timing.
#include "render/data/open_data.hpp"

namespace carnet::render::data {

std::vector<base::OutputFile> site_data_files(const model::Site& site) {
  if (site.plans.empty()) return {};
  return {{model::data_schema_path(), plan_schema(), ""}};
}

std::vector<base::OutputFile> plan_data_files(const model::Site& site, const model::Plan& plan) {
  std::vector<base::OutputFile> files;
  files.reserve(1 + site.config.languages.size());
  files.push_back({model::data_json_path(plan), plan_json(site, plan), ""});
  for (const auto& lang : site.config.languages)
    files.push_back({model::data_csv_path(plan, lang), plan_csv(site, plan, lang), ""});
  return files;
}

}  // namespace carnet::render::data
