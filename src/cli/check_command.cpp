#include "cli/check_command.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <tuple>

#include "base/fs.hpp"
#include "base/system_error.hpp"
#include "base/text.hpp"
#include "cli/build_pipeline.hpp"
#include "cli/diagnostics_printer.hpp"
#include "translate/status.hpp"

namespace carnet::cli {

using namespace carnet::translate;

namespace {

namespace fs = std::filesystem;

// Where `offset` is, counting lines as the scan goes: the scan asks in
// increasing order, so the file is walked once.
class Positions {
 public:
  Positions(const std::string& path, std::string_view text) : path_(path), text_(text) {}
  base::SourcePos at(size_t offset) {
    for (; at_ < offset && at_ < text_.size(); ++at_)
      if (text_[at_] == '\n') ++line_, line_start_ = at_ + 1;
    return {path_, line_, static_cast<int>(offset - line_start_) + 1};
  }

 private:
  const std::string& path_;
  std::string_view text_;
  size_t at_ = 0, line_start_ = 0;
  int line_ = 1;
};

bool ends_url(char c) {
  return std::isspace(static_cast<unsigned char>(c)) ||
         std::string_view("<>\"'`)]}|\\").find(c) != std::string_view::npos;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Links to other sites and images without a description, found in the
// files as written, so that the positions are exact in Markdown and YAML.
// Plain searches, not std::regex: libstdc++'s regex recurses once per
// character and overflows the stack on a long link or an inline image.
void scan_file(const std::string& rel, std::string_view text, const std::string& own_url,
               CheckReport& report) {
  struct Found {
    size_t offset;
    int kind;  // 0 link, 1 Markdown image, 2 <img>
    std::string link;
  };
  std::vector<Found> found;
  for (size_t at = text.find("http"); at != std::string_view::npos; at = text.find("http", at)) {
    const size_t scheme = text.compare(at, 8, "https://") == 0  ? 8
                          : text.compare(at, 7, "http://") == 0 ? 7
                                                                : 0;
    if (scheme == 0 || (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1])))) {
      at += 4;
      continue;
    }
    size_t end = at + scheme;
    while (end < text.size() && !ends_url(text[end])) ++end;
    std::string link(text.substr(at, end - at));
    while (!link.empty() &&
           std::string_view(".,;:!?*_").find(link.back()) != std::string_view::npos)
      link.pop_back();
    if (link.size() > scheme &&
        link.rfind(own_url, 0) != 0)  // the site's own address is not another site
      found.push_back({at, 0, link});
    at = end;
  }
  for (size_t at = text.find("!["); at != std::string_view::npos; at = text.find("![", at + 2)) {
    size_t k = at + 2;
    while (k < text.size() && is_space(text[k])) ++k;
    if (text.compare(k, 2, "](") == 0) found.push_back({at, 1, {}});
  }
  const std::string lower = base::to_lower_ascii(text);
  for (size_t at = lower.find("<img"); at != std::string::npos; at = lower.find("<img", at + 4)) {
    if (at + 4 < lower.size() && std::isalnum(static_cast<unsigned char>(lower[at + 4]))) continue;
    const size_t end = std::min(lower.find('>', at), lower.size());
    const std::string_view tag = std::string_view(lower).substr(at, end - at);
    bool alt = false;
    for (size_t a = tag.find("alt"); a != std::string_view::npos && !alt;
         a = tag.find("alt", a + 3)) {
      size_t k = a + 3;
      while (k < tag.size() && is_space(tag[k])) ++k;
      alt = is_space(tag[a - 1]) && k < tag.size() && tag[k] == '=';
    }
    if (!alt) found.push_back({at, 2, {}});
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.offset < b.offset; });
  Positions positions(rel, text);
  for (const auto& f : found) {
    const base::SourcePos pos = positions.at(f.offset);
    if (f.kind == 0)
      report.external_links.push_back(rel + ":" + std::to_string(pos.line) + ":" +
                                      std::to_string(pos.column) + "  " + f.link);
    else if (f.kind == 1)
      report.diags.warning(pos,
                           "image without alternative text: describe it between the brackets, "
                           "![like this](...), for readers who cannot see it");
    else
      report.diags.warning(pos, "image without alternative text: add alt=\"...\" describing it");
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

  std::set<std::string> files = {site.config.source};
  for (const auto& p : site.pages) files.insert(p.source);
  for (const auto& p : site.plans) files.insert(p.source);
  for (const auto& f : files) {
    std::error_code ec;
    if (!fs::exists(root / f, ec)) continue;
    scan_file(f, base::read_file(root / f), site.config.base_url, report);
  }
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
