// A file descriptor, closed once: when it goes, or by close() to see the
// error a delayed write reports there.
#pragma once

#include <unistd.h>

#include <utility>

namespace carnet::base {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int close() { return ::close(std::exchange(fd_, -1)); }

 private:
  int fd_;
};

}  // namespace carnet::base
