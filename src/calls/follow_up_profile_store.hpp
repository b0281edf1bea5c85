#pragma once
// A person's follow-up profile (follow_up_profiles) and emergency contacts (emergency_contacts) in storage, on
// the caller's connection and transaction.

#include <optional>
#include <vector>

#include "calls/follow_up_profile_rules.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// The stored profile, or nullopt when none was ever saved.
std::optional<FollowUpProfile> LoadFollowUpProfile(db::Connection& connection, PersonId person_id);

/// Creates (`expected_version` nullopt, or 0) or replaces the profile when the stored version matches; keeps the
/// stored health notes when `keep_health_notes` (a writer who may not read them). Errors: kPreconditionFailed
/// `http.precondition_failed`; kConflict `follow_up.exists` when creating over a stored profile.
core::Result<FollowUpProfile> SaveFollowUpProfile(db::Connection& connection, const FollowUpProfile& profile,
                                                  std::optional<std::int64_t> expected_version, bool keep_health_notes,
                                                  std::optional<std::int64_t> actor, core::EpochMillis now);

/// The contacts in order.
std::vector<EmergencyContact> LoadEmergencyContacts(db::Connection& connection, PersonId person_id);
/// Replaces the whole list (validated and normalised by NormaliseEmergencyContacts first).
void ReplaceEmergencyContacts(db::Connection& connection, PersonId person_id,
                              const std::vector<EmergencyContact>& contacts);

}  // namespace lien::calls
