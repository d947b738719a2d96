// A typeset page as a display list: what to draw where, plus the structure
// tags, link areas and named destinations the PDF carries. The layout code
// fills pages; the PDF writer only replays them, so that the same pages can
// be written as a reading PDF or imposed two per sheet.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "render/booklet/typesetter.hpp"
#include "wrap/image.hpp"

namespace carnet::render::booklet {

struct DrawText {
  TextBlock block;
  size_t first = 0, last = 0;  // lines [first, last)
  double x = 0, y = 0;         // where the top of line `first` goes
};
struct FillRect {
  Rect rect;
  Color color;
  double radius = 0;  // rounded corners (a dot when radius is half the height)
};
struct StrokeLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Color color;
  bool dotted = false;
};
// An image (a logo) scaled into `rect`, keeping its proportions. Shared,
// because an imposed PDF copies its pages.
struct DrawImage {
  std::shared_ptr<const wrap::Image> image;
  Rect rect;
};
// Structure tags (Tagged PDF): "P", "H1", "Table", "TR", "TH", "TD", "L",
// "LI", "Lbl", "LBody", "Figure", "TOC", "TOCI". `alt` is a figure's
// alternative text.
struct TagBegin {
  std::string name;
  std::string alt;
};
struct TagEnd {
  std::string name;
};
struct Dest {
  std::string name;
  double x = 0, y = 0;
};
struct LinkArea {
  std::vector<Rect> rects;
  std::string uri;   // external
  std::string dest;  // or a named destination in the document
};

using Item =
    std::variant<DrawText, FillRect, StrokeLine, DrawImage, TagBegin, TagEnd, Dest, LinkArea>;

struct Page {
  double width = 0, height = 0;
  std::vector<Item> items;
  std::string running_head;  // the part or outermost section the page belongs to
  bool chrome = true;        // running header and page number (not on the cover)
};

struct OutlineEntry {
  std::string title;
  std::string dest;
  int level = 0;  // 0: top
};

// A booklet laid out: its pages and its bookmarks.
struct LaidOutBooklet {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::string title, author, subject, lang, date_iso;
};

}  // namespace carnet::render::booklet
