// Helpers for end-to-end tests: run the real `carnet` binary, make scratch
// folders, read output trees.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"

namespace carnet::test {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `carnet ARGS...` (each argument shell-quoted) and captures its output.
RunResult run_carnet(const std::vector<std::string>& args);

// Runs a shell command, returning its exit status and stdout.
RunResult run_shell(const std::string& command);

// An empty scratch folder under the system temp folder, unique to `name`
// and to this process; removed when the process ends.
std::filesystem::path scratch(const std::string& name);

// Every regular file under `dir`, relative path → bytes.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir);

// Lines of `text`, without the trailing empty one.
std::vector<std::string> lines_of(const std::string& text);

// Relative href/src targets in the HTML pages of `out` that point to no
// file of `out` ("page: target"); the site must be browsable under any path.
std::vector<std::string> broken_relative_links(const std::filesystem::path& out);

// `p` in single quotes, for a shell command line (paths of tests have none).
std::string quoted(const std::filesystem::path& p);

// Text as pdftotext gives it, compared without white space, hyphens (the
// layout's line breaks and hyphenation; soft, non-breaking), no-break and
// en spaces, with typographic apostrophes read as typed.
std::string squeeze(const std::string& s);

// A YAML file (a workflow) read with Carnet's own YAML tree; throws on a
// syntax error or a second document.
load::yaml::Node yaml_file(const std::filesystem::path& file);
load::yaml::Node yaml_text(const std::string& text);

inline const std::filesystem::path source_dir{CARNET_SOURCE_DIR};

}  // namespace carnet::test
