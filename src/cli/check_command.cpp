#include "cli/check_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <tuple>

#include "cli/build_pipeline.hpp"
#include "cli/diagnostics_printer.hpp"
#include "load/markdown_texts.hpp"
#include "model/tracking.hpp"
#include "translate/status.hpp"
#include "view/organisations.hpp"

namespace carnet::cli {

using namespace carnet::translate;

namespace {

namespace fs = std::filesystem;

bool is_other_site(const std::string& url, const std::string& own_url) {
  const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  return web && url.find('/') + 2 < url.size() &&  // a host after the scheme
         url.rfind(own_url, 0) != 0;               // the site's own address is not another site
}

std::string link_line(const base::SourcePos& pos, const std::string& url) {
  return pos.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + "  " + url;
}

// Links to other sites and images without a description, as the Markdown
// stage finds them in the site's texts (load::find_links).
void report_links(const model::Site& site, CheckReport& report) {
  const std::string& own = site.config.base_url;
  if (is_other_site(site.config.organization.website, own))
    report.external_links.push_back(
        link_line(site.config.organization.website_pos, site.config.organization.website));
  for (const auto& f : load::find_links(site)) {
    if (is_other_site(f.url, own)) report.external_links.push_back(link_line(f.pos, f.url));
    if (f.described || f.kind == load::FoundLink::Kind::link) continue;
    if (f.kind == load::FoundLink::Kind::image)
      report.diags.warning(f.pos,
                           "image without alternative text: describe it between the brackets, "
                           "![like this](...), for readers who cannot see it");
    else
      report.diags.warning(f.pos, "image without alternative text: add alt=\"...\" describing it");
  }
}

std::string percent(size_t done, size_t total) {
  if (total == 0) return "100%";
  size_t p = (done * 100 + total / 2) / total;
  if (p == 100 && done < total) p = 99;  // never say 100% while something is missing
  return std::to_string(p) + "%";
}

void check_translations(const model::Site& site, const TranslationRecord& record, bool strict,
                        CheckReport& report) {
  const auto texts = collect_site_texts(site);
  auto report_one = [&](base::SourcePos pos, std::string message) {
    if (strict)
      report.diags.error(std::move(pos), std::move(message));
    else
      report.diags.warning(std::move(pos), std::move(message));
  };
  for (const auto& lang : site.config.languages) {
    size_t done = 0, stale = 0;
    const std::string name = language_name(lang) + " (" + lang + ")";
    for (const auto& s : translation_status(texts, site, record, lang)) {
      const SiteText& t = *s.text;
      const std::string source_name = language_name(s.source_lang);
      switch (s.state) {
        case TranslationState::source:
        case TranslationState::translated:
          ++done;
          break;
        case TranslationState::stale: {
          ++done;
          ++stale;
          base::SourcePos pos = text_position(t, site);
          if (t.page) {
            pos = {site.pages[*site.find_page(site.pages[*t.page].group, lang)].source, 1, 1};
            report_one(pos, "this " + language_name(lang) + " page is out of date: " + t.file +
                                " changed after it was translated");
          } else {
            if (auto it = t.text->lang_pos.find(lang); it != t.text->lang_pos.end())
              pos = it->second;
            report_one(pos, "the " + name + " text of the " + t.what + " is out of date: the " +
                                source_name + " text changed after it was translated");
          }
          break;
        }
        case TranslationState::missing:
          if (t.page) {
            const model::Page& p = site.pages[*t.page];
            std::string name_part = p.name + "." + lang + ".md";
            std::string dir = p.dir.empty() ? "content/" : "content/" + p.dir + "/";
            report_one(text_position(t, site), "this page has no " + name + " translation: add " +
                                                   dir + name_part +
                                                   " (or use carnet translations export)");
          } else {
            report_one(text_position(t, site), "no " + name + " text for the " + t.what);
          }
          break;
      }
    }
    std::string line = lang + ": " + std::to_string(done) + " of " + std::to_string(texts.size()) +
                       " texts translated (" + percent(done, texts.size()) + ")";
    if (stale) line += ", " + std::to_string(stale) + " out of date";
    report.summary.push_back(line);
  }
}

int run_check(const CheckOptions& options) {
  CheckReport report = check_site(options);
  print_diagnostic_lines(report.diags);
  std::fputs(check_report_text(report).c_str(), stdout);
  size_t errors = report.diags.error_count();
  if (errors) std::fprintf(stderr, "%zu error%s\n", errors, errors == 1 ? "" : "s");
  return errors ? 1 : 0;
}

}  // namespace

CheckReport check_site(const CheckOptions& options) {
  CheckReport report;
  const fs::path root(options.site);
  // Everything a build validates, rendering included, in memory only.
  // Both loads share one parse: drafts are filtered after the cache.
  load::ParseCache cache;
  BuildOptions build;
  build.booklets = false;
  build.load.cache = &cache;
  auto built = build_site(root, build);
  report.diags.append(std::move(built.diags));

  // The model again, drafts included: they are translated before they are
  // published. Its errors are the build's, already reported.
  base::Diagnostics ignored;
  load::LoadOptions load;
  load.include_drafts = true;
  load.cache = &cache;
  model::Site site = load::load_site(root, load, ignored);
  if (ignored.has_errors() && site.pages.empty() && site.plans.empty()) return report;

  TranslationRecord record = TranslationRecord::load(root, report.diags);
  check_translations(site, record, options.strict, report);

  report_links(site, report);
  report_tracking(site, report.diags);
  report_organisations(site, report.diags);
  std::sort(report.external_links.begin(), report.external_links.end(),
            [](const auto& a, const auto& b) {
              // By file, then line number as a number, not as text.
              auto key = [](const std::string& s) {
                auto c1 = s.find(':'), c2 = s.find(':', c1 + 1), c3 = s.find(' ', c2);
                return std::make_tuple(s.substr(0, c1), std::stoi(s.substr(c1 + 1, c2 - c1 - 1)),
                                       std::stoi(s.substr(c2 + 1, c3 - c2 - 1)), s);
              };
              return key(a) < key(b);
            });
  return report;
}

void report_tracking(const model::Site& site, base::Diagnostics& diags) {
  for (const auto& plan : site.plans) {
    const auto as_of = model::as_of(plan);
    if (!as_of)
      diags.warning({plan.source, 1, 1},
                    "the plan does not say when its statuses are true: add `updated: YYYY-MM-DD`, "
                    "or commit it in Git (the date of its last commit is then used)");
    for (const model::Action* a : model::late_actions(plan)) {
      std::string status = model::status_name(a->status);
      std::replace(status.begin(), status.end(), '_', ' ');
      const auto when = model::as_of(plan, *a);
      diags.warning(a->pos, "late: due " + a->due()->date.iso() + ", still " + status + " as of " +
                                (when ? when->iso() : std::string("?")));
    }
  }
}

void report_organisations(const model::Site& site, base::Diagnostics& diags) {
  const auto index = view::index_organisations(site);
  for (const auto& l : view::look_alike_organisations(index)) {
    const auto& at = l.a.pos;
    diags.warning(l.b.pos, "\"" + l.b.text + "\" and \"" + l.a.text + "\" (" + at.path + ":" +
                               std::to_string(at.line) + ":" + std::to_string(at.column) +
                               ") look like one organisation written two ways: " + l.reason +
                               "; write it one way, or say in " + model::organisations_source +
                               " whether they are one (aliases) or two (an entry each)");
  }
}

std::string check_report_text(const CheckReport& report) {
  std::string out;
  if (!report.external_links.empty()) {
    out += "Links to other sites (not checked):\n";
    for (const auto& l : report.external_links) out += "  " + l + "\n";
  }
  if (!report.summary.empty()) {
    out += "Translations:\n";
    for (const auto& s : report.summary) out += "  " + s + "\n";
  }
  return out;
}

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand(
      "check", "Validate the site without writing anything; list missing translations");
  cmd->add_option("SITE", options->site, "The site folder (default: the current folder)");
  cmd->add_flag("--strict", options->strict,
                "Missing and out-of-date translations are errors (for CI)");
  cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace carnet::cli
