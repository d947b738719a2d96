#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

namespace {

// Runs `body` in a child process that has dropped root's privileges (the
// tests run as root, whom permissions do not stop), and returns its exit
// status; -1 when privileges cannot be dropped.
template <class F>
int as_nobody(F&& body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(100);
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) != 100 ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("fs: read_file reads whole files of any size, and files whose size is unknown",
          "[base]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-read-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{65536}, size_t{200001}}) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + i % 26);
    carnet::base::write_file(dir / "f", bytes);
    CHECK(carnet::base::read_file(dir / "f") == bytes);
  }
  // /proc files say they are empty and are not: read to their end.
  const std::string status = carnet::base::read_file("/proc/self/status");
  CHECK(status.find("Name:") == 0);
  CHECK(status.back() == '\n');
  // A folder is an error that names it, as a missing file is.
  CHECK_THROWS_WITH(carnet::base::read_file(dir), Catch::Contains("carnet-fs-read-test"));
  CHECK_THROWS_WITH(carnet::base::read_file(dir / "missing"), Catch::Contains("missing"));
  fs::remove_all(dir);
}

TEST_CASE("fs: a folder that cannot be read is an error that names it", "[base]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-unreadable";
  fs::remove_all(dir);
  carnet::base::write_file(dir / "a.fr.md", "a");
  carnet::base::write_file(dir / "rapports/b.fr.md", "b");
  carnet::base::write_file(dir / "rapports/secret/c.fr.md", "c");
  fs::permissions(fs::temp_directory_path() / "carnet-fs-unreadable", fs::perms::all,
                  fs::perm_options::add);
  for (const auto& e : fs::recursive_directory_iterator(dir))
    fs::permissions(e.path(), fs::perms::all, fs::perm_options::add);
  fs::permissions(dir / "rapports/secret", fs::perms::none);

  const int status = as_nobody([&] {
    try {
      carnet::base::list_files(dir);
      return 1;  // the folder's pages would have been left out in silence
    } catch (const carnet::base::SystemError& e) {
      const std::string m = e.what();
      return m == "reading '" + (dir / "rapports/secret").string() + "': Permission denied" ? 0 : 2;
    }
  });
  if (status == -1) WARN("cannot drop root's privileges here; the test proves nothing");
  CHECK((status == 0 || status == -1));
  fs::permissions(dir / "rapports/secret", fs::perms::owner_all);
  CHECK(carnet::base::list_files(dir) ==
        std::vector<std::string>{"a.fr.md", "rapports/b.fr.md", "rapports/secret/c.fr.md"});
  fs::remove_all(dir);
}

TEST_CASE("fs: a pipe or a broken link among the files is an error that names it", "[base]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-special";
  fs::remove_all(dir);
  carnet::base::write_file(dir / "a.fr.md", "a");
  REQUIRE(::mkfifo((dir / "tube.fr.md").c_str(), 0644) == 0);
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    Catch::Contains("tube.fr.md': neither a file nor a folder"));
  fs::remove(dir / "tube.fr.md");
  fs::create_symlink(dir / "gone.fr.md", dir / "lien.fr.md");
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    Catch::Contains("lien.fr.md': the link leads to nothing"));
  fs::remove_all(dir);
}

TEST_CASE("fs: a link to a folder that holds it (a loop) is an error, never followed",
          "[base][harden]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-loop";
  fs::remove_all(dir);
  carnet::base::write_file(dir / "img/photo.jpg", "jpeg");
  fs::create_directory_symlink("..", dir / "img/parent");
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    "reading '" + (dir / "img/parent").string() +
                        "': the link leads back to '.', a folder that holds it (a loop); Carnet "
                        "does not follow it: remove the link");
  fs::remove(dir / "img/parent");
  fs::create_directory_symlink(".", dir / "img/self");
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    Catch::Contains("img/self': the link leads back to 'img', a folder that holds "
                                    "it (a loop)"));
  fs::remove_all(dir);
}

TEST_CASE("fs: a link to a folder listed already is an error; a hidden one is followed once",
          "[base][harden]") {
  const fs::path dir = fs::temp_directory_path() / "carnet-fs-twice";
  fs::remove_all(dir);
  carnet::base::write_file(dir / "img/photo.jpg", "jpeg");
  carnet::base::write_file(dir / ".shared/logo.svg", "svg");
  fs::create_directories(dir / "docs");
  fs::create_directory_symlink("../img", dir / "docs/images");
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    Catch::Contains("docs/images': the link leads to 'img', which is published "
                                    "already; Carnet does not follow it"));
  fs::remove(dir / "docs/images");
  fs::create_directory_symlink("../.shared", dir / "docs/shared");
  CHECK(carnet::base::list_files(dir) ==
        std::vector<std::string>{"docs/shared/logo.svg", "img/photo.jpg"});
  fs::create_directory_symlink(".shared", dir / "again");
  CHECK_THROWS_WITH(carnet::base::list_files(dir),
                    Catch::Contains("the link leads to '.shared', which is published already"));
  fs::remove_all(dir);
}
