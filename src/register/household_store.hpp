#pragma once
// Households in the database (tables households, household_members), on the caller's connection. Each change
// writes a history row on the person with purpose "delivery" (read only by those who read households).

#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "db/database.hpp"
#include "register/household.hpp"
#include "register/person_store.hpp"

namespace lien::registry {

/// The household of a person, members in order; nullopt when there is none.
std::optional<Household> LoadHousehold(db::Connection& connection, std::int64_t person_id);

/// Creates the household of `household.person_id` when `expected_version` is empty and there is none yet, or
/// replaces it when it is at `expected_version`. The caller validates first (ValidateHousehold). Errors:
/// kNotFound (`persons.not_found`), kPreconditionFailed (`http.precondition_failed`: it exists and no version
/// was given, or the version differs, or a version was given for none). Returns the stored household.
core::Result<Household> SaveHousehold(db::Connection& connection, Household household,
                                      std::optional<std::int64_t> expected_version, const ChangeAuthor& author,
                                      core::EpochMillis now);

/// Records the instant of the household's last delivery (the food platform's rounds; the demo sets the dates its
/// deliveries would have left). Not an edit of the household: no new version, no history row.
void RecordLastDelivery(db::Connection& connection, std::int64_t person_id, core::EpochMillis at);

/// Deletes the household of a person at `expected_version`. Errors: kNotFound (`persons.no_household`),
/// kPreconditionFailed.
core::Status DeleteHousehold(db::Connection& connection, std::int64_t person_id, std::int64_t expected_version,
                             const ChangeAuthor& author, core::EpochMillis now);

}  // namespace lien::registry
