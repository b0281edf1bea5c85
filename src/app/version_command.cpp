#include <cstdio>

#include "app/commands.hpp"
#include "db/migrations.hpp"

namespace lien::app {

void AddVersionCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("version", "Print the version of Lien and of its database schema");
  command->callback([&run] {
    run = [] {
      std::printf("lien %s (schema %d)\n", LIEN_VERSION, db::AllMigrations().back().version);
      return 0;
    };
  });
}

}  // namespace lien::app
