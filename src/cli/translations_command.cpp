#include "cli/translations_command.hpp"

#include "cli/diagnostics_printer.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/fs.hpp"
#include "base/text.hpp"
#include "load/site_loader.hpp"
#include "translate/exchange.hpp"
#include "translate/texts.hpp"
#include "translate/workflow.hpp"

namespace carnet::cli {

using namespace carnet::translate;

namespace {

namespace fs = std::filesystem;

// The site as the translation commands see it: drafts included, since they
// are translated before they are published.
std::optional<model::Site> load_for_translation(const std::string& root) {
  std::error_code ec;
  if (!fs::exists(fs::path(root) / "carnet.yaml", ec)) {
    std::fprintf(stderr, "carnet: error: '%s' is not a Carnet site (it has no carnet.yaml)\n",
                 root.c_str());
    return std::nullopt;
  }
  base::Diagnostics diags;
  load::LoadOptions options;
  options.include_drafts = true;
  options.history = false;  // translation needs no dates from Git
  model::Site site = load::load_site(root, options, diags);
  if (diags.has_errors()) {
    print_diagnostic_lines(diags);
    std::fprintf(stderr, "the site has errors; fix them first (carnet check)\n");
    return std::nullopt;
  }
  return site;
}

// The file an export writes: a new one, or an earlier export that nobody has
// translated in yet. Anything else (a page, a plan, a spreadsheet of one's
// own, a file the translator is filling in) needs --force.
std::string refuse_export_file(const fs::path& file, const fs::path& site, bool force) {
  std::error_code ec;
  if (force || !fs::exists(file, ec)) return {};
  if (base::is_site_source(file, site))
    return "'" + file.string() +
           "' is one of the site's sources; write the export elsewhere, or add --force to "
           "replace it";
  if (is_untranslated_export(base::read_file(file))) return {};
  return "'" + file.string() +
         "' already exists and is not an export without translations in it; choose another "
         "name, or add --force to replace it";
}

}  // namespace

int run_translations_export(const ExportOptions& options) {
  auto loaded = load_for_translation(options.site);
  if (!loaded) return 1;
  const model::Site& site = *loaded;
  if (auto refusal = refuse_target_language(site, options.lang); !refusal.empty()) {
    std::fprintf(stderr, "carnet: error: --lang %s is %s\n", options.lang.c_str(), refusal.c_str());
    return 2;
  }
  if (auto refusal = refuse_export_file(options.output, options.site, options.force);
      !refusal.empty()) {
    std::fprintf(stderr, "carnet: error: %s\n", refusal.c_str());
    return 2;
  }
  std::string format = options.format;
  if (format.empty()) format = fs::path(options.output).extension() == ".csv" ? "csv" : "xliff";
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(options.site, diags);
  ExportPlan plan = plan_export(site, record, options.lang, diags);
  print_diagnostic_lines(diags);
  if (diags.has_errors()) return 1;
  const TranslationExchange& x = plan.exchange;
  base::write_file(options.output, format == "csv" ? write_translation_csv(x) : write_xliff(x));
  std::fprintf(stderr, "wrote %zu text%s to translate into %s (%s), %zu words, to %s\n",
               x.units.size(), x.units.size() == 1 ? "" : "s", language_name(options.lang).c_str(),
               options.lang.c_str(), plan.words, options.output.c_str());
  if (plan.skipped)
    std::fprintf(stderr, "%zu text%s written in neither %s nor %s left out\n", plan.skipped,
                 plan.skipped == 1 ? "" : "s", x.source_lang.c_str(), options.lang.c_str());
  return 0;
}

int run_translations_import(const ImportOptions& options) {
  std::error_code ec;
  if (!fs::exists(options.file, ec)) {
    std::fprintf(stderr, "carnet: error: '%s' does not exist\n", options.file.c_str());
    return 2;
  }
  const std::string data = base::read_file(options.file);
  base::Diagnostics diags;
  const size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  auto x = first != std::string::npos && data[first] == '<'
               ? read_xliff(data, options.file, diags)
               : read_translation_csv(data, options.file, diags);
  if (!x) {
    print_diagnostic_lines(diags);
    return 1;
  }
  auto loaded = load_for_translation(options.site);
  if (!loaded) return 1;
  const fs::path root(options.site);
  auto read = [&](const std::string& rel) -> std::optional<std::string> {
    std::error_code missing;
    if (!fs::exists(root / rel, missing)) return std::nullopt;
    return base::read_file(root / rel);
  };
  ImportPlan plan =
      plan_import(*loaded, *x, options.file, TranslationRecord::load(options.site, diags), read);
  diags.append(std::move(plan.diags));
  if (plan.refused) {
    print_diagnostic_lines(diags);
    return 1;
  }
  for (const auto& w : plan.writes) base::write_file(root / w.path, w.text);
  // The record is not counted: "files" are the ones the author wrote.
  plan.record.save(options.site);
  print_diagnostic_lines(diags);
  std::fprintf(
      stderr,
      "%zu translation%s written into %zu file%s, %zu already there, %zu not translated yet",
      plan.written, plan.written == 1 ? "" : "s", plan.files.size(),
      plan.files.size() == 1 ? "" : "s", plan.unchanged, plan.untranslated);
  if (plan.conflicts)
    std::fprintf(stderr, ", %zu conflict%s", plan.conflicts, plan.conflicts == 1 ? "" : "s");
  std::fprintf(stderr, "\n");
  return diags.has_errors() ? 1 : 0;
}

int run_translations_accept(const std::string& root, const std::string& lang) {
  auto loaded = load_for_translation(root);
  if (!loaded) return 1;
  const model::Site& site = *loaded;
  if (auto refusal = refuse_target_language(site, lang); !refusal.empty()) {
    std::fprintf(stderr, "carnet: error: --lang %s is %s\n", lang.c_str(), refusal.c_str());
    return 2;
  }
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(root, diags);
  const size_t n = record_current(site, lang, record);
  record.save(root);
  std::fprintf(stderr, "%zu %s translation%s recorded as up to date in %s\n", n,
               language_name(lang).c_str(), n == 1 ? "" : "s", TranslationRecord::path);
  return 0;
}

bool record_all_translations(const std::string& root) {
  auto loaded = load_for_translation(root);
  if (!loaded) return false;
  base::Diagnostics diags;
  TranslationRecord record = TranslationRecord::load(root, diags);
  for (size_t i = 1; i < loaded->config.languages.size(); ++i)
    record_current(*loaded, loaded->config.languages[i], record);
  record.save(root);
  return !diags.has_errors();
}

void add_translations_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("translations", "Export texts to translate, import translations");
  cmd->require_subcommand(1);

