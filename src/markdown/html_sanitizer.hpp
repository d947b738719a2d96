// What raw HTML may do on a page of a site that says
// `markdown: {unsafe_html: true}`: the HTML is parsed (libxml2's HTML
// parser) and written back from the tree, keeping only the elements and
// attributes of a written allow-list, and only addresses a browser would
// open as http, https, mailto, tel, a relative path or a fragment. Nothing
// is matched as a string: an attribute value is checked after the parser
// has decoded it, and written back escaped, so the browser reads exactly the
// value that was checked. The lists and the reasons are in
// docs/decisions.md ("Raw HTML: an allow-list over parsed HTML").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace carnet::markdown {

// `html` (a fragment: a page body) with everything outside the allow-list
// removed. Elements that are not allowed are unwrapped (their text stays),
// except those whose content is code or another document (script, style,
// object, svg, math…), which go with their content. Comments go.
std::string sanitize_html(std::string_view html);

// The address a browser would follow for `value` (a decoded href, src…),
// when its scheme is one the sanitizer keeps: leading and trailing spaces
// and control characters removed, tabs and line breaks removed inside, as
// browsers do before reading the scheme. nullopt for any other scheme
// (javascript:, data:, vbscript:, file:…).
std::optional<std::string> safe_url(std::string_view value);

}  // namespace carnet::markdown
