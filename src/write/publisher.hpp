// The only code that touches the output folder. A build is written into a
// staging folder beside it and swapped in only when every file is written, so
// a failed build leaves the output exactly as it was.
#pragma once

#include <filesystem>
#include <vector>

#include "base/output_file.hpp"

namespace carnet::write {

// Writes `files` as the new content of `out` (replacing what it held).
// Throws base::SystemError on I/O failure, leaving `out` untouched; throws
// when a path would leave the output folder.
void publish(const std::filesystem::path& out, const std::vector<base::OutputFile>& files);

}  // namespace carnet::write
