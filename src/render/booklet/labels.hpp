// The words a booklet prints besides the plan's own text: field labels
// (renamed per plan by `labels:`), statuses, "due" wordings and the headings
// of the booklet's parts. They come from the site's words (model::Words: the
// theme's i18n/LANG.yaml with the site's i18n/ overrides), the same words as
// the web pages'; this file only picks the keys. The plan's own labels come
// first.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "model/words.hpp"

namespace carnet::render::booklet {

// One language's booklet words, looked up once per booklet.
struct Words {
  std::string contents, summary, introduction, progress, continued, page, notes, action, status,
      total, actions, adopted_on, ongoing, tbd, figure_alt, section, epub_accessibility;
  std::string colon;         // between a label and its value: " : " in French, ": " in English
  std::string total_column;  // the progress table's last column: "Total"
  std::string one_action, many_actions;  // under the key figure: "Action", "Actions"
};

Words words(const model::Words& site_words, const std::string& lang);

// A field's label: the plan's `labels:` entry, else the word field_FIELD ("Échéance").
std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang, const model::Words& words);

// The word status_STATUS ("En cours").
std::string status_label(model::Status status, const std::string& lang, const model::Words& words);

// "31 décembre 2022", "En continu", "À déterminer", or the plan's free text.
std::string due_text(const model::Due& due, const std::string& lang,
                     const std::string& default_lang, const model::Words& words);

// The word percent with the value: "50 %" in French (a narrow no-break
// space, from fr.yaml), "50%" in English.
std::string percent_text(int value, const std::string& lang, const model::Words& words);

}  // namespace carnet::render::booklet
