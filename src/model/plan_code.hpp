// The grammar of a plan item's code as people write it at the start of a
// title ("2.3", "II.A", "b"): one definition for `carnet import`, which
// splits a level cell "1.2. Title" into code and title, and for the open-data
// CSV, which writes a cell that way only when import will read it back.
#pragma once

#include <string_view>

namespace carnet::model {

// One dot-separated part of a code: up to 3 digits or 5 upper-case roman
// letters (I, V, X); after the first part also up to 5 lower-case roman
// letters or one letter. `first` is false for a code of one part, which may
// be any of these ("b", "iv").
bool is_code_part(std::string_view part, bool first);

// "2", "2.3", "II", "II.A", "b": a code whose parts all read as above.
bool is_plan_code(std::string_view code);

}  // namespace carnet::model
