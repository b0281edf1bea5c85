// `lien register purge`: retention by hand. Lists what is past its time (counts and ids: no names on the
// terminal) and, after confirmation, erases it; the purge is in the audit trail with its counts.

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "register/retention_store.hpp"

namespace lien::app {
namespace {

struct PurgeOptions {
  std::string db = "lien.db";
  bool yes = false;
  registry::RetentionPolicy policy;
};

void PrintIds(const char* what, const std::vector<std::int64_t>& ids) {
  std::printf("  %-60s %zu", what, ids.size());
  constexpr std::size_t kShown = 20;
  for (std::size_t i = 0; i < ids.size() && i < kShown; ++i)
    std::printf("%s%lld", i == 0 ? "   ids: " : ", ", static_cast<long long>(ids[i]));
  if (ids.size() > kShown) std::printf(", … (%zu more)", ids.size() - kShown);
  std::printf("\n");
}

bool Confirmed() {
  std::printf("Erase all of this for good? [y/N] ");
  std::fflush(stdout);
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "o" || answer == "oui";
}

int Purge(const PurgeOptions& options) {
  auto services = OpenServices(options.db, 1, {}, /*migrate=*/true);
  const auto now = services.clock->Now();
  const auto plan = registry::DueForRetention(*services.database, options.policy, now);
  std::printf(
      "Past their time (follow-up kept %d days after the last contact, households %d days after the last "
      "delivery):\n",
      options.policy.follow_up_days, options.policy.delivery_days);
  PrintIds("register entries ended (removed, opposed, moved, deceased)", plan.register_entries);
  PrintIds("households not delivered within the period", plan.households);
  PrintIds("persons to erase with everything they hold", plan.persons);
  if (plan.Empty()) {
    std::printf("Nothing is past its time.\n");
    return 0;
  }
  if (!options.yes) {
    if (isatty(STDIN_FILENO) == 0) {
      std::fprintf(stderr, "lien: nothing erased: no terminal to confirm on; run again with --yes to erase\n");
      return 1;
    }
    if (!Confirmed()) {
      std::printf("Nothing erased.\n");
      return 1;
    }
  }
  audit::Event actor;
  actor.actor_login = "system";
  actor.actor_role = "system";
  actor.client_address = "local";
  actor.request_id = "cli";
  // Only what was listed goes, even if more fell due while the question was asked.
  const auto counts = registry::RunRetention(*services.database, options.policy, services.clock->Now(), actor, &plan);
  if (!counts) {
    std::fprintf(stderr, "lien: another server is purging right now; nothing erased here, try again later\n");
    return 1;
  }
  std::printf("Erased: %lld register entries, %lld households, %lld persons (recorded in the audit trail).\n",
              static_cast<long long>(counts->register_entries + counts->erased.register_entries),
              static_cast<long long>(counts->households + counts->erased.households),
              static_cast<long long>(counts->erased.persons));
  return 0;
}

}  // namespace

void AddRetentionPolicyOptions(CLI::App& command, registry::RetentionPolicy& policy) {
  command
      .add_option("--follow-up-retention-days", policy.follow_up_days,
                  "Days follow-up data is kept after the last contact")
      ->envname("LIEN_FOLLOW_UP_RETENTION_DAYS")
      ->check(CLI::Range(1, 36500))
      ->capture_default_str();
  command
      .add_option("--delivery-retention-days", policy.delivery_days, "Days a household is kept after its last delivery")
      ->envname("LIEN_DELIVERY_RETENTION_DAYS")
      ->check(CLI::Range(1, 36500))
      ->capture_default_str();
}

void AddRegisterCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("register", "The register of persons: retention");
  command->require_subcommand(1);
  auto* purge = command->add_subcommand(
      "purge", "List what is past its retention time and, once confirmed, erase it (audited: counts only)");
  auto options = std::make_shared<PurgeOptions>();
  AddDbOption(*purge, options->db);
  purge->add_flag("--yes", options->yes, "Erase without asking (needed when not on a terminal)");
  AddRetentionPolicyOptions(*purge, options->policy);
  purge->callback([&run, options] { run = [options] { return Purge(*options); }; });
}

}  // namespace lien::app
