// Which addresses `serve --host` takes without --allow-remote, and which Host
// headers a preview started with --allow-remote answers besides localhost's.
#include <catch2/catch.hpp>

#include "cli/serve/request_path.hpp"

using carnet::cli::serve::is_loopback_address;
using carnet::cli::serve::is_remote_host_allowed;

TEST_CASE("serve: loopback addresses need no --allow-remote", "[publishing]") {
  for (const char* ok :
       {"127.0.0.1", "127.0.0.2", "127.255.255.254", "localhost", "LOCALHOST", "::1", "[::1]"})
    CHECK(is_loopback_address(ok));
  for (const char* remote :
       {"0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "127.0.0", "127.0.0.1.nip.io", "1270.0.0.1",
        "127.0.0.256", "example.org", "", "localhost.example"})
    CHECK_FALSE(is_loopback_address(remote));
}

TEST_CASE("serve: --allow-remote answers IP addresses and the forwarded names only",
          "[publishing]") {
  const std::vector<std::string> forwarded{"space-1313.app.github.dev"};
  for (const char* ok :
       {"10.0.0.1", "10.0.0.1:1313", "192.168.1.20:8080", "[fd00::1]", "[fd00::1]:1313",
        "[::ffff:10.0.0.1]", "space-1313.app.github.dev", "SPACE-1313.app.github.dev:443"}) {
    INFO(ok);
    CHECK(is_remote_host_allowed(ok, forwarded));
  }
  for (const char* refused :
       {"", "evil.example", "evil.example:1313", "10.0.0.1.nip.io", "10.0.0.1:", "10.0.0.1:80a",
        "10.0.0.1:123456", "256.0.0.1", "1.2.3", "[evil]", "[]", "space-1313.app.github.dev.evil",
        "other-1313.app.github.dev", "[fd00::1]x"}) {
    INFO(refused);
    CHECK_FALSE(is_remote_host_allowed(refused, forwarded));
  }
  CHECK_FALSE(is_remote_host_allowed("space-1313.app.github.dev", {}));
  CHECK_FALSE(is_remote_host_allowed("anything", {""}));
}
