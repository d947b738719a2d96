// The words a booklet prints besides the plan's own text: field labels
// (renamed per plan by `labels:`), statuses, "due" wordings and the headings
// of the booklet's parts, in French and English (English for any other
// language, the plan's own labels first).
#pragma once

#include <string>

#include "model/plan.hpp"

namespace carnet::render::booklet {

struct Words {
  std::string contents, summary, introduction, progress, continued, page, notes, action, status,
      total, actions, adopted_on, ongoing, tbd, figure_alt, section, epub_accessibility;
};

const Words& words(const std::string& lang);

// A field's label: the plan's `labels:` entry, else the default ("Échéance").
std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang);

std::string status_label(model::Status status, const std::string& lang);

// "31 décembre 2022", "En continu", "À déterminer", or the plan's free text.
std::string due_text(const model::Due& due, const std::string& lang,
                     const std::string& default_lang);

// "50 %" in French (with a narrow no-break space), "50%" in English.
std::string percent_text(int value, const std::string& lang);

}  // namespace carnet::render::booklet
