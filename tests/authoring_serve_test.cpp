// `carnet serve` end to end, in process: a real HTTP client against a running
// preview of the starter site — pages under the base path, reload events
// after a file change, the error page while the site has an error, and
// traversal attempts refused.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <thread>

#include "base/fs.hpp"
#include "cli/serve/unique_fd.hpp"
#include "cli/serve_command.hpp"
#include "e2e_support.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// The repository's starter/ as `carnet new demo` writes it.
fs::path starter_copy(const std::string& name) {
  fs::path dir = carnet::test::scratch(name);
  const fs::path starter = carnet::test::source_dir / "starter";
  for (const auto& e : fs::recursive_directory_iterator(starter)) {
    if (!e.is_regular_file()) continue;
    std::string bytes = carnet::base::read_file(e.path());
    for (size_t at; (at = bytes.find("@SITE@")) != std::string::npos;) bytes.replace(at, 6, "demo");
    carnet::base::write_file(dir / e.path().lexically_relative(starter), bytes);
  }
  return dir;
}

// Runs the preview in a thread; stops it (and waits) when destroyed.
class RunningPreview {
 public:
  explicit RunningPreview(const fs::path& site) : stop_(::eventfd(0, EFD_CLOEXEC)) {
    std::promise<int> ready;
    auto port = ready.get_future();
    thread_ = std::thread([this, site, ready = std::move(ready)]() mutable {
      carnet::cli::ServeOptions options;
      options.site = site.string();
      options.port = 0;
      options.quiet = true;
      status_ = carnet::cli::run_serve(options, stop_, [&](int p) { ready.set_value(p); });
    });
    REQUIRE(port.wait_for(20s) == std::future_status::ready);
    port_ = port.get();
  }
  ~RunningPreview() { stop(); }
  int stop() {
    if (thread_.joinable()) {
      uint64_t one = 1;
      (void)!::write(stop_, &one, sizeof one);
      thread_.join();
      ::close(stop_);
    }
    return status_;
  }
  int port() const { return port_; }

 private:
  int stop_;
  int port_ = 0;
  int status_ = -1;
  std::thread thread_;
};

// A reload stream read in a thread, as a browser's EventSource reads it.
class ReloadStream {
 public:
  explicit ReloadStream(int port)
      : listener_([this, port] {
          httplib::Client http("127.0.0.1", port);
          http.set_read_timeout(30s);
          http.Get("/__carnet/events", [&](const char* data, size_t n) {
            {
              std::lock_guard lock(mutex_);
              stream_.append(data, n);
            }
            cv_.notify_all();
            return !done_.load();
          });
        }) {}
  ~ReloadStream() { listener_.join(); }
  ReloadStream(const ReloadStream&) = delete;
  ReloadStream& operator=(const ReloadStream&) = delete;

  // Whether `text` arrived within 10 s.
  bool wait_for(const std::string& text) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, 10s, [&] { return stream_.find(text) != std::string::npos; });
  }
  // The stream ends at the next data it receives (or when the preview stops).
  void stop_after_next() { done_ = true; }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string stream_;
  std::atomic<bool> done_{false};
  std::thread listener_;  // last: it uses the members above
};

// Polls until `pred` holds, for at most `limit`.
template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds limit = 10s) {
  for (auto end = std::chrono::steady_clock::now() + limit;
       std::chrono::steady_clock::now() < end;) {
    if (pred()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return pred();
}

// A connection made by hand, for requests no well-behaved client sends.
carnet::cli::serve::UniqueFd raw_connect(int port) {
  carnet::cli::serve::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  REQUIRE(fd);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

void raw_send(int fd, const std::string& bytes) {
  REQUIRE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(bytes.size()));
}

// What arrives on `fd` until `until` is seen, the peer closes, or `limit` passes.
std::string raw_read(int fd, std::chrono::milliseconds limit, const std::string& until = "") {
  std::string got;
  auto end = std::chrono::steady_clock::now() + limit;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    end - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char buf[4096];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
    if (!until.empty() && got.find(until) != std::string::npos) break;
  }
  return got;
}

std::string raw_request(int port, const std::string& request,
                        std::chrono::milliseconds limit = 1000ms) {
  auto fd = raw_connect(port);
  raw_send(fd.get(), request);
  return raw_read(fd.get(), limit);
}

}  // namespace

