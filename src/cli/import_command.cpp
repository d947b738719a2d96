#include "cli/import_command.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/fs.hpp"
#include "cli/diagnostics_printer.hpp"
#include "import/plan_import.hpp"
#include "load/config_reader.hpp"

namespace carnet::cli {

using namespace carnet::import;

namespace {

namespace fs = std::filesystem;

struct ImportArgs {
  std::string csv;
  std::string output;
  std::string lang;
  std::string title;
  int levels = 0;
  bool force = false;
};

// The languages of the site the plan goes into: the nearest carnet.yaml
// above the output file, else French and English.
std::vector<std::string> site_languages(const fs::path& output) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(output, ec).parent_path(); !dir.empty();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "carnet.yaml", ec)) {
      base::Diagnostics ignored;  // `carnet build` reports them
      auto config = load::read_config(base::read_file(dir / "carnet.yaml"), ignored);
      return config.languages;
    }
    if (dir == dir.parent_path()) break;
  }
  return {"fr", "en"};
}

int run_import(const ImportArgs& args) {
  std::error_code ec;
  if (!std::string_view(args.output).ends_with(".plan.yaml")) {
    std::fprintf(stderr,
                 "carnet: error: '%s': a plan file's name ends in .plan.yaml "
                 "(content/plans/NAME.plan.yaml), or the site does not publish it\n",
                 args.output.c_str());
    return 2;
  }
  if (fs::exists(args.output, ec) && !args.force) {
    std::fprintf(stderr, "carnet: error: '%s' already exists; add --force to replace it\n",
                 args.output.c_str());
    return 2;
  }
  CsvPlanOptions options;
  options.languages = site_languages(args.output);
  options.lang = args.lang;
  options.title = args.title;
  options.level_columns = args.levels;
  base::Diagnostics diags;
  auto yaml = csv_to_plan_yaml(base::read_file(args.csv), args.csv, options, diags);
  print_diagnostics(diags);
  if (!yaml) return 1;
  base::write_file(args.output, *yaml);
  std::fprintf(stderr, "wrote %s\n", args.output.c_str());
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "Turn a plan spreadsheet saved as CSV into a plan file");
  cmd->add_option("CSV", args->csv, "The spreadsheet, saved as CSV (; or , separated)")->required();
  cmd->add_option("-o,--output", args->output,
                  "The plan file to write: content/plans/NAME.plan.yaml")
      ->required();
  cmd->add_option("--lang", args->lang,
                  "The language of the spreadsheet's texts (default: guessed from the headers)");
  cmd->add_option("--title", args->title,
                  "The plan's title (default: a title row above the header, else the file name)");
  cmd->add_option("--levels", args->levels,
                  "The first N columns are levels, even when named like a field");
  cmd->add_flag("--force", args->force, "Replace the output file when it exists");
  cmd->callback([args, &exit_code] { exit_code = run_import(*args); });
}

}  // namespace carnet::cli
