// A plan's page in one language as template data: header facts, overview
// (counts per level, actions per status), table of contents, and each level
// with its texts and its actions table. Fields the plan does not translate
// are shown in the default language inside an element carrying its lang.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "render/html/render_context.hpp"

namespace carnet::render::html {

// The "plan" object of plan.mustache (see docs/theme.md).
mustache::data plan_view(const RenderContext& ctx, const model::Plan& plan,
                         const std::string& lang);

// "2021–2023", "2021", or "" when the plan has no period.
std::string plan_period(const model::Plan& plan);

// How an action's due date reads in `lang`: "31 décembre 2022", "En continu", ...
std::string due_html(const RenderContext& ctx, const model::Due& due, const std::string& lang);

}  // namespace carnet::render::html
