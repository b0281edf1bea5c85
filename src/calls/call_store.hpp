#pragma once
// Calls: recording one with its effects (call_outcome_rules.hpp), and what the caller's screen reads beside the
// person (the last calls, the emergency contacts, the campaign's script). SQL for both engines, in the
// caller's write transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/call_outcome_rules.hpp"
#include "calls/call_script.hpp"
#include "calls/worklist_store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// One enrolment as a call needs it.
struct EnrolmentForCall {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t campaign_id = 0;
  std::string state;  ///< "active", "paused", "ended"
  RetryPolicy policy{};
};

/// The enrolment of `person_id` in `campaign_id` (any state), with its campaign's retry policy.
std::optional<EnrolmentForCall> LoadEnrolmentForCall(db::Connection& connection, std::int64_t person_id,
                                                     std::int64_t campaign_id);
std::optional<EnrolmentForCall> LoadEnrolmentById(db::Connection& connection, std::int64_t enrolment_id);

/// Calls recorded on the enrolment in [from, to).
std::int32_t CallsOfEnrolmentBetween(db::Connection& connection, std::int64_t enrolment_id, core::EpochMillis from,
                                     core::EpochMillis to);

struct NewCall {
  const EnrolmentForCall* enrolment = nullptr;
  const WorklistItem* item = nullptr;  ///< the pending item of today, when there is one
  std::int64_t caller_id = 0;
  CallOutcome outcome = CallOutcome::kReached;
  std::int32_t duration_seconds = 0;
  std::string notes;
  std::string answers_json = "[]";
  bool worrying = false;
  core::EpochMillis at = 0;
};

/// Inserts the call and applies `decision`: the item's state, attempts and retry time; the enrolment's last
/// attempt, last reached, worrying flag, pause or end (and the person's other items today when every
/// enrolment ends); the person's last contact through the register. Returns the call id.
std::int64_t RecordCall(db::Connection& connection, const NewCall& call, const OutcomeDecision& decision);

struct CallSummary {
  std::int64_t id = 0;
  std::string outcome;
  core::EpochMillis started_at = 0;
  std::int32_t duration_seconds = 0;
  std::string caller_name;
  std::string notes_excerpt;  ///< the first 200 bytes of the notes, cut on a character boundary
  bool worrying = false;
};
std::vector<CallSummary> LastCallsOf(db::Connection& connection, std::int64_t person_id, int limit);

struct CampaignScript {
  std::int64_t campaign_id = 0;
  std::string name;
  std::string kind;
  std::vector<ScriptQuestion> questions;
};
std::optional<CampaignScript> LoadCampaignScript(db::Connection& connection, std::int64_t campaign_id);

/// Display names of accounts by id (the coordinator's view names the callers).
std::vector<std::pair<std::int64_t, std::string>> AccountNames(db::Connection& connection,
                                                               const std::vector<std::int64_t>& ids);

}  // namespace lien::calls
