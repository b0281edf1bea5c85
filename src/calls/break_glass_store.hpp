#pragma once
// Break-the-glass grants (docs/calls.md, "Scope"): who opened whom outside their scope, why, until when, and the
// coordinator's review.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct BreakGlassGrant {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string user_login;
  std::string user_name;
  std::int64_t person_id = 0;
  std::string reason;
  core::EpochMillis granted_at = 0;
  core::EpochMillis expires_at = 0;
  std::optional<std::int64_t> reviewed_by;
  std::optional<core::EpochMillis> reviewed_at;
};

/// Grants `user_id` person `person_id` from `now` for kBreakGlassDuration. The reason is already validated.
BreakGlassGrant InsertBreakGlassGrant(db::Connection& connection, std::int64_t user_id, std::int64_t person_id,
                                      const std::string& reason, core::EpochMillis now);

/// Grants not reviewed yet, oldest first, at most `limit`.
std::vector<BreakGlassGrant> UnreviewedBreakGlassGrants(db::Connection& connection, int limit);

/// Marks a grant reviewed. Errors: kNotFound `calls.break_glass_not_found`, kConflict
/// `calls.break_glass_already_reviewed`.
core::Result<BreakGlassGrant> ReviewBreakGlassGrant(db::Connection& connection, std::int64_t grant_id,
                                                    std::int64_t reviewer_id, core::EpochMillis now);

}  // namespace lien::calls
