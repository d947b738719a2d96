// `carnet serve` end to end, in process: a real HTTP client against a running
// preview of the starter site — pages under the base path, reload events
// after a file change, the error page while the site has an error, and
// traversal attempts refused.
#include <httplib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <thread>

#include "base/fs.hpp"
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
  std::mutex mutex;
  std::condition_variable cv;
  std::string stream;
  std::atomic<bool> done{false};
  std::thread listener([&] {
    httplib::Client http("127.0.0.1", preview.port());
    http.set_read_timeout(30s);
    http.Get("/__carnet/events", [&](const char* data, size_t n) {
      {
        std::lock_guard lock(mutex);
        stream.append(data, n);
      }
      cv.notify_all();
      return !done.load();
    });
  });
  auto wait_for = [&](const std::string& text) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, 10s, [&] { return stream.find(text) != std::string::npos; });
  };
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

  done = true;
  carnet::base::write_file(site / "content" / "about.en.md",
                           "---\ntitle: \"About\"\ntranslation_key: about\n---\n\nOnce more.\n");
  CHECK(preview.stop() == 0);
  listener.join();
}
