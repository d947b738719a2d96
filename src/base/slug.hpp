// URL slugs and anchors made from titles: lowercase, Latin accents folded to
// ASCII ("Éducation à l'été" → "education-a-l-ete"), letters and digits of
// other scripts kept as they are ("تقارير"), anything else a hyphen.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

std::string slugify(std::string_view text);

namespace detail {
// The whole of slugify's rules, for any text; slugify takes a shorter way
// for texts of ASCII and Latin letters (tested to agree with this).
std::string slugify_general(std::string_view text);
}  // namespace detail

// True when `s` may be used as one URL path segment or anchor as is: it is
// not empty, not "." or "..", and holds only [a-z0-9._~-] and no '/'.
bool is_clean_segment(std::string_view s);

}  // namespace carnet::base
