#include "render/booklet/labels.hpp"

namespace carnet::render::booklet {

Words words(const model::Words& w, const std::string& lang) {
  auto get = [&](const char* key) { return w.get(lang, key); };
  Words out;
  out.contents = get("booklet_contents");
  out.summary = get("booklet_summary");
  out.introduction = get("booklet_introduction");
  out.progress = get("booklet_progress");
  out.continued = get("booklet_continued");
  out.page = get("booklet_page");
  out.notes = get("booklet_notes");
  out.action = get("field_title");
  out.status = get("field_status");
  out.total = get("booklet_whole_plan");
  out.actions = get("booklet_actions");
  out.adopted_on = get("plan_adopted");
  out.ongoing = get("due_ongoing");
  out.tbd = get("due_tbd");
  out.figure_alt = get("booklet_chart_description");
  out.section = get("booklet_section");
  out.epub_accessibility = get("booklet_accessibility_summary");
  out.colon = get("colon");
  out.total_column = get("booklet_total");
  out.one_action = get("booklet_one_action");
  out.many_actions = get("booklet_many_actions");
  return out;
}

std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang, const model::Words& words) {
  if (auto found = plan.labels.find(field); found != plan.labels.end() && !found->second.empty())
    return found->second.get(lang, default_lang);
  return words.get(lang, "field_" + field);
}

std::string status_label(model::Status status, const std::string& lang, const model::Words& words) {
  return words.get(lang, std::string("status_") + model::status_name(status));
}

std::string due_text(const model::Due& due, const std::string& lang,
                     const std::string& default_lang, const model::Words& words) {
  switch (due.kind) {
    case model::Due::Kind::date:
      return due.date.format_long(lang);
    case model::Due::Kind::ongoing:
      return words.get(lang, "due_ongoing");
    case model::Due::Kind::tbd:
      return words.get(lang, "due_tbd");
    case model::Due::Kind::text:
      return due.text.get(lang, default_lang);
  }
  return "";
}

std::string percent_text(int value, const std::string& lang, const model::Words& words) {
  return words.format(lang, "percent", std::to_string(value));
}

}  // namespace carnet::render::booklet
