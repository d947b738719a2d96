#include "write/output_folder.hpp"

#include <fstream>
#include <set>
#include <vector>

#include "base/site_folders.hpp"
#include "base/system_error.hpp"
#include "write/manifest.hpp"
#include "write/publisher.hpp"

namespace carnet::write {

namespace fs = std::filesystem;

namespace {

// Whether `inner` is `outer` or lies inside it (both absolute and normal).
bool within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

// Every Carnet build before manifests wrote `.nojekyll` and one Atom feed
// per language (`index.xml`, or `LANG/index.xml` with the default language in
// a folder) whose <generator> is Carnet. `.nojekyll` alone is no sign: hand-
// made GitHub Pages folders and other generators write it too.
bool made_by_older_carnet(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(out / ".nojekyll", ec))) return false;
  std::vector<fs::path> feeds{out / "index.xml"};
  for (auto it = fs::directory_iterator(out, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->is_directory(ec)) feeds.push_back(it->path() / "index.xml");
  for (const auto& feed : feeds) {
    std::ifstream in(feed, std::ios::binary);
    std::string head(16384, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.find("http://www.w3.org/2005/Atom") != std::string::npos &&
        head.find("<generator>Carnet</generator>") != std::string::npos)
      return true;
  }
  return false;
}

// Entries under `out` that the manifest does not list, as paths relative to
// it (a folder not listed counts once, not with each of its files).
std::vector<std::string> unlisted(const fs::path& out, const std::set<std::string>& listed) {
  std::set<std::string> folders;
  for (const auto& p : listed)
    for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1))
      folders.insert(p.substr(0, slash));
  std::vector<std::string> found;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(out, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(out).generic_string();
    const bool top = it.depth() == 0;
    const std::string name = it->path().filename().string();
    if (top && (is_bookkeeping(name) || is_kept(name))) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (folders.count(rel)) continue;
      it.disable_recursion_pending();
      if (!listed.count(rel)) found.push_back(rel + "/");
      continue;
    }
    if (!listed.count(rel)) found.push_back(rel);
  }
  if (ec) throw base::SystemError("reading folder '" + out.string() + "': " + ec.message());
  return found;
}

}  // namespace

std::string refuse_output_folder(const fs::path& out, const fs::path& site) {
  std::error_code ec;
  const fs::path o = fs::weakly_canonical(fs::absolute(out, ec), ec);
  const fs::path s = fs::weakly_canonical(fs::absolute(site, ec), ec);
  const std::string shown = out.string();
  if (within(s, o))
    return "the output folder '" + shown +
           "' holds the site itself, and a build replaces everything in its output folder; "
           "write into another folder, such as the site's output/";
  for (const char* source : base::site_source_folders)
    if (within(o, s / source))
      return "the output folder '" + shown + "' is inside the site's " + source +
             "/ folder, whose files are the site's sources; write into another folder, such as "
             "the site's output/";
  if (!fs::is_directory(o, ec)) return {};
  // A swap a killed build left half-done: its journal is Carnet's own mark.
  recover_output(o);
  if (auto listed = read_manifest(o)) {
    auto foreign = unlisted(o, *listed);
    if (foreign.empty()) return {};
    std::string names;
    for (size_t i = 0; i < foreign.size() && i < 5; ++i) names += (i ? ", " : "") + foreign[i];
    if (foreign.size() > 5) names += ", and " + std::to_string(foreign.size() - 5) + " more";
    return "the output folder '" + shown + "' holds files that Carnet did not write (" + names +
           "); a build replaces everything in its output folder, so move them out (files to "
           "publish go in the site's static/ folder)";
  }
  if (made_by_older_carnet(o)) return {};
  for (auto it = fs::directory_iterator(o, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (is_kept(name) || is_bookkeeping(name)) continue;
    return "the folder '" + shown +
           "' is not empty and was not made by Carnet; a build replaces everything in its "
           "output folder, so it writes only into a new folder, an empty one, or one it made "
           "before";
  }
  if (ec) throw base::SystemError("reading folder '" + shown + "': " + ec.message());
  return {};
}

}  // namespace carnet::write
