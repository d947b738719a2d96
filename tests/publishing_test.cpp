// Carnet for people who do not compile (issue 14): the problem matcher the
// starter ships, applied to the real output of `carnet check`; the starter's
// workflows and devcontainer (parsed, steps in order, the package's SHA-256
// checked before it is installed); Carnet's own CI and release workflows;
// `--version`; and `serve --host`, refused without --allow-remote and, with
// it, answering the Host headers of a port forward. The package itself is
// tested by tests/package_test.sh (CTest `package`).
#include <sys/eventfd.h>
#include <unistd.h>

#include <httplib.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "base/fs.hpp"
#include "cli/serve_command.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using carnet::test::run_carnet;
using carnet::test::source_dir;

namespace {

const fs::path starter = source_dir / "starter";

// "0.1.0" from `carnet 0.1.0 (commit …)`.
std::string carnet_version() {
  auto r = run_carnet({"--version"});
  REQUIRE(r.status == 0);
  std::smatch m;
  const std::string out = r.out;
  REQUIRE(
      std::regex_search(out, m, std::regex(R"(^carnet (\d+\.\d+\.\d+) \(commit ([^)]+)\)\n$)")));
  return m[1];
}

// The index of the first step for which `pred` holds, -1 if none.
template <class Pred>
int step_index(const carnet::load::yaml::Node& steps, Pred pred) {
  for (size_t i = 0; i < steps.size(); ++i)
    if (pred(steps[i])) return static_cast<int>(i);
  return -1;
}

std::string run_of(const carnet::load::yaml::Node& step) {
  return step["run"] ? step["run"].as_string() : "";
}
std::string if_of(const carnet::load::yaml::Node& step) {
  return step["if"] ? step["if"].as_string() : "";
}
std::string uses_of(const carnet::load::yaml::Node& step) {
  return step["uses"] ? step["uses"].as_string() : "";
}
bool runs(const carnet::load::yaml::Node& step, const std::string& text) {
  return run_of(step).find(text) != std::string::npos;
}

// What a diagnostic line says, read without a regular expression: the
// location is everything before the first ": error: " or ": warning: ", its
// last one or two parts of digits are the line and column.
struct Diagnostic {
  std::string file, line, column, severity, message;
  bool operator==(const Diagnostic&) const = default;
};
std::optional<Diagnostic> read_diagnostic(const std::string& text) {
  if (text.empty() || text[0] == ' ' || text.rfind("carnet: ", 0) == 0) return std::nullopt;
  size_t at = std::string::npos;
  std::string severity;
  for (const char* s : {"error", "warning"}) {
    size_t found = text.find(std::string(": ") + s + ": ");
    if (found < at) at = found, severity = s;
  }
  if (at == std::string::npos) return std::nullopt;
  Diagnostic d;
  d.severity = severity;
  d.message = text.substr(at + severity.size() + 4);
  std::string location = text.substr(0, at);
  std::vector<std::string> numbers;
  auto is_number = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  while (numbers.size() < 2) {
    size_t colon = location.rfind(':');
    if (colon == std::string::npos || !is_number(location.substr(colon + 1))) break;
    numbers.insert(numbers.begin(), location.substr(colon + 1));
    location.resize(colon);
  }
  d.file = location;
  if (!numbers.empty()) d.line = numbers[0];
  if (numbers.size() > 1) d.column = numbers[1];
  return d;
}

// The matcher's pattern applied as GitHub does: each group by its number.
struct Matcher {
  std::regex regexp;
  int file, line, column, severity, message;

  static Matcher load() {
    auto json =
        nlohmann::json::parse(carnet::base::read_file(starter / ".github/carnet-matcher.json"));
    REQUIRE(json["problemMatcher"].size() == 1);
    const auto& matcher = json["problemMatcher"][0];
    CHECK(matcher["owner"] == "carnet");
    REQUIRE(matcher["pattern"].size() == 1);  // one line per problem
    const auto& p = matcher["pattern"][0];
    return {std::regex(p["regexp"].get<std::string>(), std::regex::ECMAScript),
            p["file"].get<int>(),
            p["line"].get<int>(),
            p["column"].get<int>(),
            p["severity"].get<int>(),
            p["message"].get<int>()};
  }

  std::optional<Diagnostic> apply(const std::string& text) const {
    std::smatch m;
    if (!std::regex_match(text, m, regexp)) return std::nullopt;
    return Diagnostic{m[file], m[line], m[column], m[severity], m[message]};
  }
};

}  // namespace

