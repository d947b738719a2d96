// The paginator: places blocks top to bottom and starts a new page when the
// next one does not fit. Text splits between pages only at line boundaries,
// never leaving one line alone at the bottom or top of a page. Container tags
// (lists, tables) still open at a page break are closed on the page and
// opened again on the next, so each page's tags are balanced.
#pragma once

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
  double bottom() const { return geometry_.height - geometry_.bottom; }
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

 private:
  PageGeometry portrait_;
  PageGeometry geometry_;
  std::vector<Page>& pages_;
  bool landscape_ = false;
  double y_ = 0;
  bool fresh_ = true;
  std::vector<std::string> open_tags_;
  std::string running_head_;
};

}  // namespace carnet::render::booklet
