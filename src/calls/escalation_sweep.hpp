#pragma once
// The escalation sweep (issue 4, "People not reached"): raises an escalation for every enrolment DecideEscalation
// says to raise, each with its audit event, in one write transaction. Safe when several `lien serve` share one
// PostgreSQL database: a sweep takes an advisory lock (the job skips while another sweeps, a sweep asked for by
// hand waits for it), and the unique index on open_key refuses a second open escalation even in a race.

#include <cstdint>
#include <optional>
#include <vector>

#include "audit/entry.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct SweepReport {
  std::vector<std::int64_t> raised;  ///< ids of the escalations raised now
  std::int64_t already_open = 0;     ///< due, but an escalation of theirs is open
  std::int64_t examined = 0;         ///< enrolments past their threshold that the rule looked at
};

enum class SweepWait : std::uint8_t {
  kSkipIfBusy,  ///< the job: another server sweeping now does the work
  kWait,        ///< asked for by hand: the answer must say what is open
};

/// One sweep at `now`. `actor` names who asked (the job: the system; the route: the account); each escalation
/// raised appends "escalation.raised" about its person (purpose follow_up). nullopt when skipped (kSkipIfBusy
/// and another server holds the lock).
std::optional<SweepReport> SweepEscalations(db::Database& database, core::EpochMillis now, const audit::Event& actor,
                                            SweepWait wait);

}  // namespace lien::calls
