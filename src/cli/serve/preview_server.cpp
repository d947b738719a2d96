#include "cli/serve/preview_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <set>
#include <vector>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "base/text.hpp"
#include "cli/serve/request_path.hpp"

namespace carnet::cli::serve {

namespace {

namespace fs = std::filesystem;

// Every connection runs on a thread of its own (httplib reads, answers
// and keeps it alive there), and a reload stream keeps its thread as long as
// its page is open. Streams are capped below the pool's size, so that they
// can never take the threads pages need (issue 13: 64 open tabs froze the
// preview); a stream beyond the cap is refused with 503 (that page then
// misses the live reload, the preview goes on answering).
constexpr size_t max_streams = 256;
constexpr size_t page_threads = 64;
// A comment line this often lets a stream notice that its page is gone
// (httplib sees a closed socket only when it writes to it).
constexpr auto keep_alive_every = std::chrono::seconds(10);
// Snapshots kept for the reload streams that missed some: a page's stream
// that missed more than this reloads the page whatever changed.
constexpr size_t kept_snapshots = 16;

// httplib's ThreadPool starts all its threads at once; this one starts them
// as connections come, up to `max`, so a preview with two tabs has a few
// threads and one with a hundred tabs still has threads for its pages.
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(size_t max) : max_(max) {}
  ~ConnectionThreads() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    // Idle threads that have not woken yet count for the jobs before this one.
    if (jobs_.size() > idle_ && threads_.size() < max_) threads_.emplace_back([this] { work(); });
    ready_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;  // stopping, and nothing left to answer
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      lock.lock();
    }
  }

  const size_t max_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;  // only grows (to max_); joined at shutdown
  size_t idle_ = 0;
  bool stopping_ = false;
};

// A file copied from static/ is read when asked for, so a symbolic link
// made after the build must still not lead out of the site folder.
bool inside(const std::string& root, const std::string& file) {
  std::error_code ec;
  fs::path r = fs::canonical(root, ec);
  if (ec) return false;
  fs::path f = fs::canonical(file, ec);
  if (ec) return false;
  auto rel = f.lexically_relative(r);
  return !rel.empty() && *rel.begin() != "..";
}

const char* not_found_page =
    "<!doctype html><meta charset=utf-8><title>404</title>"
    "<p>Nothing here (404). <a href=\"%s\">Home page</a></p>";

}  // namespace

std::string content_type_of(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".atom", "application/atom+xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
      {".epub", "application/epub+zip"},
      {".odt", "application/vnd.oasis.opendocument.text"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".mp4", "video/mp4"},
      {".webm", "video/webm"},
      {".mp3", "audio/mpeg"},
      {".csv", "text/csv; charset=utf-8"},
      {".zip", "application/zip"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string ext = path.substr(dot);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto it = types.find(ext); it != types.end()) return it->second;
  }
  if (path.size() >= 5 && path.compare(path.size() - 5, 5, "CNAME") == 0)
    return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

