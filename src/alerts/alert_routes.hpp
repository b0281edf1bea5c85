#pragma once
// HTTP routes of alert plans: every signed-in account sees whether one is on; coordinators declare and end them.

#include <functional>
#include <vector>

#include "alerts/alert_model.hpp"
#include "audit/entry.hpp"
#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::alerts {

/// What another module does when an alert is declared or ended, inside the same write transaction: `cause` is the
/// audit event of the declaration or the end (actor, request id) for the hook to base its own events on. A hook
/// that fails rolls the whole change back, so an alert is never declared without what it must trigger. The
/// modules register their hooks in src/app/services.cpp: alerts never depend on them.
using DeclarationHook = std::function<core::Status(db::Connection& connection, const Alert& alert,
                                                   const audit::Event& cause, core::EpochMillis now)>;
struct AlertHooks {
  std::vector<DeclarationHook> on_declared{};
  std::vector<DeclarationHook> on_ended{};
};

void AddAlertRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock, AlertHooks hooks = {});

}  // namespace lien::alerts
