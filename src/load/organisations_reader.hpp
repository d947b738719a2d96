// Reads content/organisations.yaml (PRODUCT.md §8): a list of organisations,
// each `{id, name, short, aliases, website}`, checked with exact positions:
// unknown keys, wrong types, a missing name, bad ids and websites, and a
// name, short name or alias that two entries claim (one spelling must mean
// one organisation). Every error is reported; entries with errors are kept
// out of the result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/organisations.hpp"

namespace carnet::load {

std::vector<model::OrganisationEntry> read_organisations(std::string_view text,
                                                         const std::string& path,
                                                         const std::vector<std::string>& languages,
                                                         base::Diagnostics& diags);

}  // namespace carnet::load