  auto ex = std::make_shared<ExportOptions>();
  auto* exp =
      cmd->add_subcommand("export", "Write the texts that lack a translation (XLIFF 2.0 or CSV)");
  exp->add_option("--lang", ex->lang, "The language to translate into (en)")->required();
  exp->add_option("--format", ex->format,
                  "xliff (default) or csv; by default from the file's extension")
      ->check(CLI::IsMember({"xliff", "csv"}));
  exp->add_option("-o,--output", ex->output, "The file to write: a-traduire.xliff")->required();
  exp->add_option("SITE", ex->site, "The site folder (default: the current folder)");
  exp->add_flag("--force", ex->force,
                "Replace FILE even when it is not a file an export wrote (never needed to "
                "replace an earlier export)");
  exp->callback([ex, &exit_code] { exit_code = run_translations_export(*ex); });

  auto im = std::make_shared<ImportOptions>();
  auto* imp = cmd->add_subcommand("import", "Write translations back into the site's files");
  imp->add_option("FILE", im->file, "The translated XLIFF or CSV file")->required();
  imp->add_option("SITE", im->site, "The site folder (default: the current folder)");
  imp->callback([im, &exit_code] { exit_code = run_translations_import(*im); });

  auto ac = std::make_shared<std::pair<std::string, std::string>>(".", "");
  auto* acc = cmd->add_subcommand(
      "accept", "Record the current translations as up to date (after editing by hand)");
  acc->add_option("--lang", ac->second, "The language whose translations are up to date")
      ->required();
  acc->add_option("SITE", ac->first, "The site folder (default: the current folder)");
  acc->callback([ac, &exit_code] { exit_code = run_translations_accept(ac->first, ac->second); });
}

}  // namespace carnet::cli
