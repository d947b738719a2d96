// Small file-system helpers shared by the readers and the writer. Reading a
// whole file is the only way content enters Carnet.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace carnet::base {

// The whole file; throws SystemError("reading 'path': cause").
std::string read_file(const std::filesystem::path& path);

// Writes the whole file, creating parent folders; throws SystemError. The
// bytes go to PATH.carnet-tmp first, renamed over PATH once complete, so a
// failure never leaves a file cut short.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// Regular files under `dir`, as paths relative to `dir` with '/' separators,
// sorted. Hidden files and folders (".git", ".DS_Store") are skipped.
// Symbolic links are followed only when they stay inside `dir`. A folder that
// cannot be read, a link that leads nowhere, or an entry that is neither a
// file nor a folder (a pipe) throws SystemError("reading 'path': cause"):
// a file left out in silence would drop a page from a build that succeeds.
// So does a link to a folder that holds it (a loop) or to a folder the
// listing holds already: such links are never followed.
std::vector<std::string> list_files(const std::filesystem::path& dir);

// Whether `file` is one of the sources of the site at `site`: its carnet.yaml,
// or anything in one of its source folders (base::site_source_folders).
// Commands that write a file refuse to write over one without --force.
bool is_site_source(const std::filesystem::path& file, const std::filesystem::path& site);

}  // namespace carnet::base
