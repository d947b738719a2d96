// The open data of a site's plans (PRODUCT.md §7): per plan a JSON file with
// every language and the derived tracking values, one CSV per language in the
// columns `carnet import` reads, and the JSON Schema all the JSON files
// follow. The paths come from model::data_files, which the plan page links.
#pragma once

#include <string>
#include <vector>

#include "base/output_file.hpp"
#include "model/site.hpp"

namespace carnet::render::data {

// The open-data files of the site that are no plan's: the schema every
// plan's JSON follows, when the site has plans; nothing otherwise.
std::vector<base::OutputFile> site_data_files(const model::Site& site);

// One plan's open-data files: its JSON, then its CSV in each site language.
// A build makes them a job per plan, beside the search indexes.
std::vector<base::OutputFile> plan_data_files(const model::Site& site, const model::Plan& plan);

// data/NAME.json: the whole plan, all languages, with as-of date, late
// flags, rolled-up progress and page addresses. Same plan, same bytes.
std::string plan_json(const model::Site& site, const model::Plan& plan);

// data/plan.schema.json: JSON Schema 2020-12 of plan_json's output, made
// from the field table so that a new field is described without an edit here.
std::string plan_schema();

// data/NAME.LANG.csv: a title row, a header row (the plan's level names in
// `lang`, then the fields under headers `carnet import` knows, then the year
// grid), one row per level carrying its own fields and one per action.
std::string plan_csv(const model::Site& site, const model::Plan& plan, const std::string& lang);

}  // namespace carnet::render::data
