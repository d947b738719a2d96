// Summary booklets of each plan in each language: PDF (print), EPUB 3 and
// ODT, as output files under booklets/ (see model::booklet_path).
//
// Besides those, carnet.yaml's booklet settings add, per plan:
// - `imposition: saddle-stitch`: booklets/NAME.LANG.saddle-stitch.pdf, the
//   booklet on half-size pages (half-letter, or A5 on A4) imposed two per
//   side of a landscape sheet of the paper, for double-sided printing and
//   folding (see model::imposed_path);
// - `bilingual: tete-beche`: booklets/NAME.fr-en.pdf, the first two site
//   languages back to back, the second upside down from the back cover (see
//   model::tete_beche_path); imposed as well when `imposition` is set.
#pragma once

#include <string>
#include <vector>

#include "base/output_file.hpp"
#include "model/site.hpp"

namespace carnet::render::booklet {

// Every booklet the site's settings ask for (booklet.formats), for every plan
// and language, plus the imposed and tête-bêche PDFs when asked for.
std::vector<base::OutputFile> render_booklets(const model::Site& site);

// One booklet. `format` is "pdf", "epub", "odt" or "summary" (the one-page
// summary PDF, see summary_layout.hpp). Safe to call from several
// threads at once (typesetting takes a process-wide lock).
std::string render_booklet(const model::Site& site, const model::Plan& plan,
                           const std::string& lang, const std::string& format);

// The PDF of one language imposed for saddle-stitch printing.
std::string render_imposed(const model::Site& site, const model::Plan& plan,
                           const std::string& lang);

// The tête-bêche PDF of the site's first two languages.
std::string render_tete_beche(const model::Site& site, const model::Plan& plan);

}  // namespace carnet::render::booklet
