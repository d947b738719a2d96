// load → render → (write): the whole build as one function, shared by
// `carnet build` (which then publishes the files) and `carnet serve` (which
// serves them from memory).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/output_file.hpp"
#include "load/site_loader.hpp"
#include "render/html/site_renderer.hpp"

namespace carnet::cli {

struct BuildOptions {
  load::LoadOptions load;
  render::html::RenderOptions render;
  bool booklets = true;    // serve skips them unless asked
  bool search = true;      // serve makes the index on request (IncrementalSite::on_request)
  bool keep_site = false;  // BuildResult::site: the preview renders pages again from it
};

struct BuildResult {
  std::vector<base::OutputFile> files;  // empty when diags has errors
  base::Diagnostics diags;
  std::unique_ptr<model::Site> site;  // with keep_site, when there is no error
};

BuildResult build_site(const std::filesystem::path& root, const BuildOptions& options);

}  // namespace carnet::cli
