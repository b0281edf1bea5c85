#include "calls/partner_store.hpp"

#include "auth/store.hpp"

namespace lien::calls {
namespace {

constexpr std::string_view kColumns = "id, name, service, email, phone, active, created_at, version";

Partner PartnerFrom(const db::Row& row) {
  Partner partner;
  partner.id = row.Int(0);
  partner.name = row.Text(1);
  partner.service = row.Text(2);
  partner.email = row.Text(3);
  partner.phone = row.Text(4);
  partner.active = row.Bool(5);
  partner.created_at = row.Int(6);
  partner.version = row.Int(7);
  return partner;
}

}  // namespace

std::vector<Partner> ListPartners(db::Connection& connection, bool include_inactive) {
  const auto result = connection.Execute("SELECT " + std::string(kColumns) + " FROM partners" +
                                         (include_inactive ? "" : " WHERE active = 1") + " ORDER BY name, id");
  std::vector<Partner> partners;
  for (const auto& row : result.rows) partners.push_back(PartnerFrom(row));
  return partners;
}

std::optional<Partner> LoadPartner(db::Connection& connection, std::int64_t id) {
  const auto row = connection.QueryOne("SELECT " + std::string(kColumns) + " FROM partners WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return PartnerFrom(*row);
}

Partner CreatePartner(db::Connection& connection, const PartnerDraft& draft, core::EpochMillis now) {
  const auto row = connection.QueryOne(
      "INSERT INTO partners (name, service, email, phone, active, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 1) "
      "RETURNING id",
      {draft.name, draft.service, draft.email, draft.phone, std::int64_t{draft.active ? 1 : 0}, now});
  return *LoadPartner(connection, row->Int(0));
}

core::Result<Partner> UpdatePartner(db::Connection& connection, std::int64_t id, std::int64_t expected_version,
                                    const PartnerDraft& draft) {
  const auto current = LoadPartner(connection, id);
  if (!current) return core::Fail(core::ErrorCode::kNotFound, "partners.not_found");
  const auto updated = connection.Execute(
      "UPDATE partners SET name = ?, service = ?, email = ?, phone = ?, active = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {draft.name, draft.service, draft.email, draft.phone, std::int64_t{draft.active ? 1 : 0}, id, expected_version});
  if (updated.affected_rows != 1) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  return *LoadPartner(connection, id);
}

core::Status DeletePartner(db::Connection& connection, std::int64_t id, std::int64_t expected_version) {
  const auto current = LoadPartner(connection, id);
  if (!current) return core::Fail(core::ErrorCode::kNotFound, "partners.not_found");
  if (current->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  if (connection.QueryOne("SELECT 1 FROM referrals WHERE partner_id = ?", {id})) {
    return core::Fail(core::ErrorCode::kConflict, "partners.in_use");
  }
  connection.Execute("DELETE FROM partners WHERE id = ?", {id});
  return {};
}

std::vector<PartnerMember> MembersOf(db::Connection& connection, std::int64_t partner_id) {
  const auto result = connection.Execute(
      "SELECT u.id, u.login, u.display_name FROM partner_members m JOIN users u ON u.id = m.user_id "
      "WHERE m.partner_id = ? ORDER BY u.login",
      {partner_id});
  std::vector<PartnerMember> members;
  for (const auto& row : result.rows) members.push_back({row.Int(0), row.Text(1), row.Text(2)});
  return members;
}

core::Result<PartnerMember> AddMember(db::Connection& connection, std::int64_t partner_id, const std::string& login) {
  if (!LoadPartner(connection, partner_id)) return core::Fail(core::ErrorCode::kNotFound, "partners.not_found");
  const auto user = auth::store::FindUserByLogin(connection, login);
  if (!user) return core::Fail(core::ErrorCode::kInvalidInput, "partners.member_not_found", "login");
  if (user->role != auth::Role::kPartner || user->disabled) {
    return core::Fail(core::ErrorCode::kInvalidInput, "partners.member_not_partner", "login");
  }
  connection.Execute("DELETE FROM partner_members WHERE user_id = ?", {user->id});
  connection.Execute("INSERT INTO partner_members (user_id, partner_id) VALUES (?, ?)", {user->id, partner_id});
  return PartnerMember{user->id, user->login, user->display_name};
}

core::Status RemoveMember(db::Connection& connection, std::int64_t partner_id, std::int64_t user_id) {
  const auto removed =
      connection.Execute("DELETE FROM partner_members WHERE partner_id = ? AND user_id = ?", {partner_id, user_id});
  if (removed.affected_rows == 0) return core::Fail(core::ErrorCode::kNotFound, "partners.member_not_found");
  return {};
}

}  // namespace lien::calls
