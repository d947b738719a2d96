#include "cli/booklet_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "base/fs.hpp"
#include "base/text.hpp"
#include "cli/diagnostics_printer.hpp"
#include "load/site_loader.hpp"
#include "render/booklet/booklets.hpp"
#include "wrap/zip.hpp"

namespace carnet::cli {

namespace {

namespace fs = std::filesystem;

struct BookletArgs {
  std::string plan;
  std::string lang;
  std::string format;
  std::string output;
  std::string site;
  bool saddle_stitch = false;
  bool tete_beche = false;
  bool force = false;
};

// The site is the nearest folder above the plan that holds content/ with the
// plan inside it.
std::optional<fs::path> find_site(const fs::path& plan) {
  for (fs::path dir = plan.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_directory(dir / "content") && dir.filename() != "content") return dir;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

// Whether the file at `path` is a booklet in `format` that Carnet wrote: a
// PDF whose creator is Carnet, an ODT whose generator is, an EPUB laid out
// as Carnet lays them out. Someone's own PDF or LibreOffice document is not.
bool is_carnet_booklet(const fs::path& path, const std::string& format) {
  if (format == "pdf" || format == "summary") {
    const std::string bytes = base::read_file(path);
    return bytes.rfind("%PDF-", 0) == 0 && bytes.find("/Creator (Carnet)") != std::string::npos;
  }
  int error = 0;
  wrap::ZipPtr zip(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!zip) return false;
  if (format == "epub")
    return zip_name_locate(zip.get(), "EPUB/package.opf", 0) >= 0 &&
           zip_name_locate(zip.get(), "EPUB/title.xhtml", 0) >= 0;
  zip_stat_t st;
  if (zip_stat(zip.get(), "meta.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > (1u << 20))
    return false;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip.get(), "meta.xml", 0),
                                                         zip_fclose);
  if (!file) return false;
  std::string meta(st.size, '\0');
  if (zip_fread(file.get(), meta.data(), meta.size()) != static_cast<zip_int64_t>(meta.size()))
    return false;
  return meta.find("<meta:generator>Carnet</meta:generator>") != std::string::npos;
}

// The file a booklet goes to: a new one, or a booklet of the same format
// that Carnet wrote, outside the site's sources. Anything else needs --force.
std::string refuse_booklet_file(const BookletArgs& args, const fs::path& site,
                                const std::string& format) {
  std::error_code ec;
  const fs::path out(args.output);
  if (args.force || !fs::exists(out, ec)) return {};
  if (base::is_site_source(out, site))
    return "'" + args.output +
           "' is one of the site's sources; write the booklet elsewhere, or add --force to "
           "replace it";
  if (is_carnet_booklet(out, format)) return {};
  return "'" + args.output + "' already exists and is not a " + format +
         " booklet that Carnet wrote; choose another name, or add --force to replace it";
}

int run_booklet(const BookletArgs& args) {
  std::error_code ec;
  fs::path plan = fs::weakly_canonical(fs::absolute(args.plan), ec);
  if (ec || !fs::is_regular_file(plan)) {
    std::fprintf(stderr, "carnet booklet: no such plan file '%s'\n", args.plan.c_str());
    return 2;
  }
  std::optional<fs::path> site_dir;
  if (!args.site.empty())
    site_dir = fs::weakly_canonical(fs::absolute(args.site), ec);
  else
    site_dir = find_site(plan);
  if (!site_dir || !fs::is_directory(*site_dir / "content")) {
    std::fprintf(
        stderr, "carnet booklet: no site folder (with content/) above '%s'; give one with --site\n",
        args.plan.c_str());
    return 2;
  }
  std::string source = plan.lexically_relative(*site_dir).generic_string();

  base::Diagnostics diags;
  model::Site site = load::load_site(*site_dir, load::LoadOptions{}, diags);
  print_diagnostics(diags);
  if (diags.has_errors()) return 1;

  auto found = site.plan_by_source.find(source);
  if (found == site.plan_by_source.end()) {
    std::fprintf(stderr, "carnet booklet: '%s' is not a plan of the site in '%s'\n", source.c_str(),
                 site_dir->c_str());
    return 2;
  }
  const model::Plan& p = site.plans[found->second];
  std::string lang = args.lang.empty() ? site.config.default_language() : args.lang;
  const auto& langs = site.config.languages;
  if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
    std::fprintf(stderr, "carnet booklet: '%s' is not a language of the site (%s)\n", lang.c_str(),
                 base::join(langs, ", ").c_str());
    return 2;
  }
  std::string format = args.format;
  if (format.empty()) {
    // From the output file's extension, else a PDF.
    std::string ext = fs::path(args.output).extension().string();
    format = ext == ".epub" ? "epub" : ext == ".odt" ? "odt" : "pdf";
  }
  if (auto refusal = refuse_booklet_file(args, *site_dir, format); !refusal.empty()) {
    std::fprintf(stderr, "carnet booklet: %s\n", refusal.c_str());
    return 2;
  }
  if ((args.saddle_stitch || args.tete_beche) && format != "pdf") {
    std::fprintf(stderr, "carnet booklet: --saddle-stitch and --tete-beche make PDFs only\n");
    return 2;
  }
  std::string bytes;
  if (args.tete_beche) {
    model::Site copy = site;
    if (args.saddle_stitch) copy.config.booklet.imposition = "saddle-stitch";
    bytes = render::booklet::render_tete_beche(copy, copy.plans[found->second]);
  } else if (args.saddle_stitch) {
    bytes = render::booklet::render_imposed(site, p, lang);
  } else {
    bytes = render::booklet::render_booklet(site, p, lang, format);
  }
  base::write_file(args.output, bytes);
  return 0;
}

}  // namespace

void add_booklet_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BookletArgs>();
  auto* cmd = app.add_subcommand("booklet", "Write one booklet of a plan (PDF, EPUB or ODT)");
  cmd->add_option("PLAN", args->plan, "The plan file (content/plans/NAME.plan.yaml)")->required();
  cmd->add_option("--lang", args->lang,
                  "The booklet's language (default: the site's first language)");
  cmd->add_option("--format", args->format,
                  "pdf, epub, odt, or summary for the one-page summary PDF (default: from FILE's "
                  "extension)")
      ->check(CLI::IsMember({"pdf", "epub", "odt", "summary"}));
  cmd->add_option("-o,--output", args->output, "The file to write")->required();
  cmd->add_option("--site", args->site,
                  "The site folder (default: the folder above the plan holding content/)");
  cmd->add_flag(
      "--saddle-stitch", args->saddle_stitch,
      "Half-size pages imposed two per sheet side, for printing double-sided and folding");
  cmd->add_flag("--tete-beche", args->tete_beche,
                "Both languages back to back, the second upside down from the back cover");
  cmd->add_flag("--force", args->force,
                "Replace FILE even when it is not a booklet (never needed to replace an earlier "
                "booklet of the same format)");
  cmd->callback([args, &exit_code] { exit_code = run_booklet(*args); });
}

}  // namespace carnet::cli
