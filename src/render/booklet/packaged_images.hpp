// The images of a page's booklet as the EPUB and the ODT package them: each
// file once, under a name made from its path in the site (so every writer
// and every reference agrees on it without a table, and the name does not
// depend on where the site is), with its media type and its natural size. The PDF draws the files
// instead (block_layout.cpp).
#pragma once

#include <string>
#include <vector>

#include "render/booklet/outline.hpp"

namespace carnet::render::booklet {

struct PackagedImage {
  std::string name;        // "images/3f2a9c01b4d7.png", the same in EPUB/ and ODT Pictures/
  std::string media_type;  // "image/png"
  std::string bytes;
  double width_pt = 0, height_pt = 0;
};

// The name an image goes by inside a package (see PackagedImage::name), from
// its path relative to the site ("static/images/x.png").
std::string packaged_image_name(const std::string& site_path);

// Every image of the booklet's blocks (introduction, sections, notes), each
// file once, in reading order. Throws base::SystemError when a file cannot
// be read or decoded.
std::vector<PackagedImage> packaged_images(const Booklet& booklet);

}  // namespace carnet::render::booklet
