// `lien import register FILE`: the import of an existing register file from the command line, the same
// dry run and all-or-nothing import as POST /api/v1/imports/register, with the report in French.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "core/messages.hpp"
#include "register/import_routes.hpp"
#include "register/import_service.hpp"

namespace lien::app {
namespace {

constexpr std::size_t kLinesShown = 50;

struct ImportOptions {
  std::string db = "lien.db";
  std::string file;
  bool dry_run = false;
  bool yes = false;
  bool existing_register = false;
  bool json = false;
  std::string separator;
  std::vector<std::string> mapping;  ///< "heading=field"
};

int PrintFailure(const core::Error& error) {
  std::string message = core::Translate(error.message_key, core::Language::kFrench, error.args);
  if (!error.field.empty()) message = error.field + " : " + message;
  std::fprintf(stderr, "lien: %s\n", message.c_str());
  return 1;
}

void PrintReport(const registry::ImportReport& report) {
  const registry::ImportPlan& plan = report.plan;
  std::printf("Encodage : %s ; séparateur : %s\n", report.encoding.c_str(),
              report.separator == '\t' ? "tabulation" : std::string(1, report.separator).c_str());
  std::printf("Colonnes :\n");
  for (const registry::ColumnMapping& column : plan.columns) {
    std::printf("  %-30s → %s\n", column.heading.c_str(),
                column.field == registry::ImportField::kIgnore ? "(ignorée)" : registry::ImportFieldCode(column.field));
  }
  const bool done = report.imported;
  std::printf("Lignes lues : %zu\n", plan.rows_read);
  std::printf("%s : %zu\n", done ? "Personnes créées" : "Personnes à créer", plan.created);
  std::printf("%s : %zu\n", done ? "Personnes mises à jour" : "Personnes à mettre à jour", plan.updated);
  std::printf("Sans changement : %zu\n", plan.unchanged);
  std::printf("Doublons possibles signalés : %zu\n", plan.flagged);
  if (plan.entries_created + plan.entries_existing + plan.entries_ended > 0) {
    std::printf("%s au registre : %zu (déjà inscrites : %zu ; opposées ou radiées, non réinscrites : %zu)\n",
                done ? "Inscriptions créées" : "Inscriptions à créer", plan.entries_created, plan.entries_existing,
                plan.entries_ended);
  }
  std::printf("Lignes rejetées : %zu\n", plan.rejected_rows);
  for (std::size_t i = 0; i < plan.rejected.size() && i < kLinesShown; ++i) {
    const registry::ImportRejection& r = plan.rejected[i];
    const std::string reason = core::Translate(r.message_key, core::Language::kFrench, r.args);
    std::printf("  ligne %zu%s%s : %s\n", r.line, r.column.empty() ? "" : ", colonne ", r.column.c_str(),
                reason.c_str());
  }
  if (plan.rejected.size() > kLinesShown) std::printf("  … et %zu autres\n", plan.rejected.size() - kLinesShown);
  for (std::size_t i = 0; i < plan.flags.size() && i < kLinesShown; ++i) {
    const registry::ImportFlag& flag = plan.flags[i];
    if (flag.person_id) {
      std::printf("  ligne %zu : ressemble à la personne n° %lld (score %.2f)\n", flag.line,
                  static_cast<long long>(*flag.person_id), flag.score);
    } else if (flag.other_line) {
      std::printf("  ligne %zu : ressemble à la ligne %zu (score %.2f)\n", flag.line, *flag.other_line, flag.score);
    }
  }
  if (plan.flags.size() > kLinesShown) std::printf("  … et %zu autres signalements\n", plan.flags.size() - kLinesShown);
}

bool Confirm() {
  if (!isatty(STDIN_FILENO)) return false;
  std::printf("Importer ces lignes ? [o/N] ");
  std::fflush(stdout);
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "o" || answer == "O" || answer == "oui" || answer == "y" || answer == "yes";
}

int Import(const ImportOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "lien: impossible de lire %s\n", options.file.c_str());
    return 1;
  }
  registry::ImportRequest request;
  request.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  request.file_name = options.file.substr(options.file.find_last_of('/') + 1);
  request.settings.existing_register = options.existing_register;
  for (const std::string& pair : options.mapping) {
    const auto equals = pair.rfind('=');
    if (equals == std::string::npos) {
      std::fprintf(stderr, "lien: --mapping attend colonne=champ, pas « %s »\n", pair.c_str());
      return 1;
    }
    request.settings.mapping[pair.substr(0, equals)] = pair.substr(equals + 1);
  }
  if (!options.separator.empty()) request.separator = options.separator == "tab" ? '\t' : options.separator.front();

  auto services = OpenServices(options.db, 1, {}, /*migrate=*/true);
  audit::Event event;
  event.actor_login = "cli";
  event.actor_role = "system";
  const registry::ChangeAuthor author{std::nullopt, "cli"};
  const auto run = [&](bool dry_run) {
    request.dry_run = dry_run;
    return registry::RunImport(*services.database, request, event, author, services.clock->Now());
  };
  const auto print = [&options](const registry::ImportReport& report) {
    if (options.json) {
      std::printf("%s\n", registry::ImportReportToJson(report, core::Language::kFrench).dump(2).c_str());
    } else {
      PrintReport(report);
    }
  };

  auto dry = run(true);
  if (!dry) return PrintFailure(dry.error());
  if (options.dry_run || !options.yes || dry->plan.rejected_rows > 0) print(*dry);
  std::fflush(stdout);
  if (dry->plan.rejected_rows > 0) {
    std::fprintf(stderr, "Rien n'a été importé : corrigez les lignes rejetées puis recommencez.\n");
    return 2;
  }
  if (options.dry_run) return 0;
  if (!options.yes && !Confirm()) {
    std::fprintf(stderr, "Rien n'a été importé (ajoutez --yes pour importer sans question).\n");
    return 0;
  }
  auto done = run(false);
  if (!done) return PrintFailure(done.error());
  if (options.yes || !options.json) print(*done);
  std::fflush(stdout);
  if (!done->imported) {
    std::fprintf(stderr, "Rien n'a été importé : corrigez les lignes rejetées puis recommencez.\n");
    return 2;
  }
  std::printf("Import terminé (lot n° %lld).\n", static_cast<long long>(done->batch_id.value_or(0)));
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("import", "Import data from files");
  command->require_subcommand(1);
  auto* register_command = command->add_subcommand(
      "register", "Import a register file (CSV from Excel or LibreOffice): dry run, then import");
  auto options = std::make_shared<ImportOptions>();
  AddDbOption(*register_command, options->db);
  register_command->add_option("file", options->file, "The CSV file")->required();
  register_command->add_flag("--dry-run", options->dry_run, "Only report what the import would do");
  register_command->add_flag("--yes,-y", options->yes, "Import without asking once the dry run finds no problem");
  register_command->add_flag("--existing-register", options->existing_register,
                             "The file is an existing register of vulnerable persons: create register entries");
  register_command->add_flag("--json", options->json, "Print the report as JSON");
  register_command->add_option("--separator", options->separator, "Force the separator: ';', ',' or 'tab'");
  register_command
      ->add_option("--mapping", options->mapping, "Column mapping, heading=field (repeat or separate with commas)")
      ->delimiter(',');
  register_command->callback([&run, options] { run = [options] { return Import(*options); }; });
}

}  // namespace lien::app
