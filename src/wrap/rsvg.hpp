// RAII for librsvg. An RsvgHandle is a GObject (released with
// g_object_unref); librsvg reports failures through GError, which the
// factory turns into base::SystemError("context: librsvg's message").
#pragma once

#include <librsvg/rsvg.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct RsvgHandleDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct GErrorDeleter {
  void operator()(GError* e) const { g_error_free(e); }
};
using RsvgHandlePtr = std::unique_ptr<RsvgHandle, RsvgHandleDeleter>;
using GErrorPtr = std::unique_ptr<GError, GErrorDeleter>;

// Throws "context: message" when `error` is set, and frees it.
inline void check_gerror(GError* error, const std::string& context) {
  if (!error) return;
  GErrorPtr owned(error);
  throw base::SystemError(context + ": " + owned->message);
}

// An SVG document parsed from memory. The handle is not shared between
// threads: each booklet loads its own copy.
inline RsvgHandlePtr make_svg_handle(std::string_view bytes, const std::string& context) {
  GError* error = nullptr;
  RsvgHandlePtr h(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                            bytes.size(), &error));
  check_gerror(error, context);
  if (!h) throw base::SystemError(context + ": not an SVG document");
  return h;
}

}  // namespace carnet::wrap
