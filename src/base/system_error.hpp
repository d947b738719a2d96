// Failures of the system or of a library (I/O, a C library's error channel),
// as opposed to content errors. The message reads "context: cause", e.g.
// "writing 'booklets/plan.fr.pdf': No space left on device".
#pragma once

#include <stdexcept>
#include <string>

namespace carnet::base {

class SystemError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "context: strerror(errno)".
[[noreturn]] void throw_errno(const std::string& context, int err);

}  // namespace carnet::base
