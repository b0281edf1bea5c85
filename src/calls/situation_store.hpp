#pragma once
// Situations followed (issue 4 "Referrals"): a person with an open need (open or referred) or a live referral
// (proposed, sent, accepted) is followed until both are closed. The figures count them from here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct SituationFollowed {
  std::int64_t person_id = 0;
  std::int64_t open_needs = 0;
  std::int64_t live_referrals = 0;
  std::string most_urgent;      ///< the most urgent open need's urgency ("none" when only referrals remain)
  core::EpochMillis since = 0;  ///< the oldest open need or live referral
};

/// The situations followed now, the most urgent first, then the oldest.
std::vector<SituationFollowed> SituationsFollowed(db::Connection& connection, int limit, int offset);

/// How many persons are a situation followed now, optionally only among the people enrolled in one campaign
/// (the figures' restriction).
std::int64_t CountSituationsFollowed(db::Connection& connection,
                                     std::optional<std::int64_t> campaign_id = std::nullopt);

}  // namespace lien::calls
