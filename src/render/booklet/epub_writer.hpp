// The booklet as an EPUB 3 that epubcheck accepts without warnings: one XHTML
// document per part (cover and introduction, each outermost section, progress),
// a navigation document, a package document with language metadata, the
// progress chart as SVG, and a stylesheet. Deterministic: entries in a fixed
// order with a fixed date, `mimetype` first and stored.
#pragma once

#include <string>

#include "render/booklet/outline.hpp"

namespace carnet::render::booklet {

std::string write_epub(const Booklet& booklet, const std::string& context);

}  // namespace carnet::render::booklet
