// The only code that touches the output folder. A build is written into a
// staging folder inside it and swapped in only when every file is written,
// so a failed build leaves the output exactly as it was. The swap itself is
// journaled: a build killed at any point of it leaves a folder that the next
// build (or `recover_output`) puts back whole, without help.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "base/output_file.hpp"

namespace carnet::write {

// Called after each step of the swap with the step's name; tests throw from
// it to stop the swap there, as a kill would. Empty in a real build.
using StepHook = std::function<void(std::string_view step)>;

// Writes `files` as the new content of `out` (replacing what it held), with
// a manifest `.carnet-output` listing them. Throws base::SystemError on I/O
// failure before the swap, leaving `out` untouched; throws when a path would
// leave the output folder or is one of Carnet's own names.
void publish(const std::filesystem::path& out, const std::vector<base::OutputFile>& files,
             const StepHook& after_step = {});

// Finishes or undoes a swap that a killed build left half-done in `out`:
// before the new entries started moving in, the old output is put back;
// after, the new one is completed. Also removes what a build killed before
// its swap left (a staging folder). Returns whether there was a swap. Throws
// base::SystemError when a move fails.
bool recover_output(const std::filesystem::path& out);

}  // namespace carnet::write
