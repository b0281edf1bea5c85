#pragma once
// Retention in storage: the facts the rules need, and running a plan. RunRetention is what the API, the CLI
// (`lien register purge`) and the daily job of `lien serve` all call: one write transaction that claims the
// run (a PostgreSQL advisory lock, so two servers sharing a database never purge at once), plans at `now`,
// deletes and appends one audit event with the counts, never the contents.

#include <cstdint>
#include <optional>
#include <vector>

#include "audit/entry.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "register/retention.hpp"
#include "register/rights_store.hpp"

namespace lien::registry {

/// One line per person with what retention needs. Reads only.
std::vector<RetentionFacts> LoadRetentionFacts(db::Connection& connection);

/// What the purge removed.
struct RetentionCounts {
  std::int64_t register_entries = 0;  ///< entries deleted on their own (the person stays)
  std::int64_t households = 0;        ///< households deleted on their own
  ErasureCounts erased;               ///< persons erased, and everything they held
};

/// Deletes what `plan` lists. Inside a write transaction.
RetentionCounts ApplyRetention(db::Connection& connection, const RetentionPlan& plan);

/// What is past its time at `now`, for review. Reads in a read transaction.
RetentionPlan DueForRetention(db::Database& database, const RetentionPolicy& policy, core::EpochMillis now);

/// Purges what is past its time at `now` and records `actor` (action "retention.purge", counts only) in the
/// same transaction. nullopt when another instance is purging right now (PostgreSQL); that one does the work.
/// With `expected`, only what is in both the plan of now and `expected` goes (the CLI erases what it listed).
std::optional<RetentionCounts> RunRetention(db::Database& database, const RetentionPolicy& policy,
                                            core::EpochMillis now, audit::Event actor,
                                            const RetentionPlan* expected = nullptr);

}  // namespace lien::registry
