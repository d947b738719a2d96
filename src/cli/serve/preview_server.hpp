// The HTTP side of `carnet serve`: serves the last build from memory on
// 127.0.0.1 under the site's base path, exactly as the host will (folders
// serve their index.html, the site's 404.html answers unknown paths), and
// tells open pages to reload through Server-Sent Events at
// /__carnet/events after each new build: each event names the pages whose
// bytes changed, and a page reloads only when it is among them. While the last build failed, every
// page of the site answers with the error page. Only requests whose Host is
// this computer are answered (403 otherwise), and reload streams are capped
// so that pages always have threads to answer them.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/output_file.hpp"
#include "cli/serve/outputs.hpp"

namespace httplib {
class Server;
}

namespace carnet::cli::serve {

inline constexpr const char* events_path = "/__carnet/events";

// One build, as served. Its files are shared with the next snapshots that
// keep them: a save replaces a few pointers, not the site's bytes.
struct SiteSnapshot {
  std::string base_path = "/";  // "/parc-ex/"
  Outputs files;
  std::string error_html;  // not empty: the build failed; served everywhere
  std::string site_root;   // files copied from disk (static/) must resolve inside it
  // The output paths this snapshot changed since the one before (the open
  // pages among them reload), or every page when `everything`.
  std::vector<std::string> changed;
  bool everything = true;
  // Files made when first requested (booklets): null when `path` is none.
  std::function<std::shared_ptr<const base::OutputFile>(const std::string& path)> on_request;
};

// The last `missed` snapshots of `history` (the last published last), a
// null for each one no longer kept; no more than one null, since one
// already makes every page reload.
std::vector<std::shared_ptr<const SiteSnapshot>> snapshots_since(
    const std::deque<std::shared_ptr<const SiteSnapshot>>& history, uint64_t missed);
// The data of the reload event for the snapshots published since a page's
// last event, oldest first, the current one last: "reload" then one line
// per page any of them changed, as the browser's location.pathname shows
// it ("/base/reports/x/"), or "*" for every page. A null entry is one no
// longer kept: then what it changed is unknown, and every page reloads.
// A save of a title publishes two snapshots in a row (its page, then the
// site); a stream that woke only after both names what both changed, so
// that a busy machine does not make every open tab reload.
std::string reload_event_data(const std::vector<const SiteSnapshot*>& since_last_event);

class PreviewServer {
 public:
  PreviewServer();
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds `address`:`port` (0: any free port). Returns the port, or -1 when
  // it cannot be bound (in use).
  int bind(int port, const std::string& address = "127.0.0.1");
  // `serve --allow-remote`: also answers the Host headers of a port forward
  // (is_remote_host_allowed). Before start().
  void allow_remote_hosts(std::vector<std::string> forwarded_names);
  // Serves in a background thread; returns once connections are accepted.
  void start();
  // Closes every connection, reload streams included, and joins the thread.
  void stop();

  // Serves `snapshot` from now on and tells open pages to reload.
  void publish(std::shared_ptr<const SiteSnapshot> snapshot);

  // How many reload events have been sent (one per publish after the first).
  uint64_t generation() const;

 private:
  void route();
  std::shared_ptr<const SiteSnapshot> current() const;

  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::shared_ptr<const SiteSnapshot> snapshot_;
  uint64_t generation_ = 0;
  // What the last snapshots published after the first changed (their
  // files left out), the current one's last (history_.back() is
  // generation_'s), for the streams that missed some.
  std::deque<std::shared_ptr<const SiteSnapshot>> history_;
  size_t streams_ = 0;  // open reload streams
  int listening_ = -1;  // httplib's listening socket, owned by it
  bool stopping_ = false;
  bool remote_ = false;
  std::vector<std::string> forwarded_names_;
};

// The Content-Type for an output path, from its extension.
std::string content_type_of(const std::string& path);

}  // namespace carnet::cli::serve
