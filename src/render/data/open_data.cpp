// The open-data stage's entry: which files a site gets, at the paths
// model::data_files gives the plan page. Plans are written in parallel, each
// into its own slots, so the order of the files never depends on timing.
#include "render/data/open_data.hpp"

#include "base/parallel.hpp"

namespace carnet::render::data {

std::vector<base::OutputFile> render_data(const model::Site& site) {
  std::vector<base::OutputFile> files;
  if (site.plans.empty()) return files;
  std::vector<std::vector<base::OutputFile>> per_plan(site.plans.size());
  base::parallel_for(site.plans.size(),
                     [&](size_t p) { per_plan[p] = plan_data_files(site, site.plans[p]); });
  files.push_back(schema_file());
  for (auto& plan : per_plan)
    files.insert(files.end(), std::make_move_iterator(plan.begin()),
                 std::make_move_iterator(plan.end()));
  return files;
}

base::OutputFile schema_file() { return {model::data_schema_path(), plan_schema(), ""}; }

std::vector<base::OutputFile> plan_data_files(const model::Site& site, const model::Plan& plan) {
  std::vector<base::OutputFile> files;
  files.reserve(1 + site.config.languages.size());
  files.push_back({model::data_json_path(plan), plan_json(site, plan), ""});
  for (const auto& lang : site.config.languages)
    files.push_back({model::data_csv_path(plan, lang), plan_csv(site, plan, lang), ""});
  return files;
}

}  // namespace carnet::render::data
