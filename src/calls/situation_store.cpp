#include "calls/situation_store.hpp"

namespace lien::calls {
namespace {

// One row per open need or live referral: person, is a need, is a referral, since, urgency rank (0 = immediate).
constexpr std::string_view kFollowed =
    "SELECT person_id, 1 AS need, 0 AS referral, created_at AS since, CASE urgency WHEN 'immediate' THEN 0 "
    "WHEN 'high' THEN 1 WHEN 'low' THEN 2 ELSE 3 END AS urgency_rank FROM needs WHERE state IN ('open', 'referred') "
    "UNION ALL SELECT person_id, 0, 1, created_at, 3 FROM referrals WHERE state IN ('proposed', 'sent', 'accepted')";

constexpr std::string_view kUrgencyNames[] = {"immediate", "high", "low", "none"};

}  // namespace

std::vector<SituationFollowed> SituationsFollowed(db::Connection& connection, int limit, int offset) {
  const auto result = connection.Execute(
      "SELECT person_id, SUM(need), SUM(referral), MIN(since), MIN(urgency_rank) FROM (" + std::string(kFollowed) +
          ") followed GROUP BY person_id ORDER BY MIN(urgency_rank), MIN(since), person_id LIMIT ? OFFSET ?",
      {std::int64_t{limit}, std::int64_t{offset}});
  std::vector<SituationFollowed> situations;
  for (const auto& row : result.rows) {
    const auto rank = row.Int(4);
    situations.push_back({row.Int(0), row.Int(1), row.Int(2),
                          std::string(kUrgencyNames[rank >= 0 && rank <= 3 ? rank : 3]), row.Int(3)});
  }
  return situations;
}

std::int64_t CountSituationsFollowed(db::Connection& connection, std::optional<std::int64_t> campaign_id) {
  // A campaign's situations are those of the people it enrols: needs and referrals carry no campaign.
  const std::string enrolled =
      campaign_id ? " AND person_id IN (SELECT person_id FROM enrolments WHERE campaign_id = ?)" : std::string();
  std::vector<db::Value> params;
  if (campaign_id) params = {*campaign_id, *campaign_id};
  return connection
      .QueryOne("SELECT COUNT(*) FROM (SELECT person_id FROM needs WHERE state IN ('open', 'referred')" + enrolled +
                    " UNION SELECT person_id FROM referrals WHERE state IN ('proposed', 'sent', 'accepted')" +
                    enrolled + ") followed",
                params)
      ->Int(0);
}

}  // namespace lien::calls
