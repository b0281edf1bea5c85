#pragma once
// The caller's scope (docs/calls.md, "Scope"), enforced in the query: a caller (calls.work without follow_up)
// reads a person only when the person is on one of the caller's worklist items of today or the last 7 days, or
// the caller is the usual caller of one of the person's active enrolments, or holds an unexpired break-glass
// grant for the person.

#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

inline constexpr int kScopeDays = 7;

/// True when the caller `user_id` may read person `person_id` at `now` (the rule above).
bool CallerMayRead(db::Connection& connection, std::int64_t user_id, std::int64_t person_id, core::EpochMillis now);

}  // namespace lien::calls
