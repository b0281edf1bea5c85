#pragma once
// Merging two records of the same person (docs/register.md): everything the merged record held moves to the
// kept one, and its id keeps answering through person_redirects.

#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/person_store.hpp"

namespace lien::registry {

/// Merges `other_id` into `kept_id` when the kept record is at `expected_version`, in the caller's write
/// transaction: the other's phones join the kept ones (no number twice, at most 10); the kept record's empty
/// identity and contact fields take the other's values, its languages are joined; the register entry and the
/// household move when the kept record has none (when both have one the merge is refused: the agent must
/// settle them first); history rows (version 0: changes of the merged record) and import rows move; redirects
/// to the other now lead to the kept one and the other's id redirects there too; the other record is deleted.
/// The kept record gets a history row "merge" naming the other id. Errors: kNotFound (`persons.not_found`),
/// kInvalidInput (`persons.merge_same`), kPreconditionFailed, kConflict (`persons.merge_both_households`,
/// `persons.merge_register_conflict`). Returns the kept person.
core::Result<Person> MergePersons(db::Connection& connection, std::int64_t kept_id, std::int64_t other_id,
                                  std::int64_t expected_version, const ChangeAuthor& author, core::EpochMillis now);

/// What MergePersons does to the kept record's fields: `kept` with the blanks filled from `other` and the
/// phones and languages joined. Exposed for the unit tests.
Person MergedRecord(const Person& kept, const Person& other);

}  // namespace lien::registry
