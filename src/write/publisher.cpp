#include "write/publisher.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "base/fs.hpp"
#include "base/parallel.hpp"
#include "base/system_error.hpp"
#include "base/url.hpp"

namespace carnet::write {

namespace fs = std::filesystem;

namespace {

// Staging happens inside the output folder itself: nothing is ever written
// outside it, and renames within one folder cannot cross file systems.
constexpr std::string_view staging_name = ".carnet-staging";
constexpr std::string_view retired_name = ".carnet-retired";

// Entries of the output folder that a build never replaces: a gh-pages
// worktree keeps its .git there.
bool is_kept(const std::string& name) { return name == ".git"; }

void check_paths(const std::vector<base::OutputFile>& files) {
  std::set<std::string> seen;
  for (const auto& f : files) {
    if (!base::is_safe_output_path(f.path) || f.path.rfind(".carnet-", 0) == 0)
      throw base::SystemError("refusing to write '" + f.path +
                              "': the path leaves the output folder");
    if (!seen.insert(f.path).second)
      throw base::SystemError("two outputs for one file '" + f.path + "'");
  }
}

void remove_tree(const fs::path& p) {
  std::error_code ec;
  fs::remove_all(p, ec);
  if (ec) throw base::SystemError("removing '" + p.string() + "': " + ec.message());
}

void move_entry(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec)
    throw base::SystemError("moving '" + from.string() + "' to '" + to.string() +
                            "': " + ec.message());
}

void write_all(const fs::path& stage, const std::vector<base::OutputFile>& files) {
  std::set<fs::path> dirs;
  for (const auto& f : files) dirs.insert((stage / f.path).parent_path());
  for (const auto& d : dirs) {
    std::error_code ec;
    fs::create_directories(d, ec);
    if (ec) throw base::SystemError("creating '" + d.string() + "': " + ec.message());
  }
  base::parallel_for(files.size(), [&](size_t i) {
    const auto& f = files[i];
    const fs::path target = stage / f.path;
    if (f.copy_from.empty()) {
      base::write_file(target, f.bytes);
    } else {
      std::error_code ec;
      fs::copy_file(f.copy_from, target, fs::copy_options::overwrite_existing, ec);
      if (ec)
        throw base::SystemError("copying '" + f.copy_from + "' to '" + f.path +
                                "': " + ec.message());
    }
  });
}

}  // namespace

void publish(const fs::path& out, const std::vector<base::OutputFile>& files) {
  check_paths(files);
  std::error_code ec;
  const bool existed = fs::exists(out, ec);
  if (existed && !fs::is_directory(out, ec))
    throw base::SystemError("output '" + out.string() + "' exists and is not a folder");
  fs::create_directories(out, ec);
  if (ec) throw base::SystemError("creating '" + out.string() + "': " + ec.message());

  const fs::path stage = out / staging_name;
  const fs::path retired = out / retired_name;
  // Leftovers of a build that was killed half-way.
  remove_tree(stage);
  remove_tree(retired);

  try {
    write_all(stage, files);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(stage, ignored);
    if (!existed) fs::remove(out, ignored);
    throw;
  }

  // Swap: the old entries move aside, the new ones move in, the old go.
  std::vector<fs::path> old_entries;
  for (const auto& e : fs::directory_iterator(out)) {
    auto name = e.path().filename().string();
    if (name == staging_name || is_kept(name)) continue;
    old_entries.push_back(e.path());
  }
  fs::create_directory(retired, ec);
  if (ec) throw base::SystemError("creating '" + retired.string() + "': " + ec.message());
  for (const auto& p : old_entries) move_entry(p, retired / p.filename());
  for (const auto& e : fs::directory_iterator(stage))
    move_entry(e.path(), out / e.path().filename());
  remove_tree(stage);
  remove_tree(retired);
}

}  // namespace carnet::write
