// The manifest of an output folder (`.carnet-output`): the files a build
// wrote there, one path a line. It is how a later build knows the folder is
// Carnet's, and which of its files it may replace; any other file is someone
// else's work. Also the names of the top-level entries that are not the site
// (Carnet's bookkeeping, a `.git`).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_file.hpp"

namespace carnet::write {

// The manifest's text for these files (sorted, so the same build gives the
// same bytes).
std::string manifest_text(const std::vector<base::OutputFile>& files);
std::string manifest_text(const std::set<std::string>& paths);

// The paths listed in `out`'s manifest; nullopt when it has none. Throws
// base::SystemError when it exists but cannot be read or is not a manifest.
std::optional<std::set<std::string>> read_manifest(const std::filesystem::path& out);

// A top-level entry that is Carnet's bookkeeping (`.carnet-staging`, the
// journal, the manifest, a half-written temporary file): exactly these, so
// that an author's own `.carnet-notes` is never taken for one and deleted.
bool is_bookkeeping(std::string_view name);

// A name no output file may take: any `.carnet-` name, and `.git`.
bool is_reserved(std::string_view name);

// A top-level entry a build keeps as it is (`.git`).
bool is_kept(std::string_view name);

}  // namespace carnet::write
