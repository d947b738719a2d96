// A folder of the site that cannot be read must stop the build, not drop
// its pages from an output that then replaces the good one. The tests run
// as root, whom permissions do not stop, so the binary runs as nobody.
#include <catch2/catch.hpp>
#include <filesystem>

#include "base/fs.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace carnet::test;

TEST_CASE("build and check: an unreadable folder under content/ is an error", "[e2e]") {
  const fs::path work = scratch("unreadable");
  const fs::path site = work / "site";
  fs::copy(source_dir / "tests/fixtures/sites/basic", site, fs::copy_options::recursive);
  const fs::path out = work / "output";
  REQUIRE(run_carnet({"build", site.string(), "-o", out.string(), "-q"}).status == 0);
  const auto good = read_tree(out);
  for (const auto& e : fs::recursive_directory_iterator(work))
    fs::permissions(e.path(), fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
  fs::permissions(work, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  fs::permissions(site / "content/rapports", fs::perms::owner_all);  // nobody may not enter

  const std::string as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  auto probe = run_shell(as_nobody + "true");
  if (probe.status != 0) {
    WARN("cannot run as nobody here; the test proves nothing");
    return;
  }
  auto build = run_shell(as_nobody + CARNET_BINARY + std::string(" build ") + site.string() +
                         " -o " + out.string());
  CHECK(build.status == 1);
  CHECK(build.err.find("reading '" + (site / "content/rapports").string() +
                       "': Permission denied") != std::string::npos);
  CHECK(read_tree(out) == good);

  auto check = run_shell(as_nobody + CARNET_BINARY + std::string(" check ") + site.string());
  CHECK(check.status == 1);
  CHECK(check.err.find("content/rapports': Permission denied") != std::string::npos);
  fs::permissions(site / "content/rapports",
                  fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
}
