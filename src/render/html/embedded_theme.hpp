// The built-in theme (themes/default), compiled into the binary by
// cmake/embed_theme.cmake so that `carnet` works from any folder.
#pragma once

#include <map>
#include <string>

namespace carnet::render::html {

// Path relative to themes/default ("layouts/page.mustache", "css/style.css")
// → the file's bytes. The i18n/ files are here too but unused: load/ reads
// the words from its own copy (load::embedded_words).
const std::map<std::string, std::string>& embedded_theme();

}  // namespace carnet::render::html
