// The preview's outputs as a snapshot serves them: the files of the last
// full build, shared by every snapshot until the next one, and the few
// re-rendered since by body-only saves, looked up first. A save thus makes
// a snapshot by copying a small map, not one entry per page of the site.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/output_file.hpp"

namespace carnet::cli::serve {

using OutputMap = std::map<std::string, std::shared_ptr<const base::OutputFile>>;

struct Outputs {
  std::shared_ptr<const OutputMap> built = std::make_shared<const OutputMap>();
  std::shared_ptr<const OutputMap> updated = std::make_shared<const OutputMap>();

  // Null when no output has that path.
  const base::OutputFile* find(const std::string& path) const {
    if (auto it = updated->find(path); it != updated->end()) return it->second.get();
    if (auto it = built->find(path); it != built->end()) return it->second.get();
    return nullptr;
  }
  bool empty() const { return built->empty() && updated->empty(); }
  // Both in one map (the tests, and the diff of a full build).
  OutputMap merged() const {
    OutputMap all = *built;
    for (const auto& [path, file] : *updated) all[path] = file;
    return all;
  }
};

}  // namespace carnet::cli::serve
