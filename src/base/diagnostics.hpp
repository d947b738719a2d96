// Content errors and warnings as values. A reader records them with the exact
// position it knows; the caller decides when to print them. All of a run's
// diagnostics are kept, sorted, so that one build reports every error at once
// and in a stable order.
#pragma once

#include <string>
#include <vector>

namespace carnet::base {

// A place in a file of the site. `path` is relative to the site folder;
// line and column are 1-based (0 means "unknown").
struct SourcePos {
  std::string path;
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  SourcePos pos;
  Severity severity = Severity::error;
  std::string message;

  // "path:line:column: error: message" (line and column left out when unknown).
  std::string format() const;
};

class Diagnostics {
 public:
  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(Diagnostics other);

  bool has_errors() const;
  size_t error_count() const;
  bool empty() const { return items_.empty(); }
  // Sorted by path, line, column, then message; duplicates removed.
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace carnet::base
