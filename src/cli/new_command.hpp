// `carnet new SITE`: a starter bilingual site that builds at once — the files
// of the repository's starter/ folder, compiled into the binary by
// cmake/embed_files.cmake — with the GitHub Pages workflow.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>
#include <string>

namespace carnet::cli {

void add_new_command(CLI::App& app, int& exit_code);

// The starter's files (relative path → bytes), with "@SITE@" replaced by
// `site_name`'s slug (it names the GitHub Pages sub-path in carnet.yaml).
std::map<std::string, std::string> starter_files(const std::string& site_name);

}  // namespace carnet::cli
