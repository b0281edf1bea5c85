#include "calls/break_glass_store.hpp"

#include "calls/break_glass_rules.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kColumns =
    "g.id, g.user_id, u.login, u.display_name, g.person_id, g.reason, g.granted_at, g.expires_at, g.reviewed_by, "
    "g.reviewed_at FROM break_glass_grants g JOIN users u ON u.id = g.user_id ";

BreakGlassGrant ReadGrant(const db::Row& row) {
  return BreakGlassGrant{.id = row.Int(0),
                         .user_id = row.Int(1),
                         .user_login = row.Text(2),
                         .user_name = row.Text(3),
                         .person_id = row.Int(4),
                         .reason = row.Text(5),
                         .granted_at = row.Int(6),
                         .expires_at = row.Int(7),
                         .reviewed_by = row.OptInt(8),
                         .reviewed_at = row.OptInt(9)};
}

std::optional<BreakGlassGrant> LoadGrant(db::Connection& connection, std::int64_t id) {
  auto row = connection.QueryOne("SELECT " + std::string(kColumns) + "WHERE g.id = ?", {id});
  if (!row) return std::nullopt;
  return ReadGrant(*row);
}

}  // namespace

BreakGlassGrant InsertBreakGlassGrant(db::Connection& connection, std::int64_t user_id, std::int64_t person_id,
                                      const std::string& reason, core::EpochMillis now) {
  auto row = connection.QueryOne(
      "INSERT INTO break_glass_grants (user_id, person_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {user_id, person_id, reason, now, now + kBreakGlassDuration});
  return *LoadGrant(connection, row->Int(0));
}

std::vector<BreakGlassGrant> UnreviewedBreakGlassGrants(db::Connection& connection, int limit) {
  std::vector<BreakGlassGrant> grants;
  for (const auto& row : connection
                             .Execute("SELECT " + std::string(kColumns) +
                                          "WHERE g.reviewed_at IS NULL ORDER BY g.granted_at, g.id LIMIT ?",
                                      {std::int64_t{limit}})
                             .rows) {
    grants.push_back(ReadGrant(row));
  }
  return grants;
}

core::Result<BreakGlassGrant> ReviewBreakGlassGrant(db::Connection& connection, std::int64_t grant_id,
                                                    std::int64_t reviewer_id, core::EpochMillis now) {
  auto grant = LoadGrant(connection, grant_id);
  if (!grant) return core::Fail(core::ErrorCode::kNotFound, "calls.break_glass_not_found");
  if (grant->reviewed_at) return core::Fail(core::ErrorCode::kConflict, "calls.break_glass_already_reviewed");
  connection.Execute("UPDATE break_glass_grants SET reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                     {reviewer_id, now, grant_id});
  grant->reviewed_by = reviewer_id;
  grant->reviewed_at = now;
  return *grant;
}

}  // namespace lien::calls
