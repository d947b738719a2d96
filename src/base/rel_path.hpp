// Paths relative to a site, always written with '/' whatever the system
// ("plans/plan-2021.plan.yaml"): split into folder and file name.
#pragma once

#include <string>
#include <string_view>

namespace carnet::base {

// "plans/x.plan.yaml" → "plans"; "x.md" → "" (the site's own folder).
std::string parent_dir(std::string_view rel);

// "plans/x.plan.yaml" → "x.plan.yaml".
std::string file_name(std::string_view rel);

}  // namespace carnet::base
