// Reads a whole site folder into the model: carnet.yaml, every page and plan
// under content/, the static files; then computes URLs, pairs translations,
// renders Markdown bodies and checks every link. Reports every content error
// to `diags` (paths relative to the site) and never stops at the first.
#pragma once

#include <filesystem>
#include <string>

#include "base/diagnostics.hpp"
#include "model/site.hpp"

namespace carnet::load {

struct LoadOptions {
  bool include_drafts = false;
  std::string base_url;  // overrides carnet.yaml's base_url when not empty
};

model::Site load_site(const std::filesystem::path& root, const LoadOptions& options,
                      base::Diagnostics& diags);

}  // namespace carnet::load