TEST_CASE(
    "publishing: the problem matcher reads every line of carnet check on the invalid fixtures",
    "[publishing]") {
  const Matcher matcher = Matcher::load();
  size_t diagnostics = 0, warnings = 0;
  std::vector<fs::path> sites;
  for (const auto& e : fs::directory_iterator(source_dir / "tests/fixtures/invalid"))
    sites.push_back(e.path() / "site");
  sites.push_back(starter);  // warnings only, and "Links to other sites" lines
  std::sort(sites.begin(), sites.end());
  for (const auto& site : sites) {
    auto r = run_carnet({"check", site.string()});
    for (const auto& text : carnet::test::lines_of(r.err + r.out)) {
      INFO(site.string() << ": " << text);
      auto expected = read_diagnostic(text);
      auto matched = matcher.apply(text);
      CHECK(matched.has_value() == expected.has_value());
      if (matched && expected) {
        CHECK(*matched == *expected);
        ++diagnostics;
        warnings += expected->severity == "warning";
      }
    }
  }
  // Every fixture has errors; some warn as well.
  CHECK(diagnostics > 60);
  CHECK(warnings > 0);

  // Lines the fixtures do not print: no column, no line, a colon or a space
  // in the file name, and Carnet's own failures (no file to point at).
  CHECK(matcher.apply("carnet.yaml:4: error: x") ==
        Diagnostic{"carnet.yaml", "4", "", "error", "x"});
  CHECK(matcher.apply("static/a b.png: warning: no: description") ==
        Diagnostic{"static/a b.png", "", "", "warning", "no: description"});
  CHECK(matcher.apply("content/a:b.md:3:7: error: m") ==
        Diagnostic{"content/a:b.md", "3", "7", "error", "m"});
  CHECK_FALSE(matcher.apply("carnet: error: reading 'x': Permission denied"));
  CHECK_FALSE(matcher.apply("  carnet.yaml:25:13  https://www.example.org/"));
  CHECK_FALSE(matcher.apply("4 errors"));
}

TEST_CASE("publishing: the starter's Pages workflow installs the released package, checksum first",
          "[publishing]") {
  const carnet::load::yaml::Node wf =
      carnet::test::yaml_file((starter / ".github/workflows/pages.yml").string());
  // The pinned version is this Carnet's: a new version needs the starter updated.
  const std::string env_version = wf["env"]["CARNET_VERSION"].as_string();
  CHECK(env_version.find("'" + carnet_version() + "'") != std::string::npos);
  CHECK(wf["on"]["workflow_dispatch"]["inputs"]["from_source"]["type"].as_string() == "boolean");

  const carnet::load::yaml::Node steps = wf["jobs"]["build"]["steps"];
  REQUIRE(steps.is_sequence());
  int checkout = step_index(
      steps, [](const auto& s) { return uses_of(s).rfind("actions/checkout@", 0) == 0; });
  int download =
      step_index(steps, [](const auto& s) { return runs(s, "curl") && runs(s, ".deb"); });
  int verify = step_index(steps, [](const auto& s) { return runs(s, "sha256sum -c"); });
  int install = step_index(
      steps, [](const auto& s) { return runs(s, "apt-get install") && runs(s, ".deb\""); });
  int compile = step_index(steps, [](const auto& s) { return runs(s, "cmake --build"); });
  int build = step_index(steps, [](const auto& s) { return runs(s, "carnet build ."); });
  int upload = step_index(steps, [](const auto& s) {
    return uses_of(s).rfind("actions/upload-pages-artifact@", 0) == 0;
  });
  CHECK(checkout >= 0);
  CHECK(0 <= download);
  CHECK(download < verify);
  CHECK(verify < install);
  CHECK(install < build);
  CHECK(build < upload);
  CHECK(compile >= 0);
  CHECK(compile < build);
  // Both checksum sources go through sha256sum -c: a pinned CARNET_SHA256, or
  // the .sha256 file of the release.
  CHECK(runs(steps[verify], "echo \"$CARNET_SHA256  $deb\" | sha256sum -c"));
  CHECK(runs(steps[verify], "sha256sum -c \"$deb.sha256\""));
  // The package's steps and the source's are each other's alternative.
  for (int i : {download, verify, install}) CHECK(if_of(steps[i]) == "env.FROM_SOURCE != 'true'");
  CHECK(if_of(steps[compile]).find("env.FROM_SOURCE == 'true'") == 0);
  CHECK(if_of(steps[build]).empty());
}

