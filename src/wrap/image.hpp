// An image file drawn with cairo: a logo on a booklet's cover, a partner's
// logo on its back cover, a figure. PNG is decoded by cairo; JPEG is not
// decoded at all but handed to cairo as MIME data, so a PDF embeds the file
// as it is (DCT) at the size read from its header; SVG is drawn by librsvg
// as vectors. The file's bytes stay available for the formats that package
// the file itself (EPUB, ODT).
#pragma once

#include <cairo.h>

#include <string>
#include <string_view>

#include "base/image_type.hpp"
#include "wrap/cairo.hpp"
#include "wrap/rsvg.hpp"

namespace carnet::wrap {

// An image file (PNG, JPEG or SVG, recognised by content) ready to draw with
// cairo. Move-only: librsvg handles are not meant to be shared between
// threads, so each booklet loads its own.
class Image {
 public:
  // Throws std::runtime_error (base::SystemError) naming the path and the
  // reason when the file cannot be read or decoded.
  static Image load(const std::string& path);
  // The same from bytes in memory; `name` is used in messages.
  static Image from_bytes(std::string bytes, const std::string& name);

  double width() const { return width_; }  // natural size in points (1 px = 0.75 pt)
  double height() const { return height_; }
  base::ImageType type() const { return type_; }
  const std::string& bytes() const { return bytes_; }  // the file as read

  // Draws the image scaled into the box (x, y, w, h), keeping its aspect
  // ratio and centred in the box; in a PDF surface JPEG stays JPEG (cairo
  // MIME data) and SVG stays vectors (librsvg).
  void draw(cairo_t* cr, double x, double y, double w, double h) const;

 private:
  Image() = default;

  base::ImageType type_ = base::ImageType::png;
  std::string bytes_;
  double width_ = 0, height_ = 0;
  CairoSurface surface_;  // PNG and JPEG
  RsvgHandlePtr svg_;     // SVG
};

// The pixel size in a JPEG's frame header (SOFn), or {0, 0} when there is
// none; exposed for its test.
struct JpegSize {
  int width = 0, height = 0;
};
JpegSize jpeg_size(std::string_view bytes);

}  // namespace carnet::wrap
