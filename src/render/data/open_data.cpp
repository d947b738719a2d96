// The open-data stage's entry: which files a site gets, at the paths
// model::data_files gives the plan page. Plans are written in parallel, each
// into its own slots, so the order of the files never depends on timing.
#include "render/data/open_data.hpp"

#include "base/parallel.hpp"

namespace carnet::render::data {

std::vector<base::OutputFile> render_data(const model::Site& site) {
  std::vector<base::OutputFile> files;
  if (site.plans.empty()) return files;
  const auto& langs = site.config.languages;
  const size_t per_plan = 1 + langs.size();
  files.resize(1 + site.plans.size() * per_plan);
  files[0] = {model::data_schema_path(), plan_schema(), ""};
  base::parallel_for(site.plans.size(), [&](size_t p) {
    const model::Plan& plan = site.plans[p];
    base::OutputFile* slot = &files[1 + p * per_plan];
    *slot++ = {model::data_json_path(plan), plan_json(site, plan), ""};
    for (const auto& lang : langs)
      *slot++ = {model::data_csv_path(plan, lang), plan_csv(site, plan, lang), ""};
  });
  return files;
}

}  // namespace carnet::render::data
