#include "calls/follow_up_profile_store.hpp"

#include "calls/campaign_values.hpp"

namespace lien::calls {

std::optional<FollowUpProfile> LoadFollowUpProfile(db::Connection& connection, PersonId person_id) {
  auto row = connection.QueryOne(
      "SELECT person_id, lives_alone, no_family, preferred_weekdays, preferred_window_start, preferred_window_end, "
      "health_notes, updated_at, updated_by, version FROM follow_up_profiles WHERE person_id = ?",
      {person_id});
  if (!row) return std::nullopt;
  FollowUpProfile profile;
  profile.person_id = row->Int(0);
  profile.lives_alone = row->Bool(1);
  profile.no_family = row->Bool(2);
  profile.preferred_weekdays = ParseIsoWeekdays(row->Text(3)).value_or(WeekdaySet{});
  profile.preferred_window = ParseLocalWindow(row->Text(4), row->Text(5));
  profile.health_notes = row->Text(6);
  profile.updated_at = row->Int(7);
  profile.updated_by = row->OptInt(8);
  profile.version = row->Int(9);
  return profile;
}

core::Result<FollowUpProfile> SaveFollowUpProfile(db::Connection& connection, const FollowUpProfile& profile,
                                                  std::optional<std::int64_t> expected_version, bool keep_health_notes,
                                                  std::optional<std::int64_t> actor, core::EpochMillis now) {
  const auto stored = LoadFollowUpProfile(connection, profile.person_id);
  const bool creating = !expected_version || *expected_version == 0;
  if (creating && stored) return core::Fail(core::ErrorCode::kConflict, "follow_up.exists");
  if (!creating && (!stored || stored->version != *expected_version)) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  const std::string notes = keep_health_notes ? (stored ? stored->health_notes : std::string()) : profile.health_notes;
  std::vector<db::Value> values{std::int64_t{profile.lives_alone ? 1 : 0},
                                std::int64_t{profile.no_family ? 1 : 0},
                                FormatIsoWeekdays(profile.preferred_weekdays),
                                profile.preferred_window ? FormatTimeOfDay(profile.preferred_window->start_minute) : "",
                                profile.preferred_window ? FormatTimeOfDay(profile.preferred_window->end_minute) : "",
                                notes,
                                now,
                                actor ? db::Value(*actor) : db::Value(std::monostate{}),
                                profile.person_id};
  if (creating) {
    connection.Execute(
        "INSERT INTO follow_up_profiles (lives_alone, no_family, preferred_weekdays, preferred_window_start, "
        "preferred_window_end, health_notes, updated_at, updated_by, person_id, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        values);
  } else {
    values.emplace_back(*expected_version);
    const auto changed = connection.Execute(
        "UPDATE follow_up_profiles SET lives_alone = ?, no_family = ?, preferred_weekdays = ?, "
        "preferred_window_start = ?, preferred_window_end = ?, health_notes = ?, updated_at = ?, updated_by = ?, "
        "version = version + 1 WHERE person_id = ? AND version = ?",
        values);
    if (changed.affected_rows != 1) return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  return *LoadFollowUpProfile(connection, profile.person_id);
}

std::vector<EmergencyContact> LoadEmergencyContacts(db::Connection& connection, PersonId person_id) {
  std::vector<EmergencyContact> contacts;
  for (const auto& row : connection
                             .Execute("SELECT name, relation, phone, notes FROM emergency_contacts WHERE person_id = ? "
                                      "ORDER BY position",
                                      {person_id})
                             .rows) {
    contacts.push_back({row.Text(0), row.Text(1), row.Text(2), row.Text(3)});
  }
  return contacts;
}

void ReplaceEmergencyContacts(db::Connection& connection, PersonId person_id,
                              const std::vector<EmergencyContact>& contacts) {
  connection.Execute("DELETE FROM emergency_contacts WHERE person_id = ?", {person_id});
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const auto& contact = contacts[i];
    connection.Execute(
        "INSERT INTO emergency_contacts (person_id, position, name, relation, phone, notes) VALUES (?, ?, ?, ?, ?, ?)",
        {person_id, static_cast<std::int64_t>(i + 1), contact.name, contact.relation, contact.phone, contact.notes});
  }
}

}  // namespace lien::calls
