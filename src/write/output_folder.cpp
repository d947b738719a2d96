#include "write/output_folder.hpp"

#include "base/site_folders.hpp"

namespace carnet::write {

namespace fs = std::filesystem;

namespace {

// Whether `inner` is `outer` or lies inside it (both absolute and normal).
bool within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::string refuse_output_folder(const fs::path& out, const fs::path& site) {
  std::error_code ec;
  const fs::path o = fs::weakly_canonical(fs::absolute(out, ec), ec);
  const fs::path s = fs::weakly_canonical(fs::absolute(site, ec), ec);
  const std::string shown = out.string();
  if (within(s, o))
    return "the output folder '" + shown +
           "' holds the site itself, and a build replaces everything in its output folder; "
           "write into another folder, such as the site's output/";
  for (const char* source : base::site_source_folders)
    if (within(o, s / source))
      return "the output folder '" + shown + "' is inside the site's " + source +
             "/ folder, whose files are the site's sources; write into another folder, such as "
             "the site's output/";
  if (!fs::is_directory(o, ec)) return {};
  if (fs::exists(o / ".nojekyll", ec)) return {};  // made by an earlier build
  for (const auto& entry : fs::directory_iterator(o, ec)) {
    const auto name = entry.path().filename().string();
    if (name == ".git" || name == ".carnet-staging" || name == ".carnet-retired") continue;
    return "the folder '" + shown +
           "' is not empty and was not made by Carnet; a build replaces everything in its "
           "output folder, so it writes only into a new folder, an empty one, or one it made "
           "before";
  }
  return {};
}

}  // namespace carnet::write
