#include "cli/serve/request_path.hpp"

#include <catch2/catch.hpp>
#include <set>

using carnet::cli::serve::decode_path;
using carnet::cli::serve::resolve_request;
using Kind = carnet::cli::serve::ResolvedRequest::Kind;

namespace {
const std::set<std::string> files = {"index.html",    "en/index.html",  "en/reports/x/index.html",
                                     "css/style.css", "images/a b.svg", "404.html"};
auto resolve(std::string_view target, std::string_view base = "/parc-ex/") {
  return resolve_request(target, base, [](const std::string& p) { return files.count(p) > 0; });
}
}  // namespace

TEST_CASE("serve: paths map to files under the base path as on the host", "[authoring]") {
  CHECK(resolve("/parc-ex/").kind == Kind::file);
  CHECK(resolve("/parc-ex/").path == "index.html");
  CHECK(resolve("/parc-ex/en/reports/x/?utm=1").path == "en/reports/x/index.html");
  CHECK(resolve("/parc-ex/css/style.css").path == "css/style.css");
  CHECK(resolve("/parc-ex/images/a%20b.svg").path == "images/a b.svg");
  auto r = resolve("/parc-ex/en");
  CHECK(r.kind == Kind::redirect);
  CHECK(r.path == "/parc-ex/en/");
  CHECK(resolve("/").kind == Kind::redirect);
  CHECK(resolve("/").path == "/parc-ex/");
  CHECK(resolve("/parc-ex").path == "/parc-ex/");
  CHECK(resolve("/other/").kind == Kind::outside);
  CHECK(resolve("/parc-ex/nope/").kind == Kind::not_found);
  CHECK(resolve("/", "/").path == "index.html");
}

TEST_CASE("serve: paths that try to leave the site are refused", "[authoring]") {
  for (const char* evil :
       {"/parc-ex/../etc/passwd", "/parc-ex/%2e%2e/%2e%2e/etc/passwd", "/parc-ex/%2E%2E/x",
        "/parc-ex/..%2f..%2fetc/passwd", "/parc-ex/%2e%2e%2fcarnet.yaml", "/parc-ex/..%5cx",
        "/parc-ex/a\\..\\..\\x", "/parc-ex/%00", "/parc-ex/index.html%00.css", "/parc-ex/./",
        "/parc-ex/%252e%252e/x", "/parc-ex/%zz", "/parc-ex/%2", "parc-ex/", "/parc-ex/\x01"}) {
    INFO(evil);
    CHECK(resolve(evil).kind == Kind::bad_request);
  }
  CHECK(decode_path("/a%20b/%C3%A9") == "/a b/\xC3\xA9");
  CHECK_FALSE(decode_path("/a%2Fb"));
}

TEST_CASE("serve: only Host headers of this computer are answered", "[authoring]") {
  for (const char* ok :
       {"localhost", "LocalHost:1313", "127.0.0.1", "127.0.0.1:8080", "[::1]", "[::1]:1313"}) {
    INFO(ok);
    CHECK(carnet::cli::serve::is_local_host(ok));
  }
  for (const char* evil :
       {"", "evil.example", "evil.example:1313", "localhost.evil.example", "127.0.0.1.nip.io",
        "localhost:", "localhost:1313:1313", "localhost:80a", "127.0.0.2", "[::1]x", "::1",
        "[::2]:80", "localhost :80", "0.0.0.0:1313"}) {
    INFO(evil);
    CHECK_FALSE(carnet::cli::serve::is_local_host(evil));
  }
}
