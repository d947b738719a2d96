#include "cli/serve_command.hpp"

#include <signal.h>
#include <sys/signalfd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "cli/build_pipeline.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/serve/error_page.hpp"
#include "cli/serve/incremental_site.hpp"
#include "cli/serve/preview_server.hpp"
#include "cli/serve/request_path.hpp"
#include "cli/serve/site_watcher.hpp"
#include "load/config_reader.hpp"

namespace carnet::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// How long the site must stay still after a change before the rebuild: an
// editor's save is a burst of events, a `git pull` a longer one.
constexpr auto quiet_period = std::chrono::milliseconds(30);

// SIGINT and SIGTERM as a file descriptor, so that the watcher's poll()
// wakes for them; blocked in every thread, started after this.
serve::UniqueFd signal_fd() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  if (::pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0)
    base::throw_errno("blocking signals", errno);
  serve::UniqueFd fd(::signalfd(-1, &set, SFD_CLOEXEC));
  if (!fd) base::throw_errno("waiting for Ctrl-C", errno);
  return fd;
}

struct Preview {
  const ServeOptions& options;
  fs::path root;
  int port = 0;
  std::unique_ptr<serve::IncrementalSite> site;

  // Where this computer's browser reaches the preview: every address's
  // server (0.0.0.0, ::) answers at 127.0.0.1 too.
  std::string origin() const {
    const std::string& host = options.host;
    std::string shown = host == "0.0.0.0" || host == "::" || host == "localhost" ? "127.0.0.1"
                        : host.find(':') != std::string::npos && host.front() != '['
                            ? "[" + host + "]"
                            : host;
    return "http://" + shown + ":" + std::to_string(port);
  }

  // The site's base path as carnet.yaml gives it now ("/parc-ex/").
  std::string base_path() const {
    base::Diagnostics ignored;  // the build reports them
    std::error_code ec;
    if (!fs::exists(root / "carnet.yaml", ec)) return "/";
    return load::read_config(base::read_file(root / "carnet.yaml"), ignored).base_path;
  }

  void start() {
    BuildOptions build;
    build.load.include_drafts = options.drafts;
    // The preview's own address, under the same path as the host's, so
    // that absolute links (canonical, feeds, 404.html) stay in the preview.
    build.render.live_reload = true;
    build.render.live_reload_url = serve::events_path;
    build.booklets = false;  // made when asked for: IncrementalSite::on_request
    build.search = false;    // likewise
    site = std::make_unique<serve::IncrementalSite>(root, std::move(build));
  }

  // The first build (no `changed`), or an update after a save.
  // What the last build did, for the line the terminal shows.
  bool last_full = true;
  size_t last_changed = 0;
  // Serves a snapshot before the build is done (IncrementalSite::EarlyUpdate).
  std::function<void(std::shared_ptr<const serve::SiteSnapshot>)> publish_early = {};

  std::shared_ptr<serve::SiteSnapshot> build(const std::vector<std::string>* changed) {
    auto snap = std::make_shared<serve::SiteSnapshot>();
    snap->site_root = root.string();
    // Read at every update (a saved carnet.yaml is a full build). One that
    // cannot be read (mid-save, a checkout) is an error that the build
    // reports and the page shows, never the end of the preview; the site
    // must still see the change, so that no later save takes the
    // body-only path past it.
    try {
      snap->base_path = base_path();
    } catch (const base::SystemError&) {
    }
    site->options().load.base_url = origin() + snap->base_path;
    // The saved page first, when its change rebuilds the site.
    auto early = [&](const serve::Update& shown) {
      if (!publish_early) return;
      auto first = std::make_shared<serve::SiteSnapshot>(*snap);
      serve_outputs(*first, shown);
      publish_early(first);
    };
    serve::Update update = changed ? site->update(*changed, early) : site->rebuild();
    if (update.full) print_diagnostic_lines(site->diags());
    last_full = update.full;
    last_changed = update.changed.size();
    if (site->diags().has_errors()) {
      snap->error_html = serve::error_page_html(site->diags(), serve::events_path);
    } else {
      serve_outputs(*snap, update);
    }
    return snap;
  }

  // The site's outputs as they are now, and the pages `update` changed.
  void serve_outputs(serve::SiteSnapshot& snap, const serve::Update& update) const {
    snap.files = site->outputs();
    snap.on_request = [s = site.get()](const std::string& path) { return s->on_request(path); };
    snap.changed = update.changed;
    snap.everything = update.everything;
  }
};

}  // namespace

