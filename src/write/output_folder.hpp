// Whether a folder may be used as the output folder. A build replaces
// everything in it, so pointing `-o` at the site itself, at a folder above
// it, or at any folder of someone's own files would delete them.
#pragma once

#include <filesystem>
#include <string>

namespace carnet::write {

// An explanation for a person when `out` must not receive the build of the
// site at `site`; empty when it may. Allowed: a folder that does not exist
// yet, an empty one, one holding only `.git`, one whose manifest
// (`.carnet-output`) lists every file in it, and one an older Carnet made
// before manifests (its `.nojekyll` and an Atom feed that names Carnet as
// its generator; see docs/decisions.md). A swap a killed build left
// half-done is first finished or undone (`recover_output`).
std::string refuse_output_folder(const std::filesystem::path& out,
                                 const std::filesystem::path& site);

}  // namespace carnet::write
