#pragma once
// The audit trail's rules: append an event in the caller's transaction, search, verify the chain.

#include <vector>

#include "audit/entry.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::audit {

/// Appends `event` at `at` on `connection`, which must be inside a write transaction — the same one as the
/// access it records, so either both are kept or neither. Returns the entry id.
std::int64_t Append(db::Connection& connection, core::EpochMillis at, const Event& event);

/// Entries matching the filter, newest first; `filter.limit` is clamped to 1..500.
std::vector<Entry> Find(db::Connection& connection, Filter filter);

/// Recomputes every hash and link from the first entry; reports the first one that does not hold.
VerifyReport Verify(db::Connection& connection);

}  // namespace lien::audit
