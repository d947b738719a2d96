// The booklets of a page marked `booklet: true` (PRODUCT.md §9): which files,
// where. The booklet renderer writes exactly these and the page links them,
// as model::booklet_files does for plans.
#pragma once

#include <string>
#include <vector>

#include "model/site.hpp"

namespace carnet::model {

// "rapports/bilan/bilan.fr.pdf": in the page's own folder, named after it.
// A plan's booklets are files directly under booklets/, and a page's folder
// holds only its index.html and these, so neither can take the other's path.
std::string page_booklet_path(const Page& page, const std::string& format);

// The page's booklets in its language, one per reading format of
// `booklet.formats` (pdf, epub, odt, in that order); none without
// `booklet: true`. Printer's and tête-bêche PDFs are for plans.
std::vector<BookletFile> page_booklet_files(const Site& site, const Page& page);

// A booklet format's media type, for the links: "application/pdf".
std::string booklet_mime(const std::string& format);

}  // namespace carnet::model
