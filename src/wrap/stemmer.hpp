// RAII for libstemmer (Snowball, Debian's libstemmer-dev). sb_stemmer_new
// returns NULL for an unknown algorithm or encoding and when out of memory;
// sb_stemmer_stem returns NULL only when out of memory. A stemmer keeps its
// state between calls, so one belongs to one thread.
#pragma once

#include <libstemmer.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

class Stemmer {
 public:
  // `algorithm`: "french", "english", or a language code ("fr", "en").
  explicit Stemmer(const std::string& algorithm) : s_(sb_stemmer_new(algorithm.c_str(), "UTF_8")) {
    if (!s_) throw base::SystemError("snowball stemmer '" + algorithm + "': not available");
  }

  // `word` is lowercase UTF-8.
  std::string stem(std::string_view word) const {
    const sb_symbol* out = sb_stemmer_stem(
        s_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!out) throw base::SystemError("snowball stemmer: out of memory");
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<size_t>(sb_stemmer_length(s_.get())));
  }

 private:
  std::unique_ptr<sb_stemmer, StemmerDeleter> s_;
};

}  // namespace carnet::wrap
