// carnet.yaml: the site's settings (PRODUCT.md §2), every field checked.
#pragma once

#include <string_view>

#include "base/diagnostics.hpp"
#include "model/site.hpp"

namespace carnet::load {

model::SiteConfig read_config(std::string_view yaml, base::Diagnostics& diags);

}  // namespace carnet::load
