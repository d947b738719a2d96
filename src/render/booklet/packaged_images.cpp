#include "render/booklet/packaged_images.hpp"

#include <algorithm>
#include <set>

#include "base/hash.hpp"
#include "wrap/image.hpp"

namespace carnet::render::booklet {

std::string packaged_image_name(const std::string& site_path) {
  const std::string& file = site_path;
  // The file's own extension, lowercased: readers that trust extensions
  // (some do) see the type the content has for every sane file.
  std::string ext;
  if (auto dot = file.rfind('.');
      dot != std::string::npos && file.find('/', dot) == std::string::npos)
    ext = file.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "images/" + base::hex_digest(file, 12) + ext;
}

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;  // name, path

void collect(const Blocks& blocks, Files& files) {
  for (const auto& b : blocks)
    if (b.kind == Block::Kind::image &&
        std::find_if(files.begin(), files.end(),
                     [&](const auto& f) { return f.first == b.image_name; }) == files.end())
      files.push_back({b.image_name, b.image_file});
}

void collect(const std::vector<SectionEntry>& sections, Files& files) {
  for (const auto& s : sections) {
    collect(s.description, files);
    collect(s.children, files);
  }
}

}  // namespace

std::vector<PackagedImage> packaged_images(const Booklet& booklet) {
  Files files;
  collect(booklet.summary, files);
  collect(booklet.intro, files);
  collect(booklet.sections, files);
  for (const auto& n : booklet.notes) collect(n.blocks, files);
  std::vector<PackagedImage> out;
  for (const auto& [name, path] : files) {
    auto image = wrap::Image::load(path);
    PackagedImage p;
    p.name = name;
    p.media_type = base::media_type(image.type());
    p.bytes = image.bytes();
    p.width_pt = image.width();
    p.height_pt = image.height();
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace carnet::render::booklet
