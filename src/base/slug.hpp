// URL slugs and anchors made from titles: lowercase ASCII, French accents
// folded ("Éducation à l'été" → "education-a-l-ete"), anything else a hyphen.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

std::string slugify(std::string_view text);

// True when `s` may be used as one URL path segment or anchor as is: it is
// not empty, not "." or "..", and holds only [a-z0-9._~-] and no '/'.
bool is_clean_segment(std::string_view s);

}  // namespace carnet::base
