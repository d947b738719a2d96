#include "render/html/organisation_view.hpp"

#include "base/text.hpp"
#include "base/url.hpp"
#include "view/palette.hpp"

namespace carnet::render::html {

namespace {

std::string text(const view::Text& t) {
  std::string out;
  if (t.fallback) out += "<span lang=\"" + t.lang + "\">";
  base::html_escape_to(out, t.value);
  if (t.fallback) out += "</span>";
  return out;
}

mustache::data action_data(const view::OrgAction& a, const std::string& from) {
  mustache::data d;
  d.set("href", base::relative_url(from, a.url));
  d.set("code", a.code);
  d.set("title_html", text(a.title));
  d.set("status_key", a.status.key);
  d.set("status_word", a.status.word);
  d.set("status_mark", view::status_mark(a.status.status));
  set_if(d, "late_word", a.late ? a.late_word : std::string());
  d.set("plan_title_html", text(a.plan_title));
  return d;
}

mustache::data plans_data(const std::vector<view::OrgPlan>& plans, const std::string& from) {
  auto list = list_data(plans.size());
  for (const auto& p : plans) {
    mustache::data pd;
    pd.set("title_html", text(p.title));
    pd.set("href", base::relative_url(from, p.url));
    auto levels = list_data(p.levels.size());
    for (const auto& l : p.levels) {
      mustache::data ld;
      ld.set("label", l.label);
      ld.set("title_html", text(l.title));
      ld.set("href", base::relative_url(from, l.url));
      auto actions = list_data(l.actions.size());
      for (const auto& a : l.actions) push(actions, action_data(a, from));
      put(ld, "actions", std::move(actions));
      push(levels, std::move(ld));
    }
    put(pd, "levels", std::move(levels));
    push(list, std::move(pd));
  }
  return list;
}

}  // namespace

mustache::data organisation_data(const RenderContext& ctx, const view::OrganisationView& org,
                                 const std::string& lang) {
  mustache::data d;
  d.set("slug", org.slug);
  d.set("name_html", text(org.name));
  if (!org.short_name.empty() && org.short_name.value != org.name.value)
    d.set("short_html", text(org.short_name));
  set_if(d, "website", org.website);
  d.set("action_count", std::to_string(org.actions));
  auto counts = list_data(org.counts.size());
  for (const auto& c : org.counts) {
    if (c.count == 0) continue;
    mustache::data cd;
    cd.set("key", c.status.key);
    cd.set("label", c.status.word);
    cd.set("mark", view::status_mark(c.status.status));
    cd.set("count", std::to_string(c.count));
    push(counts, std::move(cd));
  }
  put(d, "counts", std::move(counts));
  d.set("has_leads", !org.leads.empty());
  put(d, "leads", plans_data(org.leads, org.url));
  d.set("has_partners", !org.partners.empty());
  put(d, "partners", plans_data(org.partners, org.url));
  d.set("has_late", !org.late.empty());
  d.set("late_count", std::to_string(org.late.size()));
  auto late = list_data(org.late.size());
  for (const auto& a : org.late) push(late, action_data(a, org.url));
  put(d, "late", std::move(late));
  d.set("index_href", base::relative_url(org.url, view::organisations_url(ctx.site, lang)));
  return d;
}

mustache::data organisations_list(const std::vector<view::OrganisationView>& orgs,
                                  const std::string& url) {
  auto list = list_data(orgs.size());
  for (const auto& o : orgs) {
    mustache::data d;
    d.set("name_html", text(o.name));
    d.set("href", base::relative_url(url, o.url));
    d.set("slug", o.slug);
    if (!o.short_name.empty() && o.short_name.value != o.name.value)
      d.set("short_html", text(o.short_name));
    d.set("action_count", std::to_string(o.actions));
    push(list, std::move(d));
  }
  return list;
}

}  // namespace carnet::render::html
