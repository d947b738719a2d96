// One file of the output folder, as produced by a renderer: either bytes made
// in memory or a file copied from the site (static/). Only write/ turns these
// into files on disk.
#pragma once

#include <string>

namespace carnet::base {

struct OutputFile {
  std::string path;       // relative to the output folder, '/'-separated
  std::string bytes;      // the content, unless copy_from is set
  std::string copy_from;  // a file on disk to copy instead (absolute path)
};

}  // namespace carnet::base
