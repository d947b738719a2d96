#include "cli/serve/request_path.hpp"

#include <cctype>

#include "base/text.hpp"

namespace carnet::cli::serve {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> decode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size()) return std::nullopt;
      int hi = hex_value(path[i + 1]), lo = hex_value(path[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      // Decoded, these would make a different path than the one checked.
      if (c == '/' || c == '\\' || c == '%') return std::nullopt;
      i += 2;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    out += c;
  }
  return out;
}

ResolvedRequest resolve_request(std::string_view target, std::string_view base_path,
                                const std::function<bool(const std::string&)>& exists) {
  using Kind = ResolvedRequest::Kind;
  if (auto q = target.find_first_of("?#"); q != std::string_view::npos)
    target = target.substr(0, q);
  auto decoded = decode_path(target);
  if (!decoded || decoded->empty() || decoded->front() != '/') return {Kind::bad_request, ""};
  const std::string& path = *decoded;

  // Every segment is checked after decoding: "%2e%2e" is "..".
  for (const auto& segment : base::split(std::string_view(path).substr(1), '/'))
    if (segment == ".." || segment == ".") return {Kind::bad_request, ""};
  if (path.find("//") != std::string::npos) return {Kind::not_found, ""};

  const std::string base(base_path);
  if (path + "/" == base) return {Kind::redirect, base};
  if (path.compare(0, base.size(), base) != 0) {
    if (path == "/") return {Kind::redirect, base};
    return {Kind::outside, ""};
  }
  std::string rel = path.substr(base.size());
  if (rel.empty() || rel.back() == '/') {
    std::string index = rel + "index.html";
    if (exists(index)) return {Kind::file, index};
    return {Kind::not_found, ""};
  }
  if (exists(rel)) return {Kind::file, rel};
  if (exists(rel + "/index.html")) return {Kind::redirect, path + "/"};
  return {Kind::not_found, ""};
}

namespace {

// A Host header without its optional ":port" of digits only; "[::1]" keeps
// its own colons inside the brackets. nullopt: a malformed port.
std::optional<std::string_view> host_name(std::string_view host) {
  if (auto colon = host.rfind(':'); colon != std::string_view::npos && host.back() != ']') {
    std::string_view port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return std::nullopt;
    for (char c : port)
      if (c < '0' || c > '9') return std::nullopt;
    host = host.substr(0, colon);
  }
  return host;
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  while (true) {
    size_t digits = 0;
    int value = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9')
      value = value * 10 + (s[digits++] - '0');
    if (digits == 0 || digits > 3 || value > 255) return false;
    ++parts;
    s.remove_prefix(digits);
    if (s.empty()) return parts == 4;
    if (s.front() != '.' || parts == 4) return false;
    s.remove_prefix(1);
  }
}

// "[...]" of hex digits, colons and dots (an IPv4 tail), with one "::" at most.
bool is_bracketed_ipv6(std::string_view s) {
  if (s.size() < 4 || s.front() != '[' || s.back() != ']') return false;
  s = s.substr(1, s.size() - 2);
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
  return s.find(':') != std::string_view::npos;
}

}  // namespace

bool is_local_host(std::string_view host) {
  auto name = host_name(host);
  if (!name) return false;
  return base::to_lower_ascii(*name) == "localhost" || *name == "127.0.0.1" || *name == "[::1]";
}

bool is_loopback_address(std::string_view address) {
  if (base::to_lower_ascii(address) == "localhost" || address == "::1" || address == "[::1]")
    return true;
  return is_ipv4(address) && address.substr(0, 4) == "127.";
}

bool is_remote_host_allowed(std::string_view host,
                            const std::vector<std::string>& forwarded_names) {
  auto name = host_name(host);
  if (!name) return false;
  if (is_ipv4(*name) || is_bracketed_ipv6(*name)) return true;
  const std::string lower = base::to_lower_ascii(*name);
  for (const auto& forwarded : forwarded_names)
    if (!forwarded.empty() && lower == base::to_lower_ascii(forwarded)) return true;
  return false;
}

}  // namespace carnet::cli::serve
