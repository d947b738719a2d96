#include "render/booklet/flow.hpp"

#include <algorithm>

namespace carnet::render::booklet {

namespace {
constexpr size_t orphans = 2;  // lines kept together at the bottom of a page
constexpr size_t widows = 2;   // and at the top of the next
}  // namespace

void Flow::new_page(bool landscape) {
  if (!pages_.empty())
    for (auto it = open_tags_.rbegin(); it != open_tags_.rend(); ++it) add(TagEnd{*it});
  landscape_ = landscape;
  geometry_ = landscape ? portrait_.landscape() : portrait_;
  Page p;
  p.width = geometry_.width;
  p.height = geometry_.height;
  p.running_head = running_head_;
  pages_.push_back(std::move(p));
  for (const auto& tag : open_tags_) add(TagBegin{tag, ""});
  y_ = geometry_.top;
  fresh_ = true;
}

void Flow::space(double h) {
  if (fresh_) return;
  y_ += h;
}

void Flow::ensure(double h) {
  if (!fresh_ && h > space_left()) new_page(landscape_);
}

void Flow::open(const std::string& tag) {
  add(TagBegin{tag, ""});
  open_tags_.push_back(tag);
}

void Flow::close(const std::string& tag) {
  add(TagEnd{tag});
  if (!open_tags_.empty()) open_tags_.pop_back();
}

void Flow::text(const TextBlock& block, double indent, const std::string& tag,
                const TextBlock* marker, double marker_x) {
  size_t n = block.lines.size();
  size_t first = 0;
  bool first_piece = true;
  while (first < n) {
    // How many lines fit here?
    size_t fit = first;
    while (fit < n && block.height_of(first, fit + 1) <= space_left() + 0.01) fit++;
    size_t count = fit - first;
    if (count < n - first) {
      // Keep two lines together on each side of the break.
      if (n - first - count < widows) count = n - first >= widows ? n - first - widows : 0;
      if (count < orphans) count = 0;
      if (count == 0 && !fresh_) {
        new_page(landscape_);
        continue;
      }
      // A block taller than a whole page still breaks somewhere.
      if (count == 0) count = std::max<size_t>(1, fit - first);
    }
    if (marker && first_piece && !marker->empty()) {
      // Align the marker's baseline with the first line's.
      double dy = block.lines[0].baseline - marker->lines[0].baseline;
      bool label = tag == "LBody";
      if (label) add(TagBegin{"Lbl", ""});
      add(DrawText{*marker, 0, marker->lines.size(), left() + marker_x, y_ + dy});
      if (label) add(TagEnd{"Lbl"});
    }
    if (!tag.empty()) add(TagBegin{tag, ""});
    add(DrawText{block, first, first + count, left() + indent, y_});
    if (!tag.empty()) add(TagEnd{tag});
    y_ += block.height_of(first, first + count);
    fresh_ = false;
    first += count;
    first_piece = false;
    if (first < n) new_page(landscape_);
  }
}

}  // namespace carnet::render::booklet
