#include <cstdio>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "audit/trail.hpp"
#include "db/database.hpp"

namespace lien::app {

void AddAuditCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("audit", "Work with the audit trail");
  command->require_subcommand(1);
  auto location = std::make_shared<std::string>("lien.db");
  auto* verify = command->add_subcommand("verify", "Check the hash chain: report the first altered or removed entry");
  AddDbOption(*verify, *location);
  verify->callback([&run, location] {
    run = [location] {
      auto database = db::Open(*location, 1);
      const auto report = db::InReadTransaction(*database, [](db::Connection& c) { return audit::Verify(c); });
      if (report.ok) {
        std::printf("Audit trail intact: %lld entries checked.\n", static_cast<long long>(report.checked));
        return 0;
      }
      std::printf("Audit trail BROKEN at entry %lld (%s) after %lld entries checked.\n",
                  static_cast<long long>(report.first_broken_id.value_or(0)), report.reason.c_str(),
                  static_cast<long long>(report.checked));
      return 2;
    };
  });
}

}  // namespace lien::app
