#pragma once
// The subcommands of the `lien` binary, one file each. Each Add*Command registers itself on the CLI11 app
// and sets the function that runs it; the function returns the process exit code.

#include <CLI/CLI.hpp>
#include <functional>

#include "register/retention.hpp"

namespace lien::app {

using CommandRunner = std::function<int()>;

/// The --db option, shared by every command that opens the database (env LIEN_DB).
CLI::Option* AddDbOption(CLI::App& command, std::string& location);

/// --follow-up-retention-days and --delivery-retention-days (env LIEN_FOLLOW_UP_RETENTION_DAYS,
/// LIEN_DELIVERY_RETENTION_DAYS), shared by `serve` (the daily job, the API) and `register purge`.
void AddRetentionPolicyOptions(CLI::App& command, registry::RetentionPolicy& policy);

void AddServeCommand(CLI::App& app, CommandRunner& run);
void AddMigrateCommand(CLI::App& app, CommandRunner& run);
void AddUserCommand(CLI::App& app, CommandRunner& run);
void AddDemoCommand(CLI::App& app, CommandRunner& run);
void AddRegisterCommand(CLI::App& app, CommandRunner& run);
void AddAuditCommand(CLI::App& app, CommandRunner& run);
void AddImportCommand(CLI::App& app, CommandRunner& run);
void AddRoutesCommand(CLI::App& app, CommandRunner& run);
void AddSolveCommand(CLI::App& app, CommandRunner& run);
void AddVersionCommand(CLI::App& app, CommandRunner& run);

}  // namespace lien::app
