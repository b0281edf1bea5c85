#include <cstdio>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "db/migrations.hpp"

namespace lien::app {

void AddMigrateCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("migrate", "Create or upgrade the database schema (serve also does it)");
  auto location = std::make_shared<std::string>("lien.db");
  AddDbOption(*command, *location);
  command->callback([&run, location] {
    run = [location] {
      auto database = db::Open(*location, 1);
      const auto report = db::Migrate(*database);
      if (report.applied.empty()) {
        std::printf("Database schema is up to date (version %d).\n", report.to_version);
      } else {
        for (const auto& name : report.applied) std::printf("Applied %s\n", name.c_str());
        std::printf("Database schema now at version %d (was %d).\n", report.to_version, report.from_version);
      }
      return 0;
    };
  });
}

}  // namespace lien::app
