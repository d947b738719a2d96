#include "cli/changes_command.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "load/site_loader.hpp"
#include "model/tracking.hpp"
#include "view/changes_text.hpp"

namespace carnet::cli {

ChangesResult changes(const ChangesOptions& options) {
  ChangesResult r;
  base::Diagnostics diags;
  load::LoadOptions load;
  load.since = options.since;
  model::Site site = load::load_site(options.site, load, diags);
  bool usage = false;
  for (const auto& d : diags.sorted()) {
    if (d.pos.path == "--since") {  // the command line's own reference: a usage error
      r.err += "carnet: error: " + d.message + "\n";
      usage = true;
    } else {
      r.err += d.format() + "\n";
    }
  }
  if (usage) {
    r.exit_code = 2;
    return r;
  }
  if (diags.has_errors()) {
    r.exit_code = 1;
    return r;
  }
  const auto& langs = site.config.languages;
  const std::string lang = options.lang.empty() ? site.config.default_language() : options.lang;
  if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
    r.err += "carnet: error: --lang: \"" + lang + "\" is not one of the site's languages (" + [&] {
      std::string all;
      for (const auto& l : langs) all += (all.empty() ? "" : ", ") + l;
      return all;
    }() + ")\n";
    r.exit_code = 2;
    return r;
  }
  std::vector<const model::Plan*> plans;
  for (const auto& p : site.plans) plans.push_back(&p);
  std::sort(plans.begin(), plans.end(),
            [](const auto* a, const auto* b) { return a->source < b->source; });
  bool any_reference = false;
  for (const auto* plan : plans) {
    const std::string text =
        view::changes_text(*plan, site.words, lang, site.config.default_language());
    if (text.empty()) continue;
    if (any_reference) r.out += "\n";
    any_reference = true;
    r.out += text;
  }
  if (!any_reference) {
    r.err +=
        "carnet: error: no reference to compare with: pass --since REF (a Git tag, branch, "
        "commit or date) or set `tracking: {since: REF}` in carnet.yaml\n";
    r.exit_code = 2;
  }
  return r;
}

void add_changes_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ChangesOptions>();
  auto* cmd = app.add_subcommand(
      "changes", "Print what changed in each plan since a Git tag, branch, commit or date");
  cmd->add_option("SITE", options->site, "The site folder (default: the current folder)");
  cmd->add_option("--since", options->since,
                  "Compare with this tag, branch, commit or date YYYY-MM-DD (default: "
                  "tracking.since in carnet.yaml, or a plan's since)");
  cmd->add_option("--lang", options->lang, "The language to print in (default: the site's first)");
  cmd->callback([options, &exit_code] {
    auto r = changes(*options);
    std::fputs(r.out.c_str(), stdout);
    std::fputs(r.err.c_str(), stderr);
    exit_code = r.exit_code;
  });
}

}  // namespace carnet::cli
