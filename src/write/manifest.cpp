#include "write/manifest.hpp"

#include <algorithm>

#include "base/fs.hpp"
#include "base/site_folders.hpp"
#include "base/system_error.hpp"

namespace carnet::write {

namespace fs = std::filesystem;

namespace {

// The first line says what the file is to whoever opens it, and is how a
// reader tells a manifest from a file of the same name made by someone else.
constexpr std::string_view header =
    "# carnet output folder: carnet build wrote the files below and replaces them; it refuses to "
    "delete any other file\n";

}  // namespace

std::string manifest_text(const std::vector<base::OutputFile>& files) {
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& f : files) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  std::string out(header);
  for (const auto& p : paths) out += p + "\n";
  return out;
}

std::string manifest_text(const std::set<std::string>& paths) {
  std::string out(header);
  for (const auto& p : paths) out += p + "\n";
  return out;
}

std::optional<std::set<std::string>> read_manifest(const fs::path& out) {
  const fs::path file = out / base::output_manifest;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return std::nullopt;
  const std::string text = base::read_file(file);
  if (text.rfind(header, 0) != 0)
    throw base::SystemError("reading '" + file.string() +
                            "': this is not the manifest of a Carnet build; move the file away");
  std::set<std::string> paths;
  for (size_t at = header.size(); at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) paths.insert(text.substr(at, end - at));
    at = end + 1;
  }
  return paths;
}

bool is_bookkeeping(std::string_view name) {
  return name == base::output_staging || name == base::output_retired ||
         name == base::output_journal || name == base::output_manifest ||
         name.ends_with(base::temporary_suffix);
}

bool is_reserved(std::string_view name) {
  return name.starts_with(base::output_bookkeeping_prefix) || is_kept(name);
}

bool is_kept(std::string_view name) {
  return std::find(std::begin(base::output_kept), std::end(base::output_kept), name) !=
         std::end(base::output_kept);
}

}  // namespace carnet::write
