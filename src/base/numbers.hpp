// The numbers authors write in plans and spreadsheets: a percentage ("40",
// "40%", "40 %") and a positive number (a weight: "2", "0.5", "0,5"). One
// rule for the plan reader and `carnet import`, so that what one accepts the
// other does too.
#pragma once

#include <optional>
#include <string_view>

namespace carnet::base {

// 0 to 100; nullopt when the text is anything else.
std::optional<int> parse_percent(std::string_view text);

// Greater than 0 and at most a million; a decimal comma is read as a point.
std::optional<double> parse_positive_number(std::string_view text);

}  // namespace carnet::base
