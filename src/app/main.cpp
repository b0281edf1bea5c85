// The `lien` binary: a table of subcommands. Expected failures print one line and exit non-zero; nothing
// escapes as an uncaught exception.

#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>

#include "app/commands.hpp"
#include "db/database.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Lien: keep in touch with and help the vulnerable people of a territory.", "lien"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lien " LIEN_VERSION);
  lien::app::CommandRunner run;
  lien::app::AddServeCommand(app, run);
  lien::app::AddMigrateCommand(app, run);
  lien::app::AddUserCommand(app, run);
  lien::app::AddDemoCommand(app, run);
  lien::app::AddRegisterCommand(app, run);
  lien::app::AddAuditCommand(app, run);
  lien::app::AddImportCommand(app, run);
  lien::app::AddRoutesCommand(app, run);
  lien::app::AddSolveCommand(app, run);
  lien::app::AddVersionCommand(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  try {
    return run ? run() : 2;
  } catch (const lien::db::DatabaseError& error) {
    std::fprintf(stderr, "lien: database: %s\n", error.what());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "lien: %s\n", error.what());
  }
  return 1;
}
