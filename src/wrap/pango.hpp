// RAII for Pango handles. Pango's objects are GObjects (released with
// g_object_unref) except font descriptions, attribute lists and iterators,
// which have their own free functions. Pango returns NULL only when it cannot
// allocate, except for the font map, which is checked by its factory.
#pragma once

#include <pango/pangocairo.h>

#include <memory>

#include "base/system_error.hpp"

namespace carnet::wrap {

struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
struct PangoFontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct PangoAttrListDeleter {
  void operator()(PangoAttrList* l) const { pango_attr_list_unref(l); }
};
struct PangoLayoutIterDeleter {
  void operator()(PangoLayoutIter* i) const { pango_layout_iter_free(i); }
};

using PangoFontMapPtr = std::unique_ptr<PangoFontMap, GObjectDeleter>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using PangoFontPtr = std::unique_ptr<PangoFont, GObjectDeleter>;
using PangoFontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionDeleter>;
using PangoAttrListPtr = std::unique_ptr<PangoAttrList, PangoAttrListDeleter>;
using PangoLayoutIterPtr = std::unique_ptr<PangoLayoutIter, PangoLayoutIterDeleter>;

// A font map of its own: Pango's font maps are not meant to be shared between
// threads, and each booklet is typeset on one thread.
inline PangoFontMapPtr make_font_map() {
  PangoFontMapPtr map(pango_cairo_font_map_new());
  if (!map)
    throw base::SystemError("creating a Pango font map: no font backend (fontconfig) available");
  return map;
}

inline PangoContextPtr make_context(PangoFontMap* map) {
  return PangoContextPtr(pango_font_map_create_context(map));
}

inline PangoLayoutPtr make_layout(PangoContext* context) {
  return PangoLayoutPtr(pango_layout_new(context));
}

inline PangoFontDescriptionPtr make_font_description(const char* spec) {
  return PangoFontDescriptionPtr(pango_font_description_from_string(spec));
}

inline PangoAttrListPtr make_attr_list() { return PangoAttrListPtr(pango_attr_list_new()); }

inline PangoLayoutIterPtr make_iter(PangoLayout* layout) {
  return PangoLayoutIterPtr(pango_layout_get_iter(layout));
}

}  // namespace carnet::wrap
