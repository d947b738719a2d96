// URL paths inside the output folder. Carnet's pages live at "dir/" paths
// relative to the site root ("" is the home page, "en/reports/x/" a page); the
// HTML links between them relatively, so the same files work under a
// GitHub Pages sub-path and at a domain's root.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// The path part of a base URL, always starting and ending with '/':
// "https://org.github.io/repo" → "/repo/", "https://example.org" → "/".
std::string base_path_of(std::string_view base_url);

// Whether `s` can be a base URL: an absolute http(s) address or a path
// starting with '/'.
bool is_base_url(std::string_view s);

// Whether `s` is a web address a link may point to: http(s)://, something
// after it, and no space, quote or angle bracket that would end it in HTML.
bool is_web_address(std::string_view s);

// base_url with exactly one trailing '/'.
std::string normalized_base_url(std::string_view base_url);

// A relative reference from the page at `from` (a folder path like
// "en/reports/x/", or a file path like "404.html") to `to` (same form).
// relative_url("a/b/", "c/") == "../../c/", relative_url("", "c/") == "c/",
// relative_url("a/", "") == "../".
std::string relative_url(std::string_view from, std::string_view to);

// True when `rel` (a '/'-separated output path) stays inside the output
// folder: no absolute path, no ".." segment, no backslash, no NUL.
bool is_safe_output_path(std::string_view rel);

}  // namespace carnet::base
