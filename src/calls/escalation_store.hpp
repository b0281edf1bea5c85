#pragma once
// SQL of the escalations (docs/calls.md, table `escalations`), on the caller's connection and transaction: the
// sweep's candidates and insert, the workflow's reads and writes, and what the coordinator's screen shows beside
// each escalation (the emergency contacts, the last calls). Persons themselves come from the register's store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/escalation_workflow.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// One escalation as stored, with its campaign's name and thresholds.
struct Escalation {
  std::int64_t id = 0;
  std::int64_t enrolment_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t person_id = 0;
  EscalationState state = EscalationState::kOpen;
  core::EpochMillis raised_at = 0;
  std::string reason;  ///< "not_reached"
  std::optional<core::EpochMillis> contacts_tried_at;
  std::string contacts_outcome;  ///< what the contacts said, each try on its own line
  std::optional<std::int64_t> visit_assignee_id;
  std::string visit_assignee_name;  ///< the account's display name, or the service named by hand
  std::optional<core::EpochMillis> visit_assigned_at;
  std::string visit_outcome;  ///< VisitOutcomeName, empty until the visit's outcome closes it
  std::string visit_notes;    ///< the instructions given with the visit, then what the visit found
  std::optional<core::EpochMillis> closed_at;
  std::optional<std::int64_t> closed_by;
  std::int64_t version = 1;
  std::string campaign_name;
  std::int32_t escalation_hours = 0;
  std::optional<core::EpochMillis> last_reached_at;  ///< the enrolment's
};

/// The active enrolments of active campaigns that have gone at least their campaign's threshold without being
/// reached (a cheap filter in SQL); DecideEscalation has the last word. Attempts are counted from CountingFrom.
std::vector<EscalationCandidate> LoadEscalationCandidates(db::Connection& connection, core::EpochMillis now);

/// Inserts an open escalation with open_key = the enrolment id. nullopt when one is open already: the unique
/// index refuses the row (ON CONFLICT DO NOTHING), even when another server inserted it an instant before.
std::optional<std::int64_t> InsertEscalation(db::Connection& connection, const EscalationCandidate& candidate,
                                             core::EpochMillis now, std::string_view reason);

std::optional<Escalation> FindEscalation(db::Connection& connection, std::int64_t id);

enum class EscalationListing : std::uint8_t { kOpen, kClosed, kAll };
/// kOpen: not closed, oldest raised first; kClosed: latest closed first; kAll: open ones first, then closed.
std::vector<Escalation> ListEscalations(db::Connection& connection, EscalationListing listing, int limit, int offset);

/// The escalations whose visit is assigned to this account and not yet done, oldest assignment first.
std::vector<Escalation> ListVisitsAssignedTo(db::Connection& connection, std::int64_t account_id);

/// Writes the workflow columns of `escalation` (state, contacts, visit, close) when `expected_version` is
/// current; a closed escalation has open_key NULL so the enrolment may be escalated again later. Bumps the
/// version (and `escalation.version`). Returns false when the version is stale.
bool UpdateEscalation(db::Connection& connection, Escalation& escalation, std::int64_t expected_version);

struct EscalationSummary {
  std::int64_t open = 0;  ///< not closed, whatever the step
  std::int64_t contacts_tried = 0;
  std::int64_t visit_assigned = 0;
  std::optional<core::EpochMillis> oldest_raised_at;
};
EscalationSummary SummariseEscalations(db::Connection& connection);

/// Records that the person was reached on this enrolment at `at`, and so on every active enrolment of the
/// person (one call a day per person: news of them counts for every campaign); never moves last_reached_at back.
void MarkEnrolmentReached(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis at);
/// Ends an active enrolment (state 'ended'): nobody is left to call.
void EndEnrolment(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis at);

/// An account a home visit may be assigned to.
struct VisitAssignee {
  std::int64_t id = 0;
  std::string display_name;
  std::string role;
};
/// Enabled accounts whose role holds `visits`, by name.
std::vector<VisitAssignee> VisitAssignees(db::Connection& connection);
/// The account if it is enabled and its role holds `visits`.
std::optional<VisitAssignee> FindVisitAssignee(db::Connection& connection, std::int64_t account_id);

}  // namespace lien::calls
