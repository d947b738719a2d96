// A plan file (*.plan.yaml) to a model::Plan, with every rule of the plan
// format checked at its exact line and column: unknown fields (with a
// suggestion), unknown statuses, malformed or impossible dates, duplicate ids,
// levels deeper than the plan declares.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/plan.hpp"

namespace carnet::load {

// `source` is the path relative to the site (used in diagnostics and stored
// in the plan); `languages` are the site's, the first the default.
std::optional<model::Plan> read_plan(std::string_view yaml, const std::string& source,
                                     const std::vector<std::string>& languages,
                                     base::Diagnostics& diags);

}  // namespace carnet::load
