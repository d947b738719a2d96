#include "write/publisher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "base/fd.hpp"
#include "base/fs.hpp"
#include "base/parallel.hpp"
#include "base/site_folders.hpp"
#include "base/system_error.hpp"
#include "base/url.hpp"
#include "write/manifest.hpp"

namespace carnet::write {

namespace fs = std::filesystem;

namespace {

// The swap moves entries one by one, and a rename is atomic but a series of
// them is not. The journal names the phase it is in, so that a build killed
// half-way is finished or undone by the next one:
//   retire  — old entries are moving into .carnet-retired/: the old output
//             is the one to keep; recovery moves them back.
//   install — every old entry is aside and new ones are moving in from
//             .carnet-staging/: the new output is complete in staging plus
//             the folder; recovery moves the rest in.
// Without a journal, .carnet-staging/ is a build that never finished and
// .carnet-retired/ an output already replaced: both are deleted.
constexpr std::string_view phase_retire = "retire\n";
constexpr std::string_view phase_install = "install\n";

// `seen` holds the paths of earlier batches, and gets this one's.
void check_paths(const std::vector<base::OutputFile>& files, std::set<std::string>& seen) {
  for (const auto& f : files) {
    if (!base::is_safe_output_path(f.path))
      throw base::SystemError("refusing to write '" + f.path +
                              "': the path leaves the output folder");
    const std::string top = f.path.substr(0, f.path.find('/'));
    if (is_reserved(top))
      throw base::SystemError("refusing to write '" + f.path + "': '" + top +
                              "' is a name Carnet keeps for itself in the output folder");
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

// Names of the entries of `dir`, sorted (the swap's order is then the same
// on every run, which the kill-at-each-step tests rely on).
std::vector<std::string> entries_of(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return names;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) throw base::SystemError("reading folder '" + dir.string() + "': " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

// The entries of the output that are the site: neither bookkeeping nor kept.
std::vector<std::string> site_entries(const fs::path& out) {
  auto names = entries_of(out);
  std::erase_if(names, [](const std::string& n) { return is_bookkeeping(n) || is_kept(n); });
  return names;
}

[[noreturn]] void throw_writing(const std::string& path, int err) {
  throw base::SystemError("writing '" + path + "': " + std::strerror(err));
}

// A new file in the staging folder: open, write, close, nothing more. No
// temporary beside it and no rename (base::write_file's care for the
// author's sources): staging is itself the temporary, swapped in whole or
// deleted, and at 10,000 pages each saved system call per file shows.
void write_staged(const fs::path& target, std::string_view bytes) {
  base::Fd fd(::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (fd.get() < 0) throw_writing(target.string(), errno);
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd.get(), bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_writing(target.string(), errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (fd.close() != 0) throw_writing(target.string(), errno);
}

// Every folder the files need, each made once with one mkdir (the staging
// folder is new and empty, so nothing is there yet): a depth at a time, on
// all cores, so that parents come before children. A page is a folder of
// its own: 2,000 folders a batch, one after the other, left a core idle
// for a tenth of the time a batch took to write.
void make_folders(const fs::path& stage, const std::vector<base::OutputFile>& files) {
  std::vector<std::vector<std::string>> by_depth;
  std::unordered_set<std::string_view> seen;
  for (const auto& f : files) {
    const std::string_view path = f.path;
    size_t depth = 0;
    for (auto slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1), ++depth) {
      if (!seen.insert(path.substr(0, slash)).second) continue;
      if (by_depth.size() <= depth) by_depth.resize(depth + 1);
      by_depth[depth].push_back(f.path.substr(0, slash));
    }
  }
  std::error_code ec;
  fs::create_directories(stage, ec);
  if (ec) throw base::SystemError("creating '" + stage.string() + "': " + ec.message());
  for (const auto& dirs : by_depth)
    base::parallel_for(dirs.size(), [&](size_t i) {
      const fs::path dir = stage / dirs[i];
      if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST)
        throw base::SystemError("creating '" + dir.string() + "': " + std::strerror(errno));
    });
}

void write_batch(const fs::path& stage, const std::vector<base::OutputFile>& files) {
  make_folders(stage, files);
  base::parallel_for(files.size(), [&](size_t i) {
    const auto& f = files[i];
    const fs::path target = stage / f.path;
    if (f.copy_from.empty()) {
      write_staged(target, f.bytes);
    } else {
      std::error_code ec;
      fs::copy_file(f.copy_from, target, fs::copy_options::overwrite_existing, ec);
      if (ec)
        throw base::SystemError("copying '" + f.copy_from + "' to '" + f.path +
                                "': " + ec.message());
    }
  });
}

// Moves every entry of staging into the output, removes the journal (the
// swap is then done), and the leftovers.
void install(const fs::path& out, const StepHook& step) {
  const fs::path stage = out / base::output_staging;
  for (const auto& name : entries_of(stage)) {
    move_entry(stage / name, out / name);
    if (step) step("install " + name);
  }
  remove_tree(out / base::output_journal);
  if (step) step("committed");
  remove_tree(stage);
  remove_tree(out / base::output_retired);
}

// Removes what a build that never reached its swap left: a staging folder,
// an old output already replaced, a temporary file.
void remove_leftovers(const fs::path& out) {
  for (const auto& name : entries_of(out))
    if (is_bookkeeping(name) && name != base::output_manifest) remove_tree(out / name);
}

}  // namespace

bool recover_output(const fs::path& out) {
  const fs::path journal = out / base::output_journal;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(journal, ec))) {
    remove_leftovers(out);
    return false;
  }
  const std::string phase = base::read_file(journal);
  const fs::path retired = out / base::output_retired;
  if (phase == phase_retire) {
    // Moved aside so far: back in. Nothing of the new build is in place yet.
    for (const auto& name : entries_of(retired)) move_entry(retired / name, out / name);
    remove_tree(journal);
  } else if (phase == phase_install) {
    install(out, {});
  } else {
    throw base::SystemError(
        "reading '" + journal.string() +
        "': not a journal Carnet wrote; look at the folder, then delete the file");
  }
  remove_leftovers(out);
  return true;
}

Staging::Staging(const fs::path& out) : out_(out) {
  std::error_code ec;
  existed_ = fs::exists(out, ec);
  if (existed_ && !fs::is_directory(out, ec))
    throw base::SystemError("output '" + out.string() + "' exists and is not a folder");
  fs::create_directories(out, ec);
  if (ec) throw base::SystemError("creating '" + out.string() + "': " + ec.message());
  recover_output(out);
  const fs::path stage = out / base::output_staging;
  fs::create_directories(stage, ec);
  if (ec) throw base::SystemError("creating '" + stage.string() + "': " + ec.message());
}

Staging::~Staging() {
  if (done_) return;
  std::error_code ignored;
  fs::remove_all(out_ / base::output_staging, ignored);
  if (!existed_) fs::remove(out_, ignored);
}

void Staging::add(std::vector<base::OutputFile>&& files) {
  // Moved into a local so that the bytes are freed on return, whatever the
  // caller does with its emptied vector.
  const std::vector<base::OutputFile> batch = std::move(files);
  add(batch);
}

void Staging::add(const std::vector<base::OutputFile>& files) {
  check_paths(files, paths_);
  write_batch(out_ / base::output_staging, files);
}

void Staging::commit(const StepHook& step) {
  const fs::path& out = out_;
  const fs::path stage = out / base::output_staging;
  const fs::path retired = out / base::output_retired;
  write_staged(stage / base::output_manifest, manifest_text(paths_));
  if (step) step("staged");

  // From here on a failure is not cleaned up: the journal says how to
  // finish, and the next build does it.
  done_ = true;
  std::error_code ec;
  base::write_file(out / base::output_journal, phase_retire);
  if (step) step("journal retire");
  fs::create_directory(retired, ec);
  if (ec) throw base::SystemError("creating '" + retired.string() + "': " + ec.message());
  for (const auto& name : site_entries(out)) {
    move_entry(out / name, retired / name);
    if (step) step("retire " + name);
  }
  // The old manifest goes with the old files it lists.
  if (fs::exists(fs::symlink_status(out / base::output_manifest, ec)))
    move_entry(out / base::output_manifest, retired / base::output_manifest);
  base::write_file(out / base::output_journal, phase_install);
  if (step) step("journal install");
  install(out, step);
}

void publish(const fs::path& out, const std::vector<base::OutputFile>& files,
             const StepHook& step) {
  // Refused before the output folder is touched at all.
  std::set<std::string> seen;
  check_paths(files, seen);
  Staging staging(out);
  staging.add(files);
  staging.commit(step);
}

}  // namespace carnet::write
