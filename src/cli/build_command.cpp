#include "cli/build_command.hpp"

#include <mimalloc.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "base/system_error.hpp"
#include "base/url.hpp"
#include "cli/build_pipeline.hpp"
#include "cli/diagnostics_printer.hpp"
#include "write/output_folder.hpp"
#include "write/publisher.hpp"

namespace carnet::cli {

namespace {
struct BuildArgs {
  std::string site = ".";
  std::string output;
  std::string base_url;
  bool drafts = false;
  bool quiet = false;
};

int run_build(const BuildArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  // mimalloc keeps freed pages for a while before it gives them back; a
  // build frees each batch (the search index's terms and postings, 100 MB
  // at 5,000 pages) just before it makes the next, which then stacked on
  // memory nothing used. Each batch, once written, is given back at once
  // (mi_collect below): the peak is that of the largest batch alone. Not
  // with decommit_delay 0, which gave every freed page back as it was freed,
  // a storm of madvise calls that cost a fifth of the build's time
  // (docs/decisions.md, "Peak memory").
  BuildOptions options;
  options.hand_over_site = true;
  options.load.include_drafts = args.drafts;
  options.load.base_url = args.base_url;
  const std::filesystem::path out = args.output.empty()
                                        ? std::filesystem::path(args.site) / "output"
                                        : std::filesystem::path(args.output);
  if (!args.base_url.empty() && !base::is_base_url(args.base_url)) {
    std::fprintf(stderr,
                 "carnet: error: --base-url: expected an address such as "
                 "https://org.github.io/site/, not \"%s\"\n",
                 args.base_url.c_str());
    return 2;
  }
  if (auto refusal = write::refuse_output_folder(out, args.site); !refusal.empty()) {
    std::fprintf(stderr, "carnet: error: %s\n", refusal.c_str());
    return 2;
  }
  // Each batch is written into the staging folder as soon as it is made
  // and freed (the peak memory of a large build); an error anywhere leaves
  // `staging` uncommitted, and its destructor removes what it wrote. Opened
  // with the first batch: a site with errors never touches the output
  // folder, so its errors are reported even where it cannot be written.
  std::optional<write::Staging> staging;
  options.sink = [&](std::vector<base::OutputFile>&& batch) {
    if (!staging) staging.emplace(out);
    staging->add(std::move(batch));
    mi_collect(true);  // forced: the freed batch's pages go back now
  };
  auto result = build_site(args.site, options);
  print_diagnostics(result.diags);
  if (result.diags.has_errors()) return 1;
  if (!staging) staging.emplace(out);
  staging->commit();
  if (!args.quiet) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::fprintf(stderr, "wrote %zu files to %s in %lld ms\n", staging->size(), out.c_str(),
                 static_cast<long long>(ms));
  }
  // The loaded site (10,000 pages and their HTML at N=5000) is not freed:
  // the process ends here, and the system takes its memory back at once,
  // where freeing it piece by piece took 20 ms.
  (void)result.site.release();
  return 0;
}
}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BuildArgs>();
  auto* cmd =
      app.add_subcommand("build", "Build the website and the booklets into the output folder");
  cmd->add_option("SITE", args->site, "The site folder (default: the current folder)");
  cmd->add_option("-o,--output", args->output, "Output folder (default: SITE/output)");
  cmd->add_option("--base-url", args->base_url,
                  "Use this base URL instead of carnet.yaml's base_url");
  cmd->add_flag("--drafts", args->drafts, "Include pages marked draft: true");
  cmd->add_flag("-q,--quiet", args->quiet, "Print only errors and warnings");
  cmd->callback([args, &exit_code] { exit_code = run_build(*args); });
}

}  // namespace carnet::cli
