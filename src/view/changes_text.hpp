// What changed in a plan since its reference (`since:`, PRODUCT.md §6), as
// plain text in one language for `carnet changes`: the person preparing a
// general assembly reads it in a terminal or pastes it into a report. The
// words are the site's (`site.words`: statuses, due wordings, headings), the
// comparison is model::compare_plans between the plan at the reference and
// the plan now.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "model/words.hpp"

namespace carnet::view {

// The plan's title, "Changes since REF (date)" and every change, each action
// as "CODE ID  TITLE"; "" when the plan has no reference (no history, or no
// `since`). `fallback` is the site's default language, for texts missing in
// `lang`.
std::string changes_text(const model::Plan& plan, const model::Words& words,
                         const std::string& lang, const std::string& fallback);

}  // namespace carnet::view
