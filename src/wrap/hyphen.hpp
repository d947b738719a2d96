// RAII for libhyphen dictionaries (the hyphenation patterns LibreOffice uses,
// from Debian's hyphen-fr and hyphen-en-us). hnj_hyphen_load returns NULL when
// the file cannot be read or parsed, and says nothing more.
#pragma once

#include <hyphen.h>

#include <memory>
#include <string>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct HyphenDictDeleter {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

using HyphenDictPtr = std::unique_ptr<HyphenDict, HyphenDictDeleter>;

inline HyphenDictPtr load_hyphen_dict(const std::string& path) {
  HyphenDictPtr dict(hnj_hyphen_load(path.c_str()));
  if (!dict)
    throw base::SystemError("loading hyphenation patterns '" + path +
                            "': cannot read or parse the file");
  return dict;
}

}  // namespace carnet::wrap
