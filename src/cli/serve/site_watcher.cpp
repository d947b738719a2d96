#include "cli/serve/site_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>

#include "base/system_error.hpp"

namespace carnet::cli::serve {

namespace {

namespace fs = std::filesystem;

constexpr uint32_t file_events = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                 IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

bool SiteWatcher::is_site_file_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.front() == '#')
    return false;  // .x.swp, .#x (Emacs lock)
  if (name.back() == '~' || ends_with(name, ".swp") || ends_with(name, ".swx") ||
      ends_with(name, ".tmp"))
    return false;
  return name != "4913";  // Vim's probe of whether it may write the folder
}

SiteWatcher::SiteWatcher(const fs::path& root) : root_(root) {
  fd_.reset(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  if (!fd_) base::throw_errno("watching '" + root.string() + "' for changes", errno);
  watch_one(root_);
  for (const char* folder : watched_folders)
    if (std::error_code ec; fs::is_directory(root_ / folder, ec)) watch_tree(root_ / folder);
}

void SiteWatcher::watch_one(const fs::path& dir) {
  int wd = ::inotify_add_watch(fd_.get(), dir.c_str(), file_events | IN_ONLYDIR);
  if (wd < 0) {
    // ENOSPC: the system's limit of watches (fs.inotify.max_user_watches);
    // the folder disappeared meanwhile otherwise. Neither stops the preview.
    if (errno == ENOSPC)
      std::fprintf(stderr,
                   "carnet: warning: cannot watch '%s': too many folders for inotify "
                   "(raise fs.inotify.max_user_watches)\n",
                   dir.c_str());
    return;
  }
  dirs_[wd] = dir;
}

void SiteWatcher::watch_tree(const fs::path& dir) {
  watch_one(dir);
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    if (name.front() == '.') {
      it.disable_recursion_pending();
      continue;
    }
    watch_one(it->path());
  }
}

bool SiteWatcher::drain(std::vector<std::string>& changed) {
  alignas(inotify_event) char buf[64 * 1024];
  bool any = false;
  for (;;) {
    ssize_t n = ::read(fd_.get(), buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return any;
    }
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {
        // Events were lost: say "something changed" and rebuild everything.
        changed.emplace_back("");
        any = true;
        continue;
      }
      if (e->mask & IN_IGNORED) {
        dirs_.erase(e->wd);
        continue;
      }
      auto dir = dirs_.find(e->wd);
      if (dir == dirs_.end()) continue;
      const std::string name = e->len ? std::string(e->name) : std::string();
      const bool at_root = dir->second == root_;
      if (name.empty()) {  // the watched folder itself was deleted or moved
        if (!at_root) changed.push_back(dir->second.lexically_relative(root_).generic_string());
        any = any || !at_root;
        continue;
      }
      if (at_root) {
        const bool is_folder =
            std::find_if(std::begin(watched_folders), std::end(watched_folders),
                         [&](const char* f) { return name == f; }) != std::end(watched_folders);
        if (is_folder && (e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR))
          watch_tree(root_ / name);
        if (!is_folder && name != "carnet.yaml") continue;
      } else if (!is_site_file_name(name)) {
        continue;
      } else if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR)) {
        watch_tree(dir->second / name);
      }
      changed.push_back((dir->second / name).lexically_relative(root_).generic_string());
      any = true;
    }
  }
}

std::optional<std::vector<std::string>> SiteWatcher::wait(int stop_fd,
                                                          std::chrono::milliseconds quiet) {
  std::vector<std::string> changed;
  int timeout = -1;  // until a first change, then `quiet` after each
  for (;;) {
    pollfd fds[2] = {{fd_.get(), POLLIN, 0}, {stop_fd, POLLIN, 0}};
    int n = ::poll(fds, stop_fd >= 0 ? 2 : 1, timeout);
    if (n < 0) {
      if (errno == EINTR) continue;
      base::throw_errno("waiting for changes", errno);
    }
    if (stop_fd >= 0 && (fds[1].revents & POLLIN)) return std::nullopt;
    if (n == 0) break;  // quiet long enough
    if (drain(changed)) timeout = static_cast<int>(quiet.count());
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace carnet::cli::serve