TEST_CASE("serve: the starter site under its base path, with the reload script", "[authoring]") {
  auto site = starter_copy("serve-pages");
  RunningPreview preview(site);
  httplib::Client http("127.0.0.1", preview.port());
  http.set_url_encode(false);

  auto home = http.Get("/demo/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(home->body.find("new EventSource(\"/__carnet/events\")") != std::string::npos);
  CHECK(home->body.find("http://127.0.0.1:" + std::to_string(preview.port()) + "/demo/") !=
        std::string::npos);

  auto root = http.Get("/");
  REQUIRE(root);
  CHECK(root->status == 301);
  CHECK(root->get_header_value("Location") == "/demo/");
  auto folder = http.Get("/demo/en");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/demo/en/");
  auto en = http.Get("/demo/en/");
  REQUIRE(en);
  CHECK(en->status == 200);
  CHECK(en->body.find("<html lang=\"en\"") != std::string::npos);
  auto svg = http.Get("/demo/images/assemblee.svg");
  REQUIRE(svg);
  CHECK(svg->status == 200);
  CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");
  // The open data comes from the same pipeline as `carnet build`.
  auto json = http.Get("/demo/data/plan-action.json");
  REQUIRE(json);
  CHECK(json->status == 200);
  CHECK(json->get_header_value("Content-Type") == "application/json");
  auto csv = http.Get("/demo/data/plan-action.en.csv");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  // A second preview on the same port fails instead of sharing it.
  carnet::cli::ServeOptions second;
  second.site = site.string();
  second.port = preview.port();
  second.quiet = true;
  int never = ::eventfd(0, EFD_CLOEXEC);
  CHECK(carnet::cli::run_serve(second, never, nullptr) == 1);
  ::close(never);

  auto missing = http.Get("/demo/nope/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(preview.stop() == 0);
}

TEST_CASE("serve: traversal attempts and links out of the site are refused", "[authoring]") {
  auto site = starter_copy("serve-traversal");
  fs::path outside = carnet::test::scratch("serve-traversal-secret") / "secret.txt";
  carnet::base::write_file(outside, "TOP SECRET");
  fs::create_symlink(outside, site / "static" / "leak.txt");
  fs::create_symlink(outside.parent_path(), site / "static" / "leakdir");
  RunningPreview preview(site);
  httplib::Client http("127.0.0.1", preview.port());
  http.set_url_encode(false);
  for (const char* evil :
       {"/demo/../carnet.yaml", "/demo/%2e%2e/carnet.yaml", "/demo/%2E%2E/%2E%2E/etc/passwd",
        "/demo/..%2fcarnet.yaml", "/demo/%2e%2e%2fcarnet.yaml", "/demo/..%5ccarnet.yaml",
        "/demo/..\\carnet.yaml", "/demo/%00", "/demo/leak.txt", "/demo/leakdir/secret.txt",
        "/../../etc/passwd", "/demo/images/../../carnet.yaml"}) {
    INFO(evil);
    auto r = http.Get(evil);
    REQUIRE(r);
    CHECK((r->status == 400 || r->status == 404));
    CHECK(r->body.find("TOP SECRET") == std::string::npos);
    CHECK(r->body.find("base_url") == std::string::npos);
  }
}

TEST_CASE("serve: a saved file sends a reload event; an error shows until fixed", "[authoring]") {
  auto site = starter_copy("serve-reload");
  RunningPreview preview(site);

  // A reload stream, read in a thread, as a browser's EventSource would.
  ReloadStream events(preview.port());
  auto wait_for = [&](const std::string& text) { return events.wait_for(text); };
  REQUIRE(wait_for("retry:"));

  carnet::base::write_file(
      site / "content" / "about.en.md",
      "---\ntitle: \"About us\"\ntranslation_key: about\nmenu: true\n---\n\nChanged.\n");
  CHECK(wait_for("data: reload"));

  httplib::Client http("127.0.0.1", preview.port());
  CHECK(eventually([&] {
    auto r = http.Get("/demo/en/about/");
    return r && r->body.find("Changed.") != std::string::npos;
  }));

  // A folder made after the start is watched too; a plan's edit shows.
  carnet::base::write_file(site / "content" / "nouvelles" / "fete.fr.md",
                           "---\ntitle: \"La fête\"\n---\n\nSamedi.\n");
  CHECK(eventually([&] {
    auto r = http.Get("/demo/nouvelles/fete/");
    return r && r->status == 200 && r->body.find("Samedi.") != std::string::npos;
  }));
  std::string plan = carnet::base::read_file(site / "content/plans/plan-action.plan.yaml");
  plan.replace(plan.find("Se nourrir sainement"), 20, "Manger mieux");
  carnet::base::write_file(site / "content/plans/plan-action.plan.yaml", plan);
  CHECK(eventually([&] {
    auto r = http.Get("/demo/plans/plan-action-2024-2026/");
    return r && r->body.find("Manger mieux") != std::string::npos;
  }));

  // The site's own theme words (i18n/) are sources too.
  carnet::base::write_file(site / "i18n" / "fr.yaml", "skip_to_content: \"Aller au texte\"\n");
  CHECK(eventually([&] {
    auto r = http.Get("/demo/");
    return r && r->body.find("Aller au texte") != std::string::npos;
  }));

  // A broken link: every page shows the error, with its file and line.
  carnet::base::write_file(site / "content" / "broken.fr.md",
                           "---\ntitle: \"Cassé\"\n---\n\nVoir [la page](absente.fr.md).\n");
  CHECK(eventually([&] {
    auto r = http.Get("/demo/en/");
    return r && r->status == 500;
  }));
  auto error = http.Get("/demo/rapports/");
  REQUIRE(error);
  CHECK(error->status == 500);
  CHECK(error->body.find("content/broken.fr.md:5:") != std::string::npos);
  CHECK(error->body.find("absente.fr.md") != std::string::npos);
  CHECK(error->body.find("new EventSource(\"/__carnet/events\")") != std::string::npos);

  fs::remove(site / "content" / "broken.fr.md");
  CHECK(eventually([&] {
    auto r = http.Get("/demo/");
    return r && r->status == 200;
  }));

  events.stop_after_next();
  carnet::base::write_file(site / "content" / "about.en.md",
                           "---\ntitle: \"About\"\ntranslation_key: about\n---\n\nOnce more.\n");
  CHECK(preview.stop() == 0);
}

TEST_CASE("serve: pages still answer with 100 reload streams open", "[authoring]") {
  auto site = starter_copy("serve-streams");
  RunningPreview preview(site);
  // Open tabs, or a stuck proxy that never lets go: each holds a stream.
  std::vector<carnet::cli::serve::UniqueFd> streams;
  for (int i = 0; i < 100; ++i) {
    streams.push_back(raw_connect(preview.port()));
    raw_send(streams.back().get(), "GET /__carnet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }
  int answered = 0;
  for (auto& s : streams)
    if (raw_read(s.get(), 100ms, "retry:").find("retry:") != std::string::npos) ++answered;
  CHECK(answered == 100);

  auto start = std::chrono::steady_clock::now();
  std::string page = raw_request(
      preview.port(), "GET /demo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  CHECK(page.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(page.find("</html>") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < 1s);
  streams.clear();  // as the browser closes them when their stream ends
  CHECK(preview.stop() == 0);
}

TEST_CASE("serve: requests for another Host are refused (DNS rebinding)", "[authoring]") {
  auto site = starter_copy("serve-host");
  RunningPreview preview(site);
  const int port = preview.port();
  auto get = [&](const std::string& path, const std::string& host_line) {
    return raw_request(port,
                       "GET " + path + " HTTP/1.1\r\n" + host_line + "Connection: close\r\n\r\n");
  };
  for (const std::string& host :
       std::vector<std::string>{"evil.example", "evil.example:" + std::to_string(port),
                                "localhost.evil.example", "127.0.0.1.nip.io", "0.0.0.0"}) {
    INFO(host);
    for (const char* path : {"/demo/", "/demo/en/", "/__carnet/events", "/nope"}) {
      INFO(path);
      std::string r = get(path, "Host: " + host + "\r\n");
      CHECK(r.rfind("HTTP/1.1 403", 0) == 0);
      CHECK(r.find("answers only at localhost or 127.0.0.1") != std::string::npos);
      CHECK(r.find("<html") == std::string::npos);
    }
  }
  // HTTP/1.0 without a Host: nothing says it is this computer.
  CHECK(raw_request(port, "GET /demo/ HTTP/1.0\r\n\r\n").rfind("HTTP/1.1 403", 0) == 0);
  for (const std::string& host : std::vector<std::string>{
           "localhost", "localhost:" + std::to_string(port), "127.0.0.1:" + std::to_string(port),
           "[::1]:" + std::to_string(port), "LOCALHOST"}) {
    INFO(host);
    std::string r = get("/demo/", "Host: " + host + "\r\n");
    CHECK(r.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(r.find("</html>") != std::string::npos);
  }
}

TEST_CASE("serve: reload streams beyond the cap are refused, pages still answer", "[authoring]") {
  auto site = starter_copy("serve-stream-cap");
  RunningPreview preview(site);
  std::vector<carnet::cli::serve::UniqueFd> streams;
  for (int i = 0; i < 256; ++i) {  // max_streams in preview_server.cpp
    streams.push_back(raw_connect(preview.port()));
    raw_send(streams.back().get(), "GET /__carnet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }
  int answered = 0;
  for (auto& s : streams)
    if (raw_read(s.get(), 1000ms, "retry:").find("retry:") != std::string::npos) ++answered;
  CHECK(answered == 256);
  std::string refused =
      raw_request(preview.port(), "GET /__carnet/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(refused.rfind("HTTP/1.1 503", 0) == 0);
  CHECK(refused.find("Too many pages are open") != std::string::npos);
  std::string page = raw_request(
      preview.port(), "GET /demo/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  CHECK(page.rfind("HTTP/1.1 200", 0) == 0);
  streams.clear();
  CHECK(preview.stop() == 0);
}

TEST_CASE("serve: a body edit's event names its page; booklets are made on request",
          "[authoring][incremental]") {
  auto site = starter_copy("serve-named");
  RunningPreview preview(site);
  ReloadStream events(preview.port());
  auto wait_for = [&](const std::string& text) { return events.wait_for(text); };
  REQUIRE(wait_for("retry:"));

  const fs::path page = site / "content/rapports/2024-bilan.fr.md";
  carnet::base::write_file(page, carnet::base::read_file(page) + "\nUne ligne de plus.\n");
  CHECK(wait_for("data: reload\ndata: /demo/rapports/2024-bilan/\n\n"));
  httplib::Client http("127.0.0.1", preview.port());
  auto r = http.Get("/demo/rapports/2024-bilan/");
  REQUIRE(r);
  CHECK(r->body.find("Une ligne de plus.") != std::string::npos);

  // Not part of any build of the preview, made when asked for.
  auto pdf = http.Get("/demo/booklets/plan-action.fr.pdf");
  REQUIRE(pdf);
  CHECK(pdf->status == 200);
  CHECK(pdf->body.rfind("%PDF-", 0) == 0);
  CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
  auto none = http.Get("/demo/booklets/absent.fr.pdf");
  REQUIRE(none);
  CHECK(none->status == 404);

  events.stop_after_next();
  carnet::base::write_file(page, carnet::base::read_file(page) + "\nEncore.\n");
  CHECK(preview.stop() == 0);
}
