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
  out.action = get("field_title");
  out.total = get("booklet_whole_plan");
  out.adopted_on = get("plan_adopted");
  out.figure_alt = get("booklet_chart_description");
  out.section = get("booklet_section");
  out.epub_accessibility = get("booklet_accessibility_summary");
  out.colon = get("colon");
  out.total_column = get("booklet_total");
  out.one_action = get("booklet_one_action");
  out.many_actions = get("booklet_many_actions");
  out.progress_of = get("tracking_progress");
  out.late_count = get("tracking_late_count");
  out.more_items = get("booklet_more_items");
  return out;
}

std::string field_label(const model::Plan& plan, const std::string& field, const std::string& lang,
                        const std::string& default_lang, const model::Words& words) {
  if (auto found = plan.labels.find(field); found != plan.labels.end() && !found->second.empty())
    return found->second.get(lang, default_lang);
  return words.get(lang, "field_" + field);
}

}  // namespace carnet::render::booklet
