#include "base/rel_path.hpp"

namespace carnet::base {

std::string parent_dir(std::string_view rel) {
  const auto slash = rel.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(rel.substr(0, slash));
}

std::string file_name(std::string_view rel) {
  const auto slash = rel.rfind('/');
  return std::string(slash == std::string_view::npos ? rel : rel.substr(slash + 1));
}

}  // namespace carnet::base
