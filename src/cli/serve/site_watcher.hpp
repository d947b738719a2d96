// Watches a site folder with inotify: carnet.yaml and everything under
// content/, static/, layouts/, themes/, i18n/ and .carnet/ (hidden files, editors' backup and
// swap files, and output/ are not the site). inotify watches one folder at a
// time, so every folder gets its own watch, and folders created later get
// theirs as they appear.
#pragma once

#include "base/site_folders.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/serve/unique_fd.hpp"

namespace carnet::cli::serve {

class SiteWatcher {
 public:
  // Throws base::SystemError when inotify is not available.
  explicit SiteWatcher(const std::filesystem::path& root);

  // Blocks until something of the site changes, then until `quiet` passes
  // without a further change (an editor's save is several events; a `git
  // checkout` is hundreds). Returns the changed paths, relative to the site
  // and sorted, or nullopt as soon as `stop_fd` is readable.
  std::optional<std::vector<std::string>> wait(int stop_fd, std::chrono::milliseconds quiet);

  // True when a change of `name` (a file name, no folder) is worth a rebuild.
  static bool is_site_file_name(std::string_view name);

 private:
  void watch_tree(const std::filesystem::path& dir);
  void watch_one(const std::filesystem::path& dir);
  // Reads pending events into `changed`; false when there were none.
  bool drain(std::vector<std::string>& changed);

  std::filesystem::path root_;
  UniqueFd fd_;
  std::map<int, std::filesystem::path> dirs_;  // watch descriptor → folder
};

// The folders of a site that `carnet serve` watches besides carnet.yaml.
inline constexpr const auto& watched_folders = base::site_source_folders;

}  // namespace carnet::cli::serve
