#pragma once
// Stores the call platform of `lien demo` (demo_calls.hpp) in the caller's write transaction, on the demo
// town already stored. Every row goes through the function the application's routes call (campaign, roster,
// follow-up profile, enrolment, call, escalation, partner, need, referral and inbound stores), at the plan's
// instants, so the demo holds exactly what the application would have written: the calls set the enrolments'
// last attempt and reach and the persons' last contact (retention counts from it), escalations and referrals
// carry their workflow's stamps. No audit events: nobody read or changed anything through the API.
// Idempotent: when the demo campaign exists, nothing is written.

#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// The demo's accounts (ids of users rows). Callers get their roster entry; the partner account joins the
/// charity partner.
struct DemoCallsAccounts {
  std::int64_t coordinator = 0;
  std::int64_t social_worker = 0;
  std::int64_t intake = 0;
  std::int64_t partner = 0;
  std::vector<std::int64_t> callers;
};

struct DemoCallsCounts {
  bool already_filled = false;  ///< the demo campaign was there: nothing was written
  std::int64_t campaigns = 0;
  std::int64_t questions = 0;
  std::int64_t callers = 0;
  std::int64_t enrolments = 0;
  std::int64_t emergency_contacts = 0;
  std::int64_t calls = 0;
  std::int64_t reached = 0;
  std::int64_t escalations_open = 0;
  std::int64_t escalations_closed = 0;
  std::int64_t needs = 0;
  std::int64_t referrals = 0;
  std::int64_t partners = 0;
  std::int64_t inbound = 0;
};

/// Enrols persons aged 70 or more (active, in name order) up to 300. `seed` and the Paris day of `now` make
/// the history; the same seed and day give the same rows. A store's refusal (a plan the application would not
/// accept) is returned as is, and the caller's transaction rolls back.
core::Result<DemoCallsCounts> StoreDemoCalls(db::Connection& connection, const DemoCallsAccounts& accounts,
                                             std::uint64_t seed, core::EpochMillis now);

}  // namespace lien::calls