TEST_CASE("publishing: the starter's check workflow registers the matcher, then checks",
          "[publishing]") {
  const carnet::load::yaml::Node wf =
      carnet::test::yaml_file((starter / ".github/workflows/check.yml").string());
  CHECK(wf["on"]["pull_request"]);
  CHECK(wf["jobs"]["check"]["container"].as_string() == "debian:bookworm");
  CHECK(wf["env"]["CARNET_VERSION"].as_string().find("'" + carnet_version() + "'") !=
        std::string::npos);
  const carnet::load::yaml::Node steps = wf["jobs"]["check"]["steps"];
  int download =
      step_index(steps, [](const auto& s) { return runs(s, "curl") && runs(s, ".deb"); });
  int verify = step_index(steps, [](const auto& s) { return runs(s, "sha256sum -c"); });
  int install = step_index(
      steps, [](const auto& s) { return runs(s, "apt-get install") && runs(s, ".deb\""); });
  int matcher = step_index(steps, [](const auto& s) { return runs(s, "::add-matcher::"); });
  int check = step_index(steps, [](const auto& s) { return runs(s, "carnet check"); });
  CHECK(0 <= download);
  CHECK(download < verify);
  CHECK(verify < install);
  CHECK(install < check);
  CHECK(0 <= matcher);
  CHECK(matcher < check);
  CHECK(runs(steps[matcher], "echo \"::add-matcher::.github/carnet-matcher.json\""));
  CHECK(runs(steps[check], "carnet check . --strict"));
}

TEST_CASE("publishing: the devcontainer installs the checked package and starts the preview",
          "[publishing]") {
  auto dc =
      nlohmann::json::parse(carnet::base::read_file(starter / ".devcontainer/devcontainer.json"));
  CHECK(dc["forwardPorts"] == nlohmann::json::array({1313}));
  CHECK(dc["build"]["args"]["CARNET_VERSION"] == carnet_version());
  const std::string start = dc["postAttachCommand"];
  CHECK(start == "carnet serve --host 0.0.0.0 --allow-remote");
  const fs::path dockerfile =
      starter / ".devcontainer" / dc["build"]["dockerfile"].get<std::string>();
  const std::string docker = carnet::base::read_file(dockerfile);
  CHECK(docker.rfind("FROM debian:bookworm") != std::string::npos);
  size_t download = docker.find("curl -fsSL --retry 3 -o \"$deb\"");
  size_t verify = docker.find("sha256sum -c");
  size_t install = docker.find("apt-get install -y -q --no-install-recommends \"./$deb\"");
  REQUIRE(download != std::string::npos);
  CHECK(download < verify);
  CHECK(verify != std::string::npos);
  CHECK(verify < install);
  CHECK(install != std::string::npos);
}

TEST_CASE("publishing: carnet new writes the workflows, the matcher and the devcontainer",
          "[publishing]") {
  fs::path site = carnet::test::scratch("publishing-new") / "site";
  auto r = run_carnet({"new", site.string()});
  REQUIRE(r.status == 0);
  for (const char* f :
       {".github/workflows/pages.yml", ".github/workflows/check.yml", ".github/carnet-matcher.json",
        ".devcontainer/devcontainer.json", ".devcontainer/Dockerfile"}) {
    INFO(f);
    CHECK(carnet::base::read_file(site / f) == carnet::base::read_file(starter / f));
  }
}

TEST_CASE("publishing: Carnet's own CI runs the README's test command; a tag makes a release",
          "[publishing]") {
  const carnet::load::yaml::Node ci =
      carnet::test::yaml_file((source_dir / ".github/workflows/ci.yml").string());
  CHECK(ci["on"]["push"]);
  CHECK(ci["on"]["pull_request"]);
  CHECK(ci["jobs"]["test"]["container"].as_string() == "debian:bookworm");
  CHECK(step_index(ci["jobs"]["test"]["steps"],
                   [](const auto& s) { return run_of(s) == "scripts/test.sh"; }) >= 0);
  CHECK(carnet::base::read_file(source_dir / "README.md").find("scripts/test.sh") !=
        std::string::npos);

  const carnet::load::yaml::Node rel =
      carnet::test::yaml_file((source_dir / ".github/workflows/release.yml").string());
  CHECK(rel["on"]["push"]["tags"][0].as_string() == "v*");
  CHECK(rel["permissions"]["contents"].as_string() == "write");
  const carnet::load::yaml::Node steps = rel["jobs"]["deb"]["steps"];
  int package = step_index(steps, [](const auto& s) { return runs(s, "scripts/package.sh"); });
  int sum = step_index(
      steps, [](const auto& s) { return runs(s, "sha256sum \"carnet_${VERSION}_amd64.deb\" >"); });
  int release = step_index(steps, [](const auto& s) { return runs(s, "gh release create"); });
  CHECK(0 <= package);
  CHECK(package < sum);
  CHECK(sum < release);
  CHECK(runs(steps[release],
             "\"carnet_${VERSION}_amd64.deb\" \"carnet_${VERSION}_amd64.deb.sha256\""));
}

