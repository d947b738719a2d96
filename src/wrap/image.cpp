#include "wrap/image.hpp"

#include <algorithm>
#include <memory>

#include "base/fs.hpp"

namespace carnet::wrap {

namespace {

// CSS pixels: a logo of 300 px is 225 pt wide, as a browser shows it.
constexpr double points_per_pixel = 0.75;

struct PngReader {
  std::string_view rest;
  static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
    auto* self = static_cast<PngReader*>(closure);
    if (self->rest.size() < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(self->rest.data(), length, data);
    self->rest.remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
  }
};

unsigned be16(std::string_view b, size_t at) {
  return (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
}

}  // namespace

JpegSize jpeg_size(std::string_view b) {
  // Segments follow the SOI marker: FF, a marker byte, then (except for the
  // standalone markers) a big-endian length that counts itself. The frame
  // header of any SOFn (C0–CF but DHT C4, JPG C8 and DAC CC) holds
  // precision, height, width.
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xff) return {};
    unsigned char marker = static_cast<unsigned char>(b[i + 1]);
    if (marker == 0xff) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker == 0xd9 || marker == 0xda) return {};  // end of image, start of scan: no frame
    unsigned length = be16(b, i + 2);
    if (length < 2) return {};
    bool sof =
        marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    if (sof) {
      if (i + 9 > b.size() || length < 7) return {};
      return {static_cast<int>(be16(b, i + 7)), static_cast<int>(be16(b, i + 5))};
    }
    i += 2 + length;
  }
  return {};
}

Image Image::load(const std::string& path) { return from_bytes(base::read_file(path), path); }

Image Image::from_bytes(std::string bytes, const std::string& name) {
  const std::string context = "reading the image '" + name + "'";
  auto type = base::sniff_image(bytes);
  if (!type) throw base::SystemError(context + ": not a PNG, JPEG or SVG file");
  Image img;
  img.type_ = *type;
  img.bytes_ = std::move(bytes);
  switch (*type) {
    case base::ImageType::png: {
      PngReader reader{img.bytes_};
      img.surface_.reset(cairo_image_surface_create_from_png_stream(&PngReader::read, &reader));
      check_cairo(cairo_surface_status(img.surface_.get()), context);
      img.width_ = cairo_image_surface_get_width(img.surface_.get()) * points_per_pixel;
      img.height_ = cairo_image_surface_get_height(img.surface_.get()) * points_per_pixel;
      break;
    }
    case base::ImageType::jpeg: {
      auto size = jpeg_size(img.bytes_);
      if (size.width <= 0 || size.height <= 0)
        throw base::SystemError(context + ": no frame header with a size in this JPEG file");
      // Not decoded: the PDF gets the file itself. Targets that cannot take
      // JPEG data (an image surface) see a white box of the right size.
      img.surface_ = make_image_surface(CAIRO_FORMAT_RGB24, size.width, size.height);
      {
        Cairo cr = make_cairo(img.surface_.get());
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
      }
      cairo_surface_flush(img.surface_.get());
      // cairo keeps the pointer beyond this Image (a PDF surface holds its
      // sources until it is finished), so cairo owns a copy, released by the
      // callback once the surface is gone.
      auto kept = std::make_unique<std::string>(img.bytes_);
      check_cairo(cairo_surface_set_mime_data(
                      img.surface_.get(), CAIRO_MIME_TYPE_JPEG,
                      reinterpret_cast<const unsigned char*>(kept->data()), kept->size(),
                      [](void* p) { std::unique_ptr<std::string>(static_cast<std::string*>(p)); },
                      kept.get()),
                  context);
      kept.release();
      img.width_ = size.width * points_per_pixel;
      img.height_ = size.height * points_per_pixel;
      break;
    }
    case base::ImageType::svg: {
      img.svg_ = make_svg_handle(img.bytes_, context);
      rsvg_handle_set_dpi(img.svg_.get(), 96);
      double w = 0, h = 0;
      if (!rsvg_handle_get_intrinsic_size_in_pixels(img.svg_.get(), &w, &h)) {
        // Width and height in percentages (or none): the viewBox gives the proportions.
        gboolean has_viewbox = FALSE;
        RsvgRectangle viewbox{};
        rsvg_handle_get_intrinsic_dimensions(img.svg_.get(), nullptr, nullptr, nullptr, nullptr,
                                             &has_viewbox, &viewbox);
        if (!has_viewbox)
          throw base::SystemError(context +
                                  ": the SVG has neither a width and height nor a viewBox");
        w = viewbox.width;
        h = viewbox.height;
      }
      if (w <= 0 || h <= 0) throw base::SystemError(context + ": the SVG has no size");
      img.width_ = w * points_per_pixel;
      img.height_ = h * points_per_pixel;
      break;
    }
  }
  return img;
}

void Image::draw(cairo_t* cr, double x, double y, double w, double h) const {
  const double scale = std::min(w / width_, h / height_);
  const double dw = width_ * scale, dh = height_ * scale;
  const double ox = x + (w - dw) / 2, oy = y + (h - dh) / 2;
  cairo_save(cr);
  if (svg_) {
    RsvgRectangle viewport{ox, oy, dw, dh};
    GError* error = nullptr;
    rsvg_handle_render_document(svg_.get(), cr, &viewport, &error);
    cairo_restore(cr);
    check_gerror(error, "drawing an SVG image");
  } else {
    const double pw = cairo_image_surface_get_width(surface_.get());
    const double ph = cairo_image_surface_get_height(surface_.get());
    cairo_translate(cr, ox, oy);
    cairo_scale(cr, dw / pw, dh / ph);
    cairo_set_source_surface(cr, surface_.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_rectangle(cr, 0, 0, pw, ph);
    cairo_fill(cr);
    cairo_restore(cr);
  }
  check_cairo(cairo_status(cr), "drawing an image");
}

}  // namespace carnet::wrap
