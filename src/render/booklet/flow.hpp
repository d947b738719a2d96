// The paginator: places blocks top to bottom and starts a new page when the
// next one does not fit. Text splits between pages only at line boundaries,
// never leaving one line alone at the bottom or top of a page. Container tags
// (lists, tables) still open at a page break are closed on the page and
// opened again on the next, so each page's tags are balanced.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "render/booklet/page.hpp"
#include "render/booklet/theme.hpp"

namespace carnet::render::booklet {

class Flow {
 public:
  Flow(PageGeometry geometry, std::vector<Page>& pages)
      : portrait_(geometry), geometry_(geometry), pages_(pages) {}

  void new_page(bool landscape = false);
  bool landscape() const { return landscape_; }
  const PageGeometry& geometry() const { return geometry_; }

  Page& page() { return pages_.back(); }
  size_t page_index() const { return pages_.size() - 1; }
  void add(Item item) { page().items.push_back(std::move(item)); }

  double left() const { return geometry_.left; }
  double width() const { return geometry_.content_width(); }
  double y() const { return y_; }
  // Above the footnotes taken on this page.
  double bottom() const { return geometry_.height - geometry_.bottom - reserve_; }
  double space_left() const { return bottom() - y_; }
  bool at_top() const { return fresh_; }
  // Content was placed on this page: vertical space is kept from now on.
  void mark_used() { fresh_ = false; }

  // Vertical space; none at the top of a page.
  void space(double h);
  void advance(double h) {
    y_ += h;
    fresh_ = false;
  }
  // A new page unless `h` points fit (and the page is not empty already).
  void ensure(double h);

  void open(const std::string& tag);
  void close(const std::string& tag);

  // Places a text block at `indent` from the left margin, in tag `tag` ("P",
  // "H2", or "" for none), splitting it between pages when needed.
  // `marker` (a list bullet) is drawn beside the first line.
  void text(const TextBlock& block, double indent, const std::string& tag,
            const TextBlock* marker = nullptr, double marker_x = 0);

  // Running head for the pages that start from now on.
  void set_running_head(std::string head) { running_head_ = std::move(head); }

  // Footnotes (a page's booklet): each note's text, already set, by its
  // destination ("note-N"). A line of text linking to "#note-N" takes its
  // note to the foot of its own page: the line goes to the next page when
  // the two do not fit together.
  void set_footnotes(std::map<std::string, TextBlock> notes) { notes_ = std::move(notes); }
  // Draws the last page's footnotes: once the last block is placed.
  void finish();

 private:
  PageGeometry portrait_;
  PageGeometry geometry_;
  std::vector<Page>& pages_;
  bool landscape_ = false;
  double y_ = 0;
  bool fresh_ = true;
  std::vector<std::string> open_tags_;
  std::string running_head_;
  std::map<std::string, TextBlock> notes_;
  std::vector<std::string> page_notes_;  // the current page's, in order
  double reserve_ = 0;                   // their height, rule included

  // The notes lines [first, last) of `lines` call that this page does not
  // hold yet, and the room they take.
  std::vector<std::string> new_notes(const std::vector<std::vector<std::string>>& lines,
                                     size_t first, size_t last) const;
  double notes_height(const std::vector<std::string>& notes) const;
  void flush_notes();
};

}  // namespace carnet::render::booklet
