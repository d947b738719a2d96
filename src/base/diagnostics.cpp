#include "base/diagnostics.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <tuple>

namespace carnet::base {

std::string Diagnostic::format() const {
  // A file name or a quoted value may hold a line break: escaped, the
  // diagnostic stays one line, as tools that read them expect.
  std::string out = escape_controls(pos.path);
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column > 0) out += ':' + std::to_string(pos.column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += escape_controls(message);
  return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
  items_.push_back({std::move(pos), Severity::error, std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
  items_.push_back({std::move(pos), Severity::warning, std::move(message)});
}

void Diagnostics::append(Diagnostics other) {
  for (auto& d : other.items_) items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.pos.path, d.pos.line, d.pos.column, d.severity, d.message);
  };
  std::vector<Diagnostic> out = items_;
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const auto& a, const auto& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

}  // namespace carnet::base
