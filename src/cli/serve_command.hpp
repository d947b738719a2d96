// `carnet serve [SITE] [--port 1313] [--drafts] [--booklets]`: builds the site
// in memory, serves it on 127.0.0.1 under its base path, and rebuilds and
// reloads the open pages whenever a file of the site is saved. A content
// error does not stop it: the pages show the errors until they are fixed.
// `--host ADDRESS --allow-remote` serves it to other computers too (a
// container's port forward); a non-loopback --host alone is wrong usage.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace carnet::cli {

void add_serve_command(CLI::App& app, int& exit_code);

struct ServeOptions {
  std::string site = ".";
  int port = 1313;  // 0: any free port
  bool drafts = false;
  bool booklets = false;  // no longer used: the preview makes booklets on request
  bool quiet = false;     // no line per rebuild
  std::string host = "127.0.0.1";
  bool allow_remote = false;  // a --host other computers reach, and their Host headers
};

// Runs the preview until `stop_fd` becomes readable (-1: until SIGINT or
// SIGTERM). `on_ready(port)` is called once the server accepts connections.
// Returns the exit status: 0 after a stop, 1 when the site cannot be served
// (no carnet.yaml, port in use), 2 for a non-loopback host without
// allow_remote.
int run_serve(const ServeOptions& options, int stop_fd,
              const std::function<void(int port)>& on_ready);

}  // namespace carnet::cli
