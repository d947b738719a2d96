// The only code that touches the output folder. A build is written into a
// staging folder inside it and swapped in only when every file is written,
// so a failed build leaves the output exactly as it was. The swap itself is
// journaled: a build killed at any point of it leaves a folder that the next
// build (or `recover_output`) puts back whole, without help.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_file.hpp"

namespace carnet::write {

// Called after each step of the swap with the step's name; tests throw from
// it to stop the swap there, as a kill would. Empty in a real build.
using StepHook = std::function<void(std::string_view step)>;

// A build being written into `out`'s staging folder batch by batch, so that
// a batch's bytes are freed as soon as they are on disk instead of held
// until the last file is made (the search index and the pages of a large
// site are hundreds of megabytes). Only the paths stay, for the manifest.
// Nothing of the old output changes until `commit`; an uncommitted Staging
// removes its folder when destroyed (and `out` itself when it made it), so
// a build that fails half-way leaves the output exactly as it was.
class Staging {
 public:
  // Opens `out` (made if missing; a swap a killed build left is first
  // finished or undone) and a fresh staging folder in it. Throws
  // base::SystemError when `out` is not a folder or cannot be made.
  explicit Staging(const std::filesystem::path& out);
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  ~Staging();

  // Writes `files` into the staging folder now and frees them. Throws
  // base::SystemError on I/O failure, when a path would leave the output
  // folder or is one of Carnet's own names, or when a path was already
  // added (in this batch or an earlier one).
  void add(std::vector<base::OutputFile>&& files);
  // The same, for files the caller keeps.
  void add(const std::vector<base::OutputFile>& files);

  // How many files were added so far.
  std::size_t size() const { return paths_.size(); }

  // Writes the manifest and swaps the staged files in, as `publish` does.
  // Once the swap has begun a failure is not undone here: its journal lets
  // the next build (or `recover_output`) finish it.
  void commit(const StepHook& after_step = {});

 private:
  std::filesystem::path out_;
  bool existed_ = false;
  bool done_ = false;
  std::set<std::string> paths_;
};

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
