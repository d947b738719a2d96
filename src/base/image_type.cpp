#include "base/image_type.hpp"

namespace carnet::base {

std::optional<ImageType> sniff_image(std::string_view head) {
  if (head.starts_with("\x89PNG\r\n\x1a\n")) return ImageType::png;
  if (head.starts_with("\xff\xd8\xff")) return ImageType::jpeg;
  // SVG is XML: an optional BOM, declaration, comments and doctype may come
  // before the root, so look for "<svg" among the first bytes of a text that
  // starts like markup.
  std::string_view s = head;
  if (s.starts_with("\xef\xbb\xbf")) s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  if (!s.starts_with('<')) return std::nullopt;
  if (s.substr(0, 4096).find("<svg") != std::string_view::npos) return ImageType::svg;
  return std::nullopt;
}

std::string_view media_type(ImageType type) {
  switch (type) {
    case ImageType::png:
      return "image/png";
    case ImageType::jpeg:
      return "image/jpeg";
    case ImageType::svg:
      return "image/svg+xml";
  }
  return "";
}

std::string_view extension(ImageType type) {
  switch (type) {
    case ImageType::png:
      return "png";
    case ImageType::jpeg:
      return "jpg";
    case ImageType::svg:
      return "svg";
  }
  return "";
}

}  // namespace carnet::base
