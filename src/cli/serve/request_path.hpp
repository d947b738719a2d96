// From a request's target to a file of the site, the way a static host does
// it, and nothing else: the preview must never serve a byte from outside the
// built site, whatever the browser (or an attacker on the machine) sends.
// Also which Host headers the preview answers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace carnet::cli::serve {

struct ResolvedRequest {
  enum class Kind {
    file,         // `path` is an output file ("en/reports/x/index.html")
    redirect,     // send the browser to `path` (an absolute URL path)
    outside,      // a path outside the site's base path
    not_found,    // a clean path that names no file
    bad_request,  // a path that tries to leave the site: "..", encoded '/', '\', NUL
  };
  Kind kind = Kind::not_found;
  std::string path;
};

// `target` is the raw request target ("/parc-ex/en/reports/?x=1"), still
// percent-encoded; `base_path` the site's ("/parc-ex/"); `exists` says whether
// an output file exists. A folder serves its index.html; a folder without its
// final '/' redirects to it (as GitHub Pages does); "/" redirects to the base
// path.
ResolvedRequest resolve_request(std::string_view target, std::string_view base_path,
                                const std::function<bool(const std::string&)>& exists);

// Percent-decodes a path, refusing (nullopt) what could change its meaning
// once decoded: an encoded '/', '\', NUL or control character, or a
// malformed escape.
std::optional<std::string> decode_path(std::string_view path);

// Whether a request's Host header names this computer: `localhost`,
// `127.0.0.1` or `[::1]`, with or without a port. A web page that points
// its own name at 127.0.0.1 (DNS rebinding) sends its name here, and must not
// read the preview, drafts included.
bool is_local_host(std::string_view host);

// Whether a --host address is this computer's loopback (127.0.0.0/8, ::1,
// localhost): serving there needs no --allow-remote.
bool is_loopback_address(std::string_view address);

// With --allow-remote, the Host headers answered besides is_local_host's:
// any IP address, because a page that points its own name at this computer
// sends that name, never an address (so rebinding is still refused), and
// the names a port forward gives the preview (`forwarded_names`, such as
// Codespaces' NAME-1313.app.github.dev), with or without a port.
bool is_remote_host_allowed(std::string_view host, const std::vector<std::string>& forwarded_names);

}  // namespace carnet::cli::serve
