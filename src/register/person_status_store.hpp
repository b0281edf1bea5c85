#pragma once
// A change of a person's situation learnt by the call platform (issue 4) on a call or a home visit — deceased,
// in hospital — written through the register's own UpdatePerson, so the version moves and the history says
// why. On the caller's connection, inside their write transaction.

#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/model.hpp"
#include "register/person_store.hpp"

namespace lien::registry {

/// Sets the person's status (status_until cleared), the history naming `action` ("escalation.visit_outcome",
/// "call.outcome"…). Nothing is written when the status is already `status` without an end date.
/// Errors: kNotFound `persons.not_found`.
core::Result<Person> RecordPersonStatus(db::Connection& connection, std::int64_t person_id, PersonStatus status,
                                        const ChangeAuthor& author, core::EpochMillis now, std::string_view action);

}  // namespace lien::registry
