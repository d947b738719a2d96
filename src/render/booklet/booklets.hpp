// Summary booklets of each plan in each language: PDF (print), EPUB 3 and
// ODT, as output files under booklets/ (see model::booklet_path).
#pragma once

#include <string>
#include <vector>

#include "base/output_file.hpp"
#include "model/site.hpp"

namespace carnet::render::booklet {

// Every booklet the site's settings ask for (booklet.formats), for every plan
// and language.
std::vector<base::OutputFile> render_booklets(const model::Site& site);

// One booklet. `format` is "pdf", "epub" or "odt".
std::string render_booklet(const model::Site& site, const model::Plan& plan,
                           const std::string& lang, const std::string& format);

}  // namespace carnet::render::booklet
