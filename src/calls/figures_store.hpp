#pragma once
// The figures' queries (figures_rules.hpp says what each figure means). Counts only, for both engines, in the
// caller's transaction (a read transaction is enough: nothing is written).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/figures_rules.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// What the figures of a campaign show of it.
struct FiguresCampaign {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  std::string status;
  std::chrono::local_days starts_on;
  std::optional<std::chrono::local_days> ends_on;
};

/// The campaign with this id, or nullopt (also when its stored days do not parse).
std::optional<FiguresCampaign> LoadFiguresCampaign(db::Connection& connection, std::int64_t id);

/// Every campaign, active ones first, then drafts, then closed ones; newest start first within each.
std::vector<FiguresCampaign> ListFiguresCampaigns(db::Connection& connection);

/// The figures of `period`, restricted to one campaign when `campaign_id` is set; the "now" figures are taken
/// at `now`.
Figures LoadFigures(db::Connection& connection, const FiguresPeriod& period, std::optional<std::int64_t> campaign_id,
                    core::EpochMillis now);

/// Distinct persons with an active enrolment in an active campaign (optionally one campaign), enrolled more than
/// 24 hours before `now`, and reached by no enrolment of theirs in the 24 hours before `now`.
std::int64_t CountEnrolledNotReached24h(db::Connection& connection, std::optional<std::int64_t> campaign_id,
                                        core::EpochMillis now);

}  // namespace lien::calls
