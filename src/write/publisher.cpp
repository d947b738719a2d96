#include "write/publisher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
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
// `path` is relative to the folder `dir` (an open descriptor, or AT_FDCWD),
// whose name `shown` a message puts in front of it.
void write_staged(int dir, const char* path, std::string_view bytes, const fs::path& shown) {
  auto fail = [&](int err) { throw_writing((shown / path).string(), err); };
  base::Fd fd(::openat(dir, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (fd.get() < 0) fail(errno);
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd.get(), bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (fd.close() != 0) fail(errno);
}

// Writes a batch into the staging folder, each folder made once with one
// mkdir (the staging folder is new, so nothing is there yet but what
// earlier batches made).
//
// A folder's entries are all made by one thread. Creating an entry locks
// its folder in the kernel, and two threads making entries in one folder
// take turns at that lock, the waiting one spinning: on ext4 (the bench's
// /tmp), where making an inode is slow, that spinning was a sixth of a
// build's CPU time, when a page's folder and the next were made by the two
// cores in turn (both in `articles/`). Here one task makes the subfolders
// of a folder, another writes the files of one, and each waits, if it
// must, for its folder to be made: parents come before children in the
// task list, which the threads take in order, so what a task waits for is
// already being done. While one core makes the pages' folders, the other
// writes the pages into those already made.
class BatchWriter {
 public:
  BatchWriter(const fs::path& stage, const std::vector<base::OutputFile>& files)
      : stage_(stage), files_(files) {
    plan();
  }

  void run() {
    // Every path is opened from the staging folder, not from the root:
    // the kernel then looks up only the folders inside it.
    stage_fd_ =
        std::make_unique<base::Fd>(::open(stage_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (stage_fd_->get() < 0)
      throw base::SystemError("opening '" + stage_.string() + "': " + std::strerror(errno));
    made_ = std::make_unique<std::atomic<bool>[]>(folders_.size());
    base::parallel_for(tasks_.size(), [&](size_t i) {
      try {
        run_task(tasks_[i]);
      } catch (...) {
        failed_ = true;
        throw;
      }
    });
  }

 private:
  static constexpr size_t root = SIZE_MAX;  // the staging folder itself

  struct Task {
    size_t folder;                // made before the task starts (or root)
    bool subfolders;              // make these subfolders, else write these files
    std::vector<size_t> entries;  // indices into folders_ or files_
  };

  // Folders in the order they are first met, each after its parent.
  size_t folder_of(std::string_view path, std::unordered_map<std::string_view, size_t>& index) {
    const auto slash = path.rfind('/');
    if (slash == std::string_view::npos) return root;
    const std::string_view dir = path.substr(0, slash);
    if (auto it = index.find(dir); it != index.end()) return it->second;
    const size_t parent = folder_of(dir, index);
    const size_t id = folders_.size();
    folders_.push_back(std::string(dir));
    folder_parent_.push_back(parent);
    index.emplace(dir, id);
    return id;
  }

  void plan() {
    std::unordered_map<std::string_view, size_t> index;
    std::vector<size_t> file_folder(files_.size());
    for (size_t i = 0; i < files_.size(); ++i) file_folder[i] = folder_of(files_[i].path, index);
    // Making subfolders first, shallow parents before deep ones; the files
    // after, the largest folders first (the search index's two folders of
    // chunks go one to each core).
    std::unordered_map<size_t, size_t> subfolder_task, file_task;
    std::vector<size_t> depth(folders_.size());
    for (size_t f = 0; f < folders_.size(); ++f)
      depth[f] = folder_parent_[f] == root ? 0 : depth[folder_parent_[f]] + 1;
    std::vector<size_t> order(folders_.size());
    for (size_t f = 0; f < order.size(); ++f) order[f] = f;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return depth[a] < depth[b]; });
    std::vector<Task> makes, writes;
    for (size_t f : order) {
      const size_t parent = folder_parent_[f];
      auto [it, fresh] = subfolder_task.emplace(parent, makes.size());
      if (fresh) makes.push_back({parent, true, {}});
      makes[it->second].entries.push_back(f);
    }
    for (size_t i = 0; i < files_.size(); ++i) {
      auto [it, fresh] = file_task.emplace(file_folder[i], writes.size());
      if (fresh) writes.push_back({file_folder[i], false, {}});
      writes[it->second].entries.push_back(i);
    }
    std::stable_sort(writes.begin(), writes.end(), [](const Task& a, const Task& b) {
      return a.entries.size() > b.entries.size();
    });
    tasks_ = std::move(makes);
    tasks_.insert(tasks_.end(), std::make_move_iterator(writes.begin()),
                  std::make_move_iterator(writes.end()));
  }

  // Whether `folder` is made: by a task that an earlier index holds,
  // running now on another core, so a short wait; false when a task failed.
  // The waiting task then gives up quietly: the failed one's error, which
  // names the file or folder, is the one the batch reports.
  bool wait_for(size_t folder) const {
    if (folder == root) return true;
    while (!made_[folder].load(std::memory_order_acquire)) {
      if (failed_.load(std::memory_order_relaxed)) return false;
      std::this_thread::yield();
    }
    return true;
  }

  void run_task(const Task& task) {
    if (!wait_for(task.folder)) return;
    for (size_t e : task.entries) {
      if (task.subfolders) {
        if (::mkdirat(stage_fd_->get(), folders_[e].c_str(), 0777) != 0 && errno != EEXIST)
          throw base::SystemError("creating '" + (stage_ / folders_[e]).string() +
                                  "': " + std::strerror(errno));
        made_[e].store(true, std::memory_order_release);
      } else {
        write_file(files_[e]);
      }
    }
  }

  void write_file(const base::OutputFile& f) const {
    if (f.copy_from.empty()) {
      write_staged(stage_fd_->get(), f.path.c_str(), f.bytes, stage_);
      return;
    }
    std::error_code ec;
    fs::copy_file(f.copy_from, stage_ / f.path, fs::copy_options::overwrite_existing, ec);
    if (ec)
      throw base::SystemError("copying '" + f.copy_from + "' to '" + f.path + "': " + ec.message());
  }

  const fs::path& stage_;
  const std::vector<base::OutputFile>& files_;
  std::vector<std::string> folders_;
  std::vector<size_t> folder_parent_;
  std::vector<Task> tasks_;
  std::unique_ptr<base::Fd> stage_fd_;
  std::unique_ptr<std::atomic<bool>[]> made_;
  std::atomic<bool> failed_{false};
};

void write_batch(const fs::path& stage, const std::vector<base::OutputFile>& files) {
  std::error_code ec;
  fs::create_directories(stage, ec);
  if (ec) throw base::SystemError("creating '" + stage.string() + "': " + ec.message());
  BatchWriter(stage, files).run();
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
  write_staged(AT_FDCWD, (stage / base::output_manifest).c_str(), manifest_text(paths_), {});
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
