#include "base/fs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

#include "base/fd.hpp"
#include "base/site_folders.hpp"
#include "base/system_error.hpp"

namespace carnet::base {

namespace fs = std::filesystem;

[[noreturn]] void throw_errno(const std::string& context, int err) {
  throw SystemError(context + ": " + std::strerror(err));
}

namespace {
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;
}  // namespace

std::string read_file(const fs::path& path) {
  // Straight into a string of the file's size: no stdio buffer to copy
  // through, one read for most files (a build reads 10,000 of them).
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw_errno("reading '" + path.string() + "'", errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw_errno("reading '" + path.string() + "'", errno);
  if (S_ISDIR(st.st_mode)) throw_errno("reading '" + path.string() + "'", EISDIR);
  std::string out;
  // One byte more than its size: a file that grew is read on, and the read
  // that returns 0 ends it.
  size_t size = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) + 1 : 65536;
  size_t used = 0;
  for (;;) {
    if (out.size() < used + 1) out.resize(std::max(used + 1, size));
    const ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno("reading '" + path.string() + "'", errno);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    if (used == out.size()) size = out.size() * 2;
  }
  out.resize(used);
  return out;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw SystemError("creating '" + path.parent_path().string() + "': " + ec.message());
  }
  // Written beside it, then renamed over it: a full disk or a cut in the
  // middle leaves the old file whole (the author's sources are written here).
  fs::path temporary = path;
  temporary += temporary_suffix;
  try {
    File f(std::fopen(temporary.c_str(), "wb"));
    if (!f) throw_errno("writing '" + path.string() + "'", errno);
    if (std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size())
      throw_errno("writing '" + path.string() + "'", errno);
    if (std::fclose(f.release()) != 0) throw_errno("writing '" + path.string() + "'", errno);
    fs::rename(temporary, path, ec);
    if (ec) throw SystemError("writing '" + path.string() + "': " + ec.message());
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
}

namespace {
// Whether a path relative to the listed folder passes through a hidden
// (dot) folder, which the listing does not enter.
bool hidden_under(const fs::path& rel) {
  for (const auto& part : rel) {
    const auto name = part.string();
    if (!name.empty() && name[0] == '.' && name != "." && name != "..") return true;
  }
  return false;
}
}  // namespace

std::vector<std::string> list_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  const fs::path root = fs::weakly_canonical(dir, ec);
  auto fail = [&](const fs::path& where, const std::string& cause) {
    throw SystemError("reading '" + where.string() + "': " + cause);
  };
  std::set<fs::path> followed;  // folders reached through a link
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink, ec);
  if (ec) fail(dir, ec.message());
  // A folder or file that cannot be read is an error, never a page left out
  // in silence: the build would replace a good output with a smaller one.
  // (A failed increment() leaves the iterator at its end, so the error must
  // be looked at right after it, not at the top of the next turn.)
  // The iterator makes each path as `dir` / the rest: the rest is cut off
  // the string (lexically_relative parsed both paths into parts, for each
  // of 10,000 files, before anything else of a build could start).
  const std::string& prefix = dir.native();
  auto relative = [&](const fs::path& path) {
    const std::string& s = path.native();
    if (!prefix.empty() && s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0) {
      if (prefix.back() == '/') return s.substr(prefix.size());
      if (s[prefix.size()] == '/') return s.substr(prefix.size() + 1);
    }
    return path.lexically_relative(dir).generic_string();
  };
  for (const auto end = fs::recursive_directory_iterator(); it != end;) {
    const fs::path& path = it->path();
    const auto name = path.filename().string();
    // The entry's type as the folder listing gave it (no stat per file,
    // 10,000 of them before anything else can start); a link's target is
    // looked at below.
    const bool link = it->is_symlink(ec);
    if (ec) fail(path, ec.message());
    if (!name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
    } else if (link) {
      // A link may not lead out of the site: that would publish files the
      // author never meant to (or loop forever).
      auto target = fs::weakly_canonical(path, ec);
      auto rel = target.lexically_relative(root);
      if (ec || rel.empty() || *rel.begin() == "..") {
        it.disable_recursion_pending();
      } else if (!fs::exists(fs::status(path, ec))) {
        fail(path, "the link leads to nothing");
      } else if (fs::is_regular_file(fs::status(path, ec))) {
        out.push_back(relative(path));
      } else if (!fs::is_directory(fs::status(path, ec))) {
        fail(path, "the link leads to something that is neither a file nor a folder");
      } else {
        // A link to a folder of the site is never followed: to a folder
        // that holds the link ("img/parent -> ..") it would loop, publishing
        // the same files again at every turn; to any other, it would
        // publish that folder's files a second time. Followed links are
        // only those to folders listed nowhere else (a hidden one), once.
        const auto place = fs::weakly_canonical(path.parent_path(), ec);
        const auto up = place.lexically_relative(target);
        const auto shown = target == root ? "." : rel.generic_string();
        if (!up.empty() && *up.begin() != "..")
          fail(path, "the link leads back to '" + shown +
                         "', a folder that holds it (a loop); Carnet does not follow it: "
                         "remove the link");
        if (!hidden_under(rel) || !followed.insert(target).second)
          fail(path, "the link leads to '" + shown +
                         "', which is published already; Carnet does not follow it: remove the "
                         "link, or copy the files you want twice");
      }
    } else if (it->is_regular_file(ec)) {
      out.push_back(relative(path));
    } else if (ec) {
      fail(path, ec.message());
    } else if (!it->is_directory(ec)) {
      fail(path,
           "neither a file nor a folder (a pipe, a socket or a device); Carnet cannot "
           "read it");
    }
    // The entry's path as a string, not a fs::path with its parts: the
    // reference above follows the iterator.
    const std::string here = path.native();
    it.increment(ec);
    if (ec) fail(here, ec.message());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_site_source(const fs::path& file, const fs::path& site) {
  std::error_code ec;
  const fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
  const fs::path s = fs::weakly_canonical(fs::absolute(site, ec), ec);
  if (f == s / "carnet.yaml") return true;
  for (const char* folder : site_source_folders) {
    auto rel = f.lexically_relative(s / folder);
    if (!rel.empty() && *rel.begin() != "..") return true;
  }
  return false;
}

}  // namespace carnet::base
