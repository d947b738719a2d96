// String helpers with no knowledge of Carnet: escaping for HTML and XML,
// trimming, splitting, and the "did you mean" suggestion used by every reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carnet::base {

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);
void html_escape_to(std::string& out, std::string_view s);

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
std::string to_lower_ascii(std::string_view s);
// Lowercase in every script ("À déterminer" → "à déterminer"), by GLib.
std::string to_lower(std::string_view s);

// The candidate closest to `word` by edit distance, ignoring case (accented
// capitals too), or "" when none is close enough to be a plausible misspelling.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// Removes Markdown/HTML markup crudely, for plain-text uses (meta description).
std::string strip_tags(std::string_view html);

}  // namespace carnet::base
