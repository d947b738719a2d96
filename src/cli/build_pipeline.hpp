// load → render → (write): the whole build as one function, shared by
// `carnet build` (which hands each batch of files to a sink as it is made,
// a write::Staging, and commits it) and `carnet serve` (which serves them
// from memory).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/output_file.hpp"
#include "load/site_loader.hpp"
#include "render/html/site_renderer.hpp"

namespace carnet::cli {

// Takes a batch of outputs (the search index, the pages, the open data, the
// booklets) as soon as it is made, so that its bytes need not stay in memory
// until the last batch. May throw (base::SystemError): the build stops.
using OutputSink = std::function<void(std::vector<base::OutputFile>&&)>;

struct BuildOptions {
  load::LoadOptions load;
  render::html::RenderOptions render;
  bool booklets = true;    // serve skips them unless asked
  bool search = true;      // serve makes the index on request (IncrementalSite::on_request)
  bool keep_site = false;  // BuildResult::site: the preview renders pages again from it
  // BuildResult::site, for the caller to free or not: `carnet build` ends
  // right after, and leaves the loaded site to the end of the process.
  // Unlike keep_site, the pages' Markdown is freed as usual.
  bool hand_over_site = false;
  // Called once the site is loaded without errors, before anything is
  // rendered: the preview shows the page just saved from it first.
  std::function<void(const model::Site&)> loaded;
  // When set, every file goes to it and BuildResult::files stays empty. A
  // batch reaches it only while the outputs so far pass the checks that need
  // every path (collisions with static/, name lengths, a folder named like a
  // file); the caller must publish nothing when diags has errors, as some
  // batches may have reached it before an error was found.
  OutputSink sink;
};

struct BuildResult {
  std::vector<base::OutputFile> files;  // empty when diags has errors or with a sink
  std::size_t file_count = 0;           // how many files the build made
  base::Diagnostics diags;
  std::unique_ptr<model::Site> site;  // with keep_site or hand_over_site, when there is no error
};

BuildResult build_site(const std::filesystem::path& root, const BuildOptions& options);

}  // namespace carnet::cli
