// The folders of a site that hold its sources, besides carnet.yaml: what the
// preview watches, and where a build's output must never go.
#pragma once

namespace carnet::base {

inline constexpr const char* site_source_folders[] = {"content", "static", "layouts",
                                                      "themes",  "i18n",   ".carnet"};

}  // namespace carnet::base
