#pragma once
// The subcommands of the `lien` binary, one file each. Each Add*Command registers itself on the CLI11 app
// and sets the function that runs it; the function returns the process exit code.

#include <CLI/CLI.hpp>
#include <functional>

namespace lien::app {

using CommandRunner = std::function<int()>;

/// The --db option, shared by every command that opens the database (env LIEN_DB).
CLI::Option* AddDbOption(CLI::App& command, std::string& location);

void AddServeCommand(CLI::App& app, CommandRunner& run);
void AddMigrateCommand(CLI::App& app, CommandRunner& run);
void AddUserCommand(CLI::App& app, CommandRunner& run);
void AddDemoCommand(CLI::App& app, CommandRunner& run);
void AddAuditCommand(CLI::App& app, CommandRunner& run);
void AddImportCommand(CLI::App& app, CommandRunner& run);
void AddRoutesCommand(CLI::App& app, CommandRunner& run);
void AddSolveCommand(CLI::App& app, CommandRunner& run);
void AddVersionCommand(CLI::App& app, CommandRunner& run);

}  // namespace lien::app
