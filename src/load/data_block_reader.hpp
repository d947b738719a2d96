// Reads the YAML of a page's data blocks (```figures, ```chart, ```plan;
// PRODUCT.md §9) into model::DataBlock, checking every rule and reporting
// each error at its line and column in the page's file: the block's YAML
// starts on the line after its fence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/data_blocks.hpp"
#include "model/plan.hpp"

namespace carnet::load {

struct DataBlockContext {
  std::string path;  // the page's file, relative to the site
  std::string lang;  // the page's language: a plain text is in it
  const std::vector<std::string>* languages = nullptr;  // the site's
  const std::vector<model::Plan>* plans = nullptr;      // every plan of the site
};

// The block of `kind` whose YAML is `yaml`, opened by a fence on 1-based
// `fence_line`; nullopt (with every error reported) when it has any error.
// Columns are those of the YAML: exact for a fence at the start of its line
// (a fence indented in a list item has its indent taken off by Markdown).
std::optional<model::DataBlock> read_data_block(model::DataBlock::Kind kind, std::string_view yaml,
                                                int fence_line, const DataBlockContext& ctx,
                                                base::Diagnostics& diags);

}  // namespace carnet::load