PreviewServer::PreviewServer() : http_(std::make_unique<httplib::Server>()) {
  // httplib owns the queue it is given (it deletes it after shutdown()).
  http_->new_task_queue = [] { return new ConnectionThreads(max_streams + page_threads); };
  // httplib's default also sets SO_REUSEPORT, with which a second `carnet
  // serve` on the same port would silently share it with the first (each
  // getting half the requests) instead of failing. SO_REUSEADDR alone still
  // lets a restarted server take its port back at once.
  http_->set_socket_options([this](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening_ = sock;
  });
  route();
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(int port, const std::string& address) {
  int bound = port == 0 ? http_->bind_to_any_port(address)
                        : (http_->bind_to_port(address, port) ? port : -1);
  // httplib listens with a queue of 5 connections: when the accept loop
  // falls behind (many tabs reconnecting after a restart, a busy machine),
  // the others wait a second or more for the kernel to retry. Listening
  // again on the same socket only makes the queue longer.
  if (bound >= 0) ::listen(listening_, SOMAXCONN);
  return bound;
}

void PreviewServer::allow_remote_hosts(std::vector<std::string> forwarded_names) {
  remote_ = true;
  forwarded_names_ = std::move(forwarded_names);
}

void PreviewServer::start() {
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  // stop() before the accept loop runs would be lost: wait for it.
  for (int i = 0; i < 2000 && !http_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void PreviewServer::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  changed_.notify_all();
  http_->stop();
  if (thread_.joinable()) thread_.join();
}

namespace {

// Past this many, naming the changed pages costs them more than reloading.
constexpr size_t most_named = 2000;

// What a snapshot's reload event reads, without its files: the history
// keeps these, and a snapshot after a change to carnet.yaml holds a whole
// site of new bytes.
std::shared_ptr<const SiteSnapshot> reload_note(const SiteSnapshot& snapshot) {
  auto note = std::make_shared<SiteSnapshot>();
  note->base_path = snapshot.base_path;
  note->error_html = snapshot.error_html;
  note->everything = snapshot.everything || snapshot.changed.size() > most_named;
  if (!note->everything) note->changed = snapshot.changed;
  return note;
}

}  // namespace

void PreviewServer::publish(std::shared_ptr<const SiteSnapshot> snapshot) {
  {
    std::lock_guard lock(mutex_);
    const bool first = !snapshot_;
    snapshot_ = std::move(snapshot);
    if (!first) {
      ++generation_;
      history_.push_back(reload_note(*snapshot_));
      if (history_.size() > kept_snapshots) history_.pop_front();
    }
  }
  changed_.notify_all();
}

uint64_t PreviewServer::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

std::vector<std::shared_ptr<const SiteSnapshot>> snapshots_since(
    const std::deque<std::shared_ptr<const SiteSnapshot>>& history, uint64_t missed) {
  // Capped: a stream that slept through more than `history` holds gets
  // nulls (unknown: every page reloads), not a vector of that size.
  std::vector<std::shared_ptr<const SiteSnapshot>> since(
      std::min<uint64_t>(missed, history.size() + 1));
  for (size_t k = 0; k < since.size() && k < history.size(); ++k)
    since[since.size() - 1 - k] = history[history.size() - 1 - k];
  return since;
}

std::string reload_event_data(const std::vector<const SiteSnapshot*>& since_last_event) {
  std::vector<std::string_view> changed;  // in the order the snapshots name them
  std::set<std::string_view> named;
  for (const SiteSnapshot* snapshot : since_last_event) {
    if (!snapshot || snapshot->everything || !snapshot->error_html.empty()) return "reload\n*";
    for (const auto& path : snapshot->changed)
      if (named.insert(path).second) changed.push_back(path);
    if (changed.size() > most_named) return "reload\n*";
  }
  if (since_last_event.empty()) return "reload";
  const std::string& base_path = since_last_event.back()->base_path;
  std::string data = "reload";
  for (const auto& path : changed) {
    // A folder's index.html is shown at the folder's address.
    std::string shown(path);
    if (shown == "index.html")
      shown.clear();
    else if (shown.ends_with("/index.html"))
      shown.resize(shown.size() - 10);
    // Output paths hold no newline (they are file names), but one would
    // end the event's field.
    if (shown.find('\n') != std::string::npos || shown.find('\r') != std::string::npos)
      return "reload\n*";
    data += "\n" + base_path + shown;
  }
  return data;
}

std::shared_ptr<const SiteSnapshot> PreviewServer::current() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

void PreviewServer::route() {
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const std::string host = req.get_header_value("Host");
    if (is_local_host(host) || (remote_ && is_remote_host_allowed(host, forwarded_names_)))
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_header("Connection", "close");
    res.set_content(
        "This preview answers only at localhost or 127.0.0.1: pages of other sites that point "
        "their name at this computer must not read it.\n",
        "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });

  http_->Get(events_path, [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    {
      std::lock_guard lock(mutex_);
      if (streams_ >= max_streams) {
        res.status = 503;
        res.set_header("Connection", "close");
        res.set_content("Too many pages are open on this preview for all to reload at each save.",
                        "text/plain; charset=utf-8");
        return;
      }
      ++streams_;
    }
    // A stream ends only when the preview stops: its connection then closes
    // instead of waiting for another request.
    res.set_header("Connection", "close");
    uint64_t seen = generation();
    auto said_hello = std::make_shared<bool>(false);
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, seen, said_hello](size_t, httplib::DataSink& sink) mutable {
          if (!*said_hello) {
            *said_hello = true;
            // `retry` makes the browser reconnect quickly after a restart.
            static const std::string hello = "retry: 500\n: carnet preview\n\n";
            return sink.write(hello.data(), hello.size());
          }
          std::unique_lock lock(mutex_);
          changed_.wait_for(lock, keep_alive_every,
                            [&] { return stopping_ || generation_ != seen; });
          if (stopping_) {
            lock.unlock();
            sink.done();
            return true;
          }
          if (generation_ != seen) {
            const auto since = snapshots_since(history_, generation_ - seen);
            seen = generation_;
            lock.unlock();
            std::vector<const SiteSnapshot*> views;
            for (const auto& snap : since) views.push_back(snap.get());
            // No `event:` line: the pages listen with `onmessage`. Each line
            // of the data is its own `data:` field; the browser joins them
            // with newlines.
            std::string message;
            for (const auto& line : base::split(reload_event_data(views), '\n'))
              message += "data: " + line + "\n";
            message += "\n";
            return sink.write(message.data(), message.size());
          }
          lock.unlock();
          static const std::string ping = ": ping\n\n";
          return sink.write(ping.data(), ping.size());
        },
        // Called when the response is destroyed, however the stream ended.
        [this](bool) {
          std::lock_guard lock(mutex_);
          --streams_;
        });
  });

  http_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto snap = current();
    if (!snap) {
      res.status = 503;
      res.set_content("The site is being built.", "text/plain; charset=utf-8");
      return;
    }
    std::shared_ptr<const base::OutputFile> made;  // on request
    auto resolved = resolve_request(req.target, snap->base_path, [&](const std::string& p) {
      if (snap->files.find(p)) return true;
      if (!snap->error_html.empty() || !snap->on_request) return false;
      if (auto f = snap->on_request(p)) made = std::move(f);
      return made && made->path == p;
    });
    using Kind = ResolvedRequest::Kind;
    if (resolved.kind == Kind::bad_request) {
      res.status = 400;
      res.set_content("Bad request: this path leaves the site.", "text/plain; charset=utf-8");
      return;
    }
    if (resolved.kind == Kind::redirect) {
      res.set_redirect(resolved.path, 301);
      return;
    }
    if (resolved.kind == Kind::outside) {
      res.status = 404;
      res.set_content(
          "This preview serves the site under " + snap->base_path + " as its host will.",
          "text/plain; charset=utf-8");
      return;
    }
    if (!snap->error_html.empty()) {
      res.status = 500;
      res.set_content(snap->error_html, "text/html; charset=utf-8");
      return;
    }
    if (resolved.kind == Kind::not_found) {
      res.status = 404;
      if (auto f = snap->files.find("404.html"); f && f->copy_from.empty()) {
        res.set_content(f->bytes, "text/html; charset=utf-8");
      } else {
        char page[512];
        std::snprintf(page, sizeof page, not_found_page, snap->base_path.c_str());
        res.set_content(page, "text/html; charset=utf-8");
      }
      return;
    }
    const base::OutputFile& file =
        made && made->path == resolved.path ? *made : *snap->files.find(resolved.path);
    if (file.copy_from.empty()) {
      res.set_content(file.bytes, content_type_of(file.path));
      return;
    }
    try {
      if (!inside(snap->site_root, file.copy_from)) throw base::SystemError("outside the site");
      res.set_content(base::read_file(file.copy_from), content_type_of(file.path));
    } catch (const base::SystemError&) {
      res.status = 404;
      res.set_content("This file changed since the last build.", "text/plain; charset=utf-8");
    }
  });
}

}  // namespace carnet::cli::serve
