#include "render/booklet/flow.hpp"

#include <algorithm>

namespace carnet::render::booklet {

namespace {
constexpr size_t orphans = 2;         // lines kept together at the bottom of a page
constexpr size_t widows = 2;          // and at the top of the next
constexpr double note_rule_gap = 10;  // above the footnotes: space and a short rule
constexpr double note_gap = 2;        // between two footnotes
}  // namespace

void Flow::new_page(bool landscape) {
  if (!pages_.empty()) {
    for (auto it = open_tags_.rbegin(); it != open_tags_.rend(); ++it) add(TagEnd{*it});
    flush_notes();
  }
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

std::vector<std::string> Flow::new_notes(const std::vector<std::vector<std::string>>& lines,
                                         size_t first, size_t last) const {
  std::vector<std::string> out;
  for (size_t i = first; i < last && i < lines.size(); ++i)
    for (const auto& d : lines[i])
      if (std::find(page_notes_.begin(), page_notes_.end(), d) == page_notes_.end() &&
          std::find(out.begin(), out.end(), d) == out.end())
        out.push_back(d);
  return out;
}

double Flow::notes_height(const std::vector<std::string>& notes) const {
  if (notes.empty()) return 0;
  double h = page_notes_.empty() ? note_rule_gap : 0;
  for (const auto& d : notes) h += notes_.at(d).height() + note_gap;
  return h;
}

void Flow::flush_notes() {
  if (page_notes_.empty()) return;
  double y = geometry_.height - geometry_.bottom - reserve_;
  add(StrokeLine{left(), y + note_rule_gap / 2, left() + 72, y + note_rule_gap / 2, 0.5,
                 palette::rule});
  y += note_rule_gap;
  for (const auto& d : page_notes_) {
    const TextBlock& t = notes_.at(d);
    add(Dest{d, left(), y});
    add(TagBegin{"Note", ""});
    add(DrawText{t, 0, t.lines.size(), left(), y});
    add(TagEnd{"Note"});
    y += t.height() + note_gap;
  }
  page_notes_.clear();
  reserve_ = 0;
}

void Flow::finish() {
  if (!pages_.empty()) flush_notes();
}

void Flow::text(const TextBlock& block, double indent, const std::string& tag,
                const TextBlock* marker, double marker_x) {
  size_t n = block.lines.size();
  // The footnotes each line calls.
  std::vector<std::vector<std::string>> calls;
  if (!notes_.empty())
    for (const auto& link : block.links) {
      if (link.href.rfind("#note-", 0) != 0 || !notes_.count(link.href.substr(1))) continue;
      int line = 0, x = 0;
      pango_layout_index_to_line_x(block.layout, link.start, FALSE, &line, &x);
      if (line < 0 || static_cast<size_t>(line) >= n) continue;
      calls.resize(n);
      calls[line].push_back(link.href.substr(1));
    }
  size_t first = 0;
  bool first_piece = true;
  while (first < n) {
    // How many lines fit here, with the notes they call?
    size_t fit = first;
    while (fit < n &&
           block.height_of(first, fit + 1) + notes_height(new_notes(calls, first, fit + 1)) <=
               space_left() + 0.01)
      fit++;
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
    // The piece's notes take their room at the foot of this page.
    auto taken = new_notes(calls, first, first + count);
    reserve_ += notes_height(taken);
    for (auto& d : taken) page_notes_.push_back(std::move(d));
    first += count;
    first_piece = false;
    if (first < n) new_page(landscape_);
  }
}

}  // namespace carnet::render::booklet