int run_serve(const ServeOptions& options, int stop_fd,
              const std::function<void(int port)>& on_ready) {
  // The preview has no password and serves drafts: other computers read it
  // only when asked in so many words.
  const bool remote = !serve::is_loopback_address(options.host);
  if (remote && !options.allow_remote) {
    std::fprintf(stderr,
                 "carnet serve: --host %s would let other computers read the preview (drafts "
                 "included, with no password); add --allow-remote if that is meant (a "
                 "container's port forward needs --host 0.0.0.0 --allow-remote)\n",
                 options.host.c_str());
    return 2;
  }
  Preview preview{options, fs::path(options.site), 0, nullptr};
  std::error_code ec;
  if (!fs::exists(preview.root / "carnet.yaml", ec)) {
    std::fprintf(stderr,
                 "carnet: error: '%s' is not a Carnet site (it has no carnet.yaml); "
                 "create one with `carnet new NAME`\n",
                 options.site.c_str());
    return 1;
  }
  serve::UniqueFd signals;
  if (stop_fd < 0) {
    signals = signal_fd();
    stop_fd = signals.get();
  }
  serve::SiteWatcher watcher(preview.root);
  serve::PreviewServer server;
  preview.port = server.bind(options.port, options.host);
  if (preview.port < 0) {
    std::fprintf(stderr,
                 "carnet: error: port %d is in use (another `carnet serve`?), or %s is not an "
                 "address of this computer; try --port %d\n",
                 options.port, options.host.c_str(), options.port + 1);
    return 1;
  }
  if (options.allow_remote) {
    // Codespaces forwards the port under its own name, which browsers send.
    std::vector<std::string> forwarded;
    const char* codespace = std::getenv("CODESPACE_NAME");
    const char* domain = std::getenv("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN");
    if (codespace && *codespace && domain && *domain)
      forwarded.push_back(std::string(codespace) + "-" + std::to_string(preview.port) + "." +
                          domain);
    server.allow_remote_hosts(std::move(forwarded));
    if (remote)
      std::fprintf(stderr,
                   "carnet serve: --allow-remote: other computers that reach %s:%d can read "
                   "this preview, drafts included\n",
                   options.host.c_str(), preview.port);
    else
      std::fprintf(stderr,
                   "carnet serve: --allow-remote: requests a port forward brings to %s:%d are "
                   "answered under an IP address or Codespaces' name too\n",
                   options.host.c_str(), preview.port);
  }

  auto start = Clock::now();
  preview.start();
  preview.publish_early = [&](std::shared_ptr<const serve::SiteSnapshot> snap) {
    server.publish(std::move(snap));
  };
  auto snap = preview.build(nullptr);
  const std::string url = preview.origin() + snap->base_path;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  server.publish(snap);
  server.start();
  if (!options.quiet) {
    std::printf("Serving %s at %s (built in %lld ms). Press Ctrl-C to stop.\n",
                options.site.c_str(), url.c_str(), static_cast<long long>(ms));
    std::fflush(stdout);
  }
  if (on_ready) on_ready(preview.port);
  preview.site->prepare();

  while (auto changed = watcher.wait(stop_fd, quiet_period)) {
    start = Clock::now();
    snap = preview.build(&*changed);
    ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    server.publish(snap);
    if (!options.quiet) {
      std::string what =
          changed->empty() || changed->front().empty() ? std::string("the site") : changed->front();
      if (changed->size() > 1) what += " and " + std::to_string(changed->size() - 1) + " more";
      if (snap->error_html.empty() && preview.last_full)
        std::printf("%s changed: site rebuilt in %lld ms\n", what.c_str(),
                    static_cast<long long>(ms));
      else if (snap->error_html.empty())
        std::printf("%s changed: %zu page%s updated in %lld ms\n", what.c_str(),
                    preview.last_changed, preview.last_changed == 1 ? "" : "s",
                    static_cast<long long>(ms));
      else
        std::printf("%s changed: the site has errors (shown in the browser)\n", what.c_str());
      std::fflush(stdout);
    }
    // After publishing and saying so: the page shows first.
    preview.site->prepare();
  }
  server.stop();
  if (!options.quiet) std::printf("Stopped.\n");
  return 0;
}

void add_serve_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd =
      app.add_subcommand("serve", "Preview the site on this computer, updated at every save");
  cmd->add_option("SITE", options->site, "The site folder (default: the current folder)");
  cmd->add_option("-p,--port", options->port,
                  "The port on 127.0.0.1 (default: 1313; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_flag("--drafts", options->drafts, "Include pages marked draft: true");
  cmd->add_flag("--booklets", options->booklets,
                "Kept for old scripts: the preview makes each booklet when it is opened");
  cmd->add_flag("-q,--quiet", options->quiet, "Print only errors and warnings");
  cmd->add_option("--host", options->host,
                  "The address to serve on (default: 127.0.0.1); another than this computer's "
                  "needs --allow-remote");
  cmd->add_flag("--allow-remote", options->allow_remote,
                "Let other computers read the preview: a --host such as 0.0.0.0, for a "
                "container's port forward (Codespaces, devcontainer)");
  cmd->callback([options, &exit_code] { exit_code = run_serve(*options, -1, nullptr); });
}

}  // namespace carnet::cli
