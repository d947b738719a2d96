// The image formats Carnet accepts for logos (PNG, JPEG, SVG), recognised
// by their first bytes rather than by the file name: a logo saved as
// "logo.png" that is really a JPEG still works, and a text file renamed
// "logo.svg" is refused when the site loads, not when a booklet is drawn.
#pragma once

#include <optional>
#include <string_view>

namespace carnet::base {

enum class ImageType { png, jpeg, svg };

// The type of an image from its first bytes (at least the first 1024 are
// needed to find an SVG root after an XML declaration and comments).
std::optional<ImageType> sniff_image(std::string_view head);

// "image/png", "image/jpeg", "image/svg+xml".
std::string_view media_type(ImageType type);
// "png", "jpg", "svg": the extension a packaged copy gets (EPUB, ODT).
std::string_view extension(ImageType type);

}  // namespace carnet::base
