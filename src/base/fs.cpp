#include "base/fs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

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
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) throw_errno("reading '" + path.string() + "'", errno);
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) out.append(buf, n);
  if (std::ferror(f.get())) throw_errno("reading '" + path.string() + "'", errno);
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
  temporary += ".carnet-tmp";
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

std::vector<std::string> list_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  const fs::path root = fs::weakly_canonical(dir, ec);
  auto it =
      fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink, ec);
  if (ec) throw SystemError("reading folder '" + dir.string() + "': " + ec.message());
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) throw SystemError("reading folder '" + dir.string() + "': " + ec.message());
    const auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec)) {
      // A link may not lead out of the site: that would publish files the
      // author never meant to (or loop forever).
      auto target = fs::weakly_canonical(it->path(), ec);
      auto rel = target.lexically_relative(root);
      if (ec || rel.empty() || *rel.begin() == "..") {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
    }
    if (it->is_regular_file(ec)) out.push_back(it->path().lexically_relative(dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace carnet::base
