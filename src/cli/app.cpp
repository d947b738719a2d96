#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "base/system_error.hpp"
#include "base/utf8.hpp"
#include "cli/booklet_command.hpp"
#include "cli/build_command.hpp"
#include "cli/changes_command.hpp"
#include "cli/check_command.hpp"
#include "cli/import_command.hpp"
#include "cli/new_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/translations_command.hpp"

namespace carnet::cli {

int run(int argc, char** argv) {
  CLI::App app{"Carnet: bilingual websites and booklets for community plans and reports", "carnet"};
  // CARNET_COMMIT comes from cmake/version.cmake (git describe when CMake
  // configured, "unknown" without Git), so nothing runs git here.
  app.set_version_flag("--version",
                       std::string("carnet ") + CARNET_VERSION + " (commit " + CARNET_COMMIT + ")");
  app.require_subcommand(1);
  int exit_code = 0;
  add_build_command(app, exit_code);
  add_serve_command(app, exit_code);
  add_new_command(app, exit_code);
  add_check_command(app, exit_code);
  add_changes_command(app, exit_code);
  add_booklet_command(app, exit_code);
  add_translations_command(app, exit_code);
  add_import_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const base::SystemError& e) {
    // Its paths may hold a line break; the message stays one line.
    std::fprintf(stderr, "carnet: error: %s\n", base::escape_controls(e.what()).c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "carnet: internal error: %s\n", e.what());
    return 1;
  }
  return exit_code;
}

}  // namespace carnet::cli
