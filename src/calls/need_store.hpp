#pragma once
// Needs records in the database (table needs), on the caller's connection so that the calling screen, the
// escalations' visits and the inbound line record a need inside their own write transaction. These functions
// write no audit event: the caller appends its own (action "need.create", subject "need", purpose
// "follow_up") in the same transaction, as every route here does.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/need_rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// Records a need (state open). Checks the draft (ValidateNeedDraft), that the person exists (kNotFound
/// `persons.not_found`) and that the call, escalation or inbound request it comes from exists and is about
/// the same person (kInvalidInput `needs.source_not_found`, naming the id field). `actor_id` is the account
/// recording it (empty for the system). Returns the stored need.
core::Result<Need> CreateNeed(db::Connection& connection, const NeedDraft& draft, std::optional<std::int64_t> actor_id,
                              core::EpochMillis now);

/// The need with this id, or nullopt.
std::optional<Need> LoadNeed(db::Connection& connection, std::int64_t id);

/// A person's needs, open and referred first (most urgent, then oldest), closed ones after (newest closed first).
std::vector<Need> NeedsOfPerson(db::Connection& connection, std::int64_t person_id);

/// Open needs (state open or referred) across everyone, most urgent first, then oldest first.
std::vector<Need> OpenNeeds(db::Connection& connection, int limit, int offset);
/// How many needs are open or referred.
std::int64_t CountOpenNeeds(db::Connection& connection);

/// What a social worker changes on a need; absent members stay as they are.
struct NeedChange {
  std::optional<std::string> urgency;
  std::optional<std::string> notes;
  std::optional<std::string> state;  ///< through CheckNeedTransition
};

/// Applies `change` when the need is at `expected_version`: bumps the version, records who closed it and when.
/// Errors: kNotFound `needs.not_found`; kPreconditionFailed `http.precondition_failed`; the rules' errors.
core::Result<Need> UpdateNeed(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                              const NeedChange& change, std::optional<std::int64_t> actor_id, core::EpochMillis now);

/// Moves a need to `state` without a version check (a referral's change drives it); no-op when already there
/// or when the machine does not allow it. Returns true when it moved.
bool MoveNeedState(db::Connection& connection, std::int64_t id, std::string_view state,
                   std::optional<std::int64_t> actor_id, core::EpochMillis now);

}  // namespace lien::calls
