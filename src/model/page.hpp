// A Markdown page in one language: the home page (content/_index.LANG.md), a
// section's index (content/DIR/_index.LANG.md) or a regular page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.hpp"
#include "model/data_blocks.hpp"
#include "model/value.hpp"

namespace carnet::model {

enum class PageKind { home, section, regular };

struct Page {
  std::string source;  // relative to the site: "content/rapports/bilan.fr.md"
  std::string lang;    // "fr"
  std::string dir;     // folder under content/: "" or "rapports" or "a/b"
  std::string name;    // file name without language and extension: "bilan", "_index"
  PageKind kind = PageKind::regular;

  // Front matter.
  std::string title;
  std::string summary;
  std::string slug;             // as written ("" when absent)
  std::string translation_key;  // as written ("" when absent)
  std::optional<base::Date> date;
  bool draft = false;
  bool menu = false;
  int weight = 0;
  bool booklet = false;  // `booklet: true`: PDF, EPUB and ODT booklets of the page (PRODUCT.md §9)
  Value params;          // every other front-matter key, as a map

  std::string markdown;  // the body
  int body_line = 1;     // 1-based line of the body's first line in `source`

  // Filled by load/ once every page is known.
  std::string url;    // output folder path: "" (home), "rapports/bilan/", "en/reports/x/"
  std::string group;  // pages with the same group are translations of each other
  std::string html;   // the body as HTML, links rewritten
  std::vector<std::string> anchors;  // heading ids in the body
  // The body's ```figures, ```chart and ```plan blocks, in order; `html`
  // holds a marker where each goes (data_block_marker), which the site
  // renderer replaces with the block drawn in the page's language.
  std::vector<DataBlock> blocks;
};

}  // namespace carnet::model
