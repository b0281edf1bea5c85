#pragma once
// The test clock's route (docs/calls.md, "Test clock"): only on a server started with `lien serve --test-clock`,
// which listens on loopback only. Browser tests move time with it (a retry two hours later, the next day).

#include "auth/guard.hpp"
#include "core/clock.hpp"

namespace lien::app {

/// GET /api/v1/test/clock → {now}; POST /api/v1/test/clock {advance_minutes} or {at: epoch_ms} → {now}.
/// Public (no session): the server refuses the flag unless it listens on loopback, and a test moves the clock
/// before anyone signs in. The clock never goes back before 2000-01-01 nor forward past 2100.
void AddTestClockRoutes(auth::ApiRoutes& routes, core::ManualClock& clock);

}  // namespace lien::app
