#include "register/household_store.hpp"

namespace lien::registry {
namespace {

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
  return out;
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) codes.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return codes;
}

void WriteMembers(db::Connection& connection, const Household& household) {
  connection.Execute("DELETE FROM household_members WHERE household_id = ?", {household.id});
  for (std::size_t i = 0; i < household.members.size(); ++i) {
    const auto& member = household.members[i];
    db::Value year = std::monostate{};
    if (member.birth_year) year = static_cast<std::int64_t>(*member.birth_year);
    connection.Execute(
        "INSERT INTO household_members (household_id, position, relationship, first_name, birth_year) "
        "VALUES (?, ?, ?, ?, ?)",
        {household.id, static_cast<std::int64_t>(i), member.relationship, member.first_name, year});
  }
}

std::optional<std::int64_t> PersonVersion(db::Connection& connection, std::int64_t person_id) {
  auto row = connection.QueryOne("SELECT version FROM persons WHERE id = ?", {person_id});
  if (!row) return std::nullopt;
  return row->Int(0);
}

}  // namespace

std::optional<Household> LoadHousehold(db::Connection& connection, std::int64_t person_id) {
  auto row = connection.QueryOne(
      "SELECT id, person_id, dietary, dietary_notes, delivery_notes, last_delivery_at, created_at, updated_at, "
      "version FROM households WHERE person_id = ?",
      {person_id});
  if (!row) return std::nullopt;
  Household household;
  household.id = row->Int(0);
  household.person_id = row->Int(1);
  household.dietary = SplitCodes(row->Text(2));
  household.dietary_notes = row->Text(3);
  household.delivery_notes = row->Text(4);
  household.last_delivery_at = row->OptInt(5);
  household.created_at = row->Int(6);
  household.updated_at = row->Int(7);
  household.version = row->Int(8);
  auto members = connection.Execute(
      "SELECT relationship, first_name, birth_year FROM household_members WHERE household_id = ? ORDER BY position",
      {household.id});
  for (const auto& member : members.rows) {
    std::optional<int> year;
    if (auto value = member.OptInt(2)) year = static_cast<int>(*value);
    household.members.push_back(HouseholdMember{member.Text(0), member.Text(1), year});
  }
  return household;
}

core::Result<Household> SaveHousehold(db::Connection& connection, Household household,
                                      std::optional<std::int64_t> expected_version, const ChangeAuthor& author,
                                      core::EpochMillis now) {
  const auto person_version = PersonVersion(connection, household.person_id);
  if (!person_version) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  const auto before = LoadHousehold(connection, household.person_id);
  if (before.has_value() != expected_version.has_value() || (before && before->version != *expected_version)) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  const auto changes = DiffHouseholds(before.value_or(Household{}), household);
  if (before && changes.empty()) return *before;
  household.updated_at = now;
  if (before) {
    household.id = before->id;
    household.created_at = before->created_at;
    household.last_delivery_at = before->last_delivery_at;
    household.version = before->version + 1;
    const auto result = connection.Execute(
        "UPDATE households SET dietary = ?, dietary_notes = ?, delivery_notes = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ?",
        {JoinCodes(household.dietary), household.dietary_notes, household.delivery_notes, now, household.id,
         before->version});
    if (result.affected_rows == 0) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  } else {
    household.created_at = now;
    household.version = 1;
    household.id = connection
                       .QueryOne(
                           "INSERT INTO households (person_id, dietary, dietary_notes, delivery_notes, created_at, "
                           "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id",
                           {household.person_id, JoinCodes(household.dietary), household.dietary_notes,
                            household.delivery_notes, now, now})
                       ->Int(0);
  }
  WriteMembers(connection, household);
  AppendHistory(connection, household.person_id, *person_version, author, now,
                before ? "household.update" : "household.create", "delivery", changes);
  return household;
}

void RecordLastDelivery(db::Connection& connection, std::int64_t person_id, core::EpochMillis at) {
  connection.Execute("UPDATE households SET last_delivery_at = ? WHERE person_id = ?", {at, person_id});
}

core::Status DeleteHousehold(db::Connection& connection, std::int64_t person_id, std::int64_t expected_version,
                             const ChangeAuthor& author, core::EpochMillis now) {
  const auto before = LoadHousehold(connection, person_id);
  if (!before) return core::Fail(core::ErrorCode::kNotFound, "persons.no_household");
  if (before->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  connection.Execute("DELETE FROM households WHERE id = ?", {before->id});
  const auto person_version = PersonVersion(connection, person_id).value_or(0);
  AppendHistory(connection, person_id, person_version, author, now, "household.delete", "delivery",
                DiffHouseholds(*before, Household{}));
  return {};
}

}  // namespace lien::registry
