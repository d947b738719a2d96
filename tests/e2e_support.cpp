#include "e2e_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/fs.hpp"

namespace fs = std::filesystem;

namespace carnet::test {

namespace {
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}
}  // namespace

RunResult run_shell(const std::string& command) {
  RunResult r;
  auto err_file = fs::temp_directory_path() / ("carnet-test-stderr-" + std::to_string(::getpid()));
  std::string full = "(" + command + ") 2>" + shell_quote(err_file.string());
  FILE* p = ::popen(full.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int raw = ::pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::error_code ec;
  if (fs::exists(err_file, ec)) {
    r.err = base::read_file(err_file);
    fs::remove(err_file, ec);
  }
  return r;
}

RunResult run_carnet(const std::vector<std::string>& args) {
  std::string cmd = shell_quote(CARNET_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  return run_shell(cmd);
}

namespace {
// CTest runs test cases as parallel processes; the process id keeps their
// folders apart, and they are removed when the process ends
// (CARNET_KEEP_SCRATCH=1 keeps them, to look at after a failure).
struct ScratchFolders {
  std::vector<fs::path> made;
  ~ScratchFolders() {
    if (std::getenv("CARNET_KEEP_SCRATCH")) return;
    std::error_code ec;
    for (const auto& dir : made) fs::remove_all(dir, ec);
  }
};
ScratchFolders scratch_folders;
}  // namespace

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() /
             ("carnet-e2e-" + name + "-" + std::to_string(static_cast<long>(::getpid())));
  fs::remove_all(dir);
  fs::create_directories(dir);
  scratch_folders.made.push_back(dir);
  return dir;
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out[e.path().lexically_relative(dir).generic_string()] = base::read_file(e.path());
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> broken_relative_links(const fs::path& out) {
  std::vector<std::string> broken;
  static const std::regex attr(R"re((?:href|src)="([^"]*)")re");
  for (const auto& [rel, bytes] : read_tree(out)) {
    if (rel.size() < 5 || rel.compare(rel.size() - 5, 5, ".html") != 0 || rel == "404.html")
      continue;
    const fs::path page_dir = fs::path(rel).parent_path();
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), attr);
         it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1];
      if (target.empty() || target[0] == '#' || target[0] == '/' ||
          target.find(':') != std::string::npos)
        continue;
      target = target.substr(0, target.find_first_of("#?"));
      fs::path resolved = (page_dir / target).lexically_normal();
      std::string s = resolved.generic_string();
      if (s.rfind("..", 0) == 0) {
        broken.push_back(rel + ": " + (*it)[1].str() + " (leaves the site)");
        continue;
      }
      if (s.empty() || s == "." || s.back() == '/' || fs::is_directory(out / resolved))
        resolved /= "index.html";
      if (!fs::exists(out / resolved)) broken.push_back(rel + ": " + (*it)[1].str());
    }
  }
  return broken;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string squeeze(const std::string& s) {
  static const std::vector<std::string> dropped = {
      "\u00A0", "\u00AD", "\u2002", "\u2011", "\u202F", " ", "\n", "\r", "\t", "\f", "-"};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "\u2019") == 0) {
      out += '\'';
      i += 3;
      continue;
    }
    bool skip = false;
    for (const auto& d : dropped)
      if (s.compare(i, d.size(), d) == 0) {
        i += d.size();
        skip = true;
        break;
      }
    if (!skip) out += s[i++];
  }
  return out;
}

load::yaml::Node yaml_text(const std::string& text) {
  auto parsed = load::yaml::parse(text);
  if (parsed.error) throw std::runtime_error("invalid YAML: " + parsed.error->problem);
  if (parsed.second_document) throw std::runtime_error("a second YAML document");
  return parsed.root;
}

load::yaml::Node yaml_file(const std::filesystem::path& file) {
  // The tree refers to no text once built: a temporary is fine.
  return yaml_text(base::read_file(file));
}

}  // namespace carnet::test
