#pragma once
// The escalation's workflow on storage (issue 4, "People not reached"): the emergency contacts tried, a home
// visit assigned, the visit's outcome — each on the caller's connection inside their write transaction (the
// route appends the audit event in the same one). The outcome also tells the register and the enrolment what
// was learnt: a person found is a contact (persons.last_contact_at, the enrolment's last_reached_at), a death
// or a hospital stay is the person's status, through the register's own functions.

#include <cstdint>
#include <optional>
#include <string>

#include "calls/escalation_store.hpp"
#include "calls/escalation_workflow.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// Who acts: their account, and whether they supervise the platform (calls.supervise) or only do visits.
struct EscalationActor {
  std::int64_t id = 0;
  std::string login;
  bool supervises = false;
};

/// The longest text a step adds (contacts' outcome, visit notes), and the longest a field may grow to.
inline constexpr std::size_t kStepTextMax = 2000;
inline constexpr std::size_t kFieldTextMax = 20000;

/// The escalation as `actor` may see it: a supervisor sees every one, anyone else only those whose visit is
/// assigned to them (kNotFound `escalations.not_found` otherwise, as for an id that does not exist).
core::Result<Escalation> EscalationFor(db::Connection& connection, std::int64_t id, const EscalationActor& actor);

/// The emergency contacts were tried: `outcome` is what they said (added on its own line). `reached`: someone
/// reached the person (through a contact, or the person called back), which closes the escalation and counts as
/// a contact. Errors: kNotFound, kPreconditionFailed (`http.precondition_failed`), kConflict `escalations.closed`.
core::Result<Escalation> RecordContactsTried(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                             const std::string& outcome, bool reached, const EscalationActor& actor,
                                             core::EpochMillis now);

/// Who visits: an account whose role holds `visits`, or a service named by hand ("police municipale").
struct VisitAssignment {
  std::optional<std::int64_t> assignee_id;
  std::string assignee_name;
  std::string notes;  ///< instructions for the visit (added on its own line)
};

/// Assigns (or reassigns) the home visit. Errors: kNotFound, kPreconditionFailed, kConflict `escalations.closed`;
/// kInvalidInput `escalations.assignee_cannot_visit` (field assignee_id) for an account that may not visit.
core::Result<Escalation> AssignVisit(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                     const VisitAssignment& assignment, const EscalationActor& actor,
                                     core::EpochMillis now);

/// The needs record a visit that found the person in need opens (need_rules.hpp for the vocabulary).
struct NeedProposal {
  std::string kind;
  std::string urgency{"none"};
  std::string notes;
};

struct VisitOutcomeRecorded {
  Escalation escalation;
  OutcomeEffects effects;
  std::optional<std::int64_t> need_id;  ///< the needs record opened (needs_help)
};

/// Records what the visit found and closes the escalation, then applies EffectsOf(outcome) to the person and the
/// enrolment; `needs_help` opens the needs record `need` (source visit, linked to the escalation), which no
/// other outcome takes. By the assignee or a supervisor. Errors: kNotFound, kPreconditionFailed, kConflict
/// `escalations.closed` / `escalations.no_visit_assigned`; CheckNeedWithOutcome's; the need's own (fields
/// named "need.kind"…).
core::Result<VisitOutcomeRecorded> RecordVisitOutcome(db::Connection& connection, std::int64_t id,
                                                      std::int64_t expected_version, VisitOutcome outcome,
                                                      const std::string& notes, const std::optional<NeedProposal>& need,
                                                      const EscalationActor& actor, core::EpochMillis now);

}  // namespace lien::calls
