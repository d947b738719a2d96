// A plan's page in one language as template data, laid out from the plan's
// display view (view/plan_display.hpp): header facts, overview (counts per
// level, actions per status), table of contents, and each level with its
// texts and its actions table. Texts not in the page's language are shown
// inside an element carrying their lang.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "render/html/render_context.hpp"
#include "view/plan_display.hpp"

namespace carnet::render::html {

// The "plan" object of plan.mustache (see docs/theme.md), from the plan's
// display view in `lang` (view::display_plan).
mustache::data plan_view(const RenderContext& ctx, const model::Plan& plan, const std::string& lang,
                         const view::PlanDisplay& display);

}  // namespace carnet::render::html