TEST_CASE("publishing: --version prints the version and the commit", "[publishing]") {
  auto r = run_carnet({"--version"});
  CHECK(r.status == 0);
  CHECK(std::regex_match(r.out, std::regex(R"(carnet \d+\.\d+\.\d+ \(commit [^ )]+\)\n)")));
  const std::string cmake = carnet::base::read_file(source_dir / "CMakeLists.txt");
  CHECK(cmake.find("project(carnet VERSION " + carnet_version() + " ") != std::string::npos);
}

TEST_CASE("publishing: serve --host off this computer needs --allow-remote", "[publishing]") {
  fs::path none = carnet::test::scratch("publishing-no-site");
  for (const char* host : {"10.0.0.1", "0.0.0.0", "::", "example.org"}) {
    INFO(host);
    auto r = run_carnet({"serve", none.string(), "--host", host});
    CHECK(r.status == 2);
    CHECK(r.err ==
          std::string("carnet serve: --host ") + host +
              " would let other computers read the preview (drafts included, with no password); "
              "add --allow-remote if that is meant (a container's port forward needs --host "
              "0.0.0.0 --allow-remote)\n");
  }
  // With the flag, or on a loopback address, the host is fine: what fails
  // next is the missing site.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--host", "10.0.0.1", "--allow-remote"},
        std::vector<std::string>{"--host", "127.0.0.2"},
        std::vector<std::string>{"--host", "::1"}}) {
    std::vector<std::string> all{"serve", none.string()};
    all.insert(all.end(), args.begin(), args.end());
    auto r = run_carnet(all);
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("carnet.yaml") != std::string::npos);
  }
}

TEST_CASE("publishing: serve --allow-remote answers a port forward's Host, still not rebinding",
          "[publishing]") {
  fs::path site = carnet::test::scratch("publishing-serve") / "site";
  REQUIRE(run_carnet({"new", site.string()}).status == 0);
  ::setenv("CODESPACE_NAME", "fuzzy-space-robot-x4", 1);
  ::setenv("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN", "app.github.dev", 1);
  int stop = ::eventfd(0, EFD_CLOEXEC);
  std::promise<int> ready;
  auto port_future = ready.get_future();
  int status = -1;
  std::thread serving([&] {
    carnet::cli::ServeOptions options;
    options.site = site.string();
    options.port = 0;
    options.quiet = true;
    options.host = "0.0.0.0";
    options.allow_remote = true;
    status = carnet::cli::run_serve(options, stop, [&](int p) { ready.set_value(p); });
  });
  REQUIRE(port_future.wait_for(20s) == std::future_status::ready);
  const int port = port_future.get();
  ::unsetenv("CODESPACE_NAME");
  ::unsetenv("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN");
  httplib::Client client("127.0.0.1", port);
  auto status_for = [&](const std::string& host) {
    auto res = client.Get("/", {{"Host", host}});
    return res ? res->status : -1;
  };
  const std::string p = std::to_string(port);
  for (const std::string& ok :
       std::vector<std::string>{"localhost:" + p, "10.1.2.3:" + p, "192.168.0.7", "[fd00::1]:" + p,
                                "fuzzy-space-robot-x4-" + p + ".app.github.dev",
                                "Fuzzy-Space-Robot-X4-" + p + ".app.github.dev:443"}) {
    INFO(ok);
    int s = status_for(ok);
    CHECK((s == 200 || s == 301 || s == 302 || s == 404));
  }
  for (const std::string& evil :
       std::vector<std::string>{"evil.example", "evil.example:" + p, "10.1.2.3.nip.io",
                                "other-space-" + p + ".app.github.dev", "10.1.2.3:80a"}) {
    INFO(evil);
    CHECK(status_for(evil) == 403);
  }
  uint64_t one = 1;
  (void)!::write(stop, &one, sizeof one);
  serving.join();
  ::close(stop);
  CHECK(status == 0);
}
