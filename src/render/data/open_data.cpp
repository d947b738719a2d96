// The open-data stage's entry: which files a site gets, at the paths
// model::data_files gives the plan page.
#include "render/data/open_data.hpp"

namespace carnet::render::data {

std::vector<base::OutputFile> render_data(const model::Site& site) {
  std::vector<base::OutputFile> files;
  if (site.plans.empty()) return files;
  files.push_back({model::data_schema_path(), plan_schema(), ""});
  for (const auto& plan : site.plans) {
    files.push_back({model::data_json_path(plan), plan_json(site, plan), ""});
    for (const auto& lang : site.config.languages)
      files.push_back({model::data_csv_path(plan, lang), plan_csv(site, plan, lang), ""});
  }
  return files;
}

}  // namespace carnet::render::data
