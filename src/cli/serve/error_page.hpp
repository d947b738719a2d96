// The page `carnet serve` shows at every address while the site has content
// errors: each error with its file, line and column, in the words of the
// command line, and the reload script, so that the page turns back into the
// site as soon as the author saves the fix.
#pragma once

#include <string>

#include "base/diagnostics.hpp"

namespace carnet::cli::serve {

std::string error_page_html(const base::Diagnostics& diags, const std::string& events_url);

}  // namespace carnet::cli::serve
