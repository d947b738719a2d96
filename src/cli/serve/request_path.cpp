#include "cli/serve/request_path.hpp"

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

bool is_local_host(std::string_view host) {
  // An optional ":port" of digits only; "[::1]" keeps its own colons inside
  // the brackets.
  if (auto colon = host.rfind(':'); colon != std::string_view::npos && host.back() != ']') {
    std::string_view port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
      if (c < '0' || c > '9') return false;
    host = host.substr(0, colon);
  }
  return base::to_lower_ascii(host) == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

}  // namespace carnet::cli::serve
