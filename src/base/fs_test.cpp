#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>

#include "base/fs.hpp"
#include "base/system_error.hpp"

namespace fs = std::filesystem;

TEST_CASE("fs: a write that fails leaves the old file whole", "[base]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-test";
  fs::remove_all(dir);
  const fs::path file = dir / "plan.plan.yaml";
  carnet::base::write_file(file, "title: Plan\n");
  CHECK(carnet::base::read_file(file) == "title: Plan\n");

  // A file-size limit makes the next write fail part-way, as a full disk would.
  rlimit before{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
  auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = before;
  small.rlim_cur = 64;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  CHECK_THROWS_AS(carnet::base::write_file(file, std::string(4096, 'x')),
                  carnet::base::SystemError);
  ::setrlimit(RLIMIT_FSIZE, &before);
  std::signal(SIGXFSZ, old_handler);

  CHECK(carnet::base::read_file(file) == "title: Plan\n");
  CHECK_FALSE(fs::exists(dir / "plan.plan.yaml.carnet-tmp"));
  carnet::base::write_file(file, "title: Plan 2\n");
  CHECK(carnet::base::read_file(file) == "title: Plan 2\n");
  fs::remove_all(dir);
}
