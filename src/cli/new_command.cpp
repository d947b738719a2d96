#include "cli/new_command.hpp"

#include <cstdio>
#include <memory>

#include "base/fs.hpp"
#include "base/slug.hpp"
#include "cli/translations_command.hpp"

namespace carnet::cli {

// Generated from starter/ by cmake/embed_files.cmake (see CMakeLists.txt).
const std::map<std::string, std::string>& embedded_starter();

namespace {

namespace fs = std::filesystem;

// The new site's name as a URL segment: its GitHub Pages sub-path.
std::string site_slug(const std::string& name) {
  std::string slug = base::slugify(name);
  return slug.empty() ? "site" : slug;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

int run_new(const std::string& site) {
  std::error_code ec;
  const fs::path dir(site);
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    std::fprintf(
        stderr,
        "carnet: error: '%s' already exists and is not an empty folder; choose a new name\n",
        site.c_str());
    return 2;
  }
  std::string name = fs::absolute(dir, ec).lexically_normal().filename().string();
  if (name.empty())
    name = fs::absolute(dir, ec).lexically_normal().parent_path().filename().string();
  for (const auto& [rel, bytes] : starter_files(name)) base::write_file(dir / rel, bytes);
  // Without a record, a text edited before the first translation round would
  // not be reported as out of date.
  if (!record_all_translations(dir.string())) return 1;
  const std::string slug = site_slug(name);
  std::fprintf(
      stderr,
      "created a bilingual site in %s\n\n"
      "  cd %s\n"
      "  carnet serve      preview it at http://127.0.0.1:1313/%s/, updated at every save\n"
      "  carnet check      list what is missing, in each language\n\n"
      "To publish it on GitHub Pages, see %s/README.md.\n",
      site.c_str(), site.c_str(), slug.c_str(), site.c_str());
  return 0;
}

}  // namespace

std::map<std::string, std::string> starter_files(const std::string& site_name) {
  const std::string slug = site_slug(site_name);
  std::map<std::string, std::string> files = embedded_starter();
  for (auto& [rel, bytes] : files) replace_all(bytes, "@SITE@", slug);
  return files;
}

void add_new_command(CLI::App& app, int& exit_code) {
  auto site = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("new", "Create a starter bilingual site, with a GitHub Pages workflow");
  cmd->add_option("SITE", *site, "The folder to create")->required();
  cmd->callback([site, &exit_code] { exit_code = run_new(*site); });
}

}  // namespace carnet::cli
