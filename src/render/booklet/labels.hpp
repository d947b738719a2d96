// The words a booklet prints besides the plan's own text and what the plan
// view (view/plan_display) already words: the headings of the booklet's
// parts, the progress page's words, the colon between a label and its value.
// They come from the site's words (model::Words: the theme's i18n/LANG.yaml
// with the site's i18n/ overrides), the same words as the web pages'; this
// file only picks the keys.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "model/words.hpp"

namespace carnet::render::booklet {

// One language's booklet words, looked up once per booklet.
struct Words {
  std::string contents, summary, introduction, progress, continued, action, total, adopted_on,
      figure_alt, section, epub_accessibility;
  std::string colon;         // between a label and its value: " : " in French, ": " in English
  std::string total_column;  // the progress table's last column: "Total"
  std::string one_action, many_actions;  // under the key figure: "Action", "Actions"
  // Tracking: "Avancement", "Actions en retard", "Historique des états", " → ".
  std::string progress_of, late_count;
  // What a list cut short ends with: "… et {n} autres" (the one-page summary).
  std::string more_items;
};

Words words(const model::Words& site_words, const std::string& lang);

// A field's label: the plan's `labels:` entry, else the word field_FIELD
// ("Années"). The view words every column but the year grid as a whole,
// which a card shows as one line.
std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang, const model::Words& words);

}  // namespace carnet::render::booklet
