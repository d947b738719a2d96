// RAII for cairo handles. Cairo never returns NULL: a failed call returns a
// "nil" object whose status tells what went wrong, so every factory here
// checks cairo_*_status() and throws base::SystemError("context: cause").
// A PDF surface's closing can fail (the last bytes are written on finish),
// so it lives in PdfSurface, whose commit() finishes it and hands over bytes.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <string>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;

// Throws "context: cairo's message" when `status` is an error.
inline void check_cairo(cairo_status_t status, const std::string& context) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw base::SystemError(context + ": " + cairo_status_to_string(status));
}

inline CairoSurface make_image_surface(cairo_format_t format, int width, int height) {
  CairoSurface s(cairo_image_surface_create(format, width, height));
  check_cairo(cairo_surface_status(s.get()), "creating an image surface");
  return s;
}

inline Cairo make_cairo(cairo_surface_t* surface) {
  Cairo cr(cairo_create(surface));
  check_cairo(cairo_status(cr.get()), "creating a cairo context");
  return cr;
}

// A PDF written into memory. Destroying it without commit() discards the
// document; commit() finishes the surface (cairo writes fonts, outline and
// cross-reference table then) and returns the bytes, or throws when cairo
// failed at any point.
class PdfSurface {
 public:
  PdfSurface(double width_pt, double height_pt, std::string context)
      : bytes_(std::make_unique<std::string>()), context_(std::move(context)) {
    surface_.reset(cairo_pdf_surface_create_for_stream(&append, bytes_.get(), width_pt, height_pt));
    check_cairo(cairo_surface_status(surface_.get()), context_);
  }
  ~PdfSurface() = default;  // an unfinished surface is destroyed: its bytes go nowhere
  PdfSurface(PdfSurface&&) = default;
  PdfSurface& operator=(PdfSurface&&) = default;

  cairo_surface_t* get() const { return surface_.get(); }

  std::string commit() {
    cairo_surface_finish(surface_.get());
    check_cairo(cairo_surface_status(surface_.get()), context_);
    surface_.reset();
    return std::move(*bytes_);
  }

 private:
  static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  // Declared first so that it outlives the surface, which may still write
  // into it while being destroyed.
  std::unique_ptr<std::string> bytes_;
  std::string context_;
  CairoSurface surface_;
};

// A PNG of an image surface, in memory.
inline std::string write_png(cairo_surface_t* surface, const std::string& context) {
  std::string out;
  auto append = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  };
  check_cairo(cairo_surface_write_to_png_stream(surface, append, &out), context);
  return out;
}

}  // namespace carnet::wrap
