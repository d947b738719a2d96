// The organisation pages as template data (organisation.mustache and
// organisations.mustache), laid out from view/organisations.hpp: one
// organisation's actions by plan and level, its status counts and late
// actions; the index of every organisation. Links are relative to the page.
#pragma once

#include <string>
#include <vector>

#include "render/html/render_context.hpp"
#include "view/organisations.hpp"

namespace carnet::render::html {

// The "org" object of organisation.mustache (see docs/theme.md).
mustache::data organisation_data(const RenderContext& ctx, const view::OrganisationView& org,
                                 const std::string& lang);

// The "organisations" list of organisations.mustache, from `url` (the index).
mustache::data organisations_list(const std::vector<view::OrganisationView>& orgs,
                                  const std::string& url);

}  // namespace carnet::render::html
