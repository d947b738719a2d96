// Whether a folder may be used as the output folder. A build replaces
// everything in it, so pointing `-o` at the site itself, at a folder above
// it, or at any folder of someone's own files would delete them.
#pragma once

#include <filesystem>
#include <string>

namespace carnet::write {

// An explanation for a person when `out` must not receive the build of the
// site at `site`; empty when it may. Allowed: a folder that does not exist
// yet, an empty one, one holding only `.git`, and one a build made before
// (it has the `.nojekyll` every build writes).
std::string refuse_output_folder(const std::filesystem::path& out,
                                 const std::filesystem::path& site);

}  // namespace carnet::write
