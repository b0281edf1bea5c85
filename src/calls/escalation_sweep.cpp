#include "calls/escalation_sweep.hpp"

#include <unordered_set>

#include "audit/trail.hpp"
#include "calls/escalation_store.hpp"
#include "calls/escalation_workflow.hpp"

namespace lien::calls {
namespace {

/// The advisory lock of the sweep on PostgreSQL ("LIEN" "ESCL" in ASCII; the migrations use "LIENMIGR", the
/// retention purge "LIENPURG").
constexpr std::int64_t kSweepLockKey = 0x4C49454E4553434C;

bool TakeSweepLock(db::Connection& connection, SweepWait wait) {
  // SQLite: the write transaction already holds the database's only write lock.
  if (connection.dialect() != db::Dialect::kPostgres) return true;
  if (wait == SweepWait::kWait) {
    connection.Execute("SELECT pg_advisory_xact_lock(?)", {kSweepLockKey});
    return true;
  }
  return connection.QueryOne("SELECT pg_try_advisory_xact_lock(?)", {kSweepLockKey})->Bool(0);
}

}  // namespace

std::optional<SweepReport> SweepEscalations(db::Database& database, core::EpochMillis now, const audit::Event& actor,
                                            SweepWait wait) {
  return db::InWriteTransaction(database, [&](db::Connection& connection) -> std::optional<SweepReport> {
    if (!TakeSweepLock(connection, wait)) return std::nullopt;
    SweepReport report;
    std::unordered_set<std::int64_t> raised_persons;  // one alert per person, even with two campaigns due at once
    for (const auto& candidate : LoadEscalationCandidates(connection, now)) {
      ++report.examined;
      auto decision = DecideEscalation(candidate, now);
      if (decision == EscalationDecision::kRaise && raised_persons.contains(candidate.person_id)) {
        decision = EscalationDecision::kAlreadyOpen;
      }
      if (decision == EscalationDecision::kAlreadyOpen) ++report.already_open;
      if (decision != EscalationDecision::kRaise) continue;
      const auto id = InsertEscalation(connection, candidate, now, "not_reached");
      if (!id) {
        ++report.already_open;
        continue;
      }
      report.raised.push_back(*id);
      raised_persons.insert(candidate.person_id);
      audit::Event event = actor;
      event.action = "escalation.raised";
      event.subject_type = "person";
      event.subject_id = std::to_string(candidate.person_id);
      event.purpose = "follow_up";
      event.details = {{"escalation_id", std::to_string(*id)},
                       {"enrolment_id", std::to_string(candidate.enrolment_id)},
                       {"campaign_id", std::to_string(candidate.campaign_id)},
                       {"attempts", std::to_string(candidate.attempts)}};
      audit::Append(connection, now, event);
    }
    return report;
  });
}

}  // namespace lien::calls
