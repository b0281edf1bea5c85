#include "register/merge_store.hpp"

#include <algorithm>

namespace lien::registry {
namespace {

constexpr std::size_t kMaxPhones = 10;

void FillBlank(std::string& kept, const std::string& other) {
  if (kept.empty()) kept = other;
}

bool HasRow(db::Connection& connection, const char* table, std::int64_t person_id) {
  return connection.QueryOne(std::string("SELECT 1 FROM ") + table + " WHERE person_id = ?", {person_id}).has_value();
}

}  // namespace

Person MergedRecord(const Person& kept, const Person& other) {
  Person merged = kept;
  FillBlank(merged.birth_name, other.birth_name);
  FillBlank(merged.first_names, other.first_names);
  if (merged.civility == Civility::kUnknown) merged.civility = other.civility;
  if (!merged.birth_date) merged.birth_date = other.birth_date;
  // The address moves as a whole: mixing two addresses' parts would make a third one.
  if (merged.address.street.empty() && merged.address.town.empty()) merged.address = other.address;
  FillBlank(merged.email, other.email);
  if (merged.hearing == HearingDifficulty::kUnknown) merged.hearing = other.hearing;
  for (const auto& language : other.languages) {
    if (std::find(merged.languages.begin(), merged.languages.end(), language) == merged.languages.end() &&
        merged.languages.size() < 10) {
      merged.languages.push_back(language);
    }
  }
  for (const auto& phone : other.phones) {
    const bool known = std::any_of(merged.phones.begin(), merged.phones.end(),
                                   [&phone](const Phone& mine) { return mine.e164 == phone.e164; });
    if (!known && merged.phones.size() < kMaxPhones) merged.phones.push_back(phone);
  }
  return merged;
}

core::Result<Person> MergePersons(db::Connection& connection, std::int64_t kept_id, std::int64_t other_id,
                                  std::int64_t expected_version, const ChangeAuthor& author, core::EpochMillis now) {
  if (kept_id == other_id) return core::Fail(core::ErrorCode::kInvalidInput, "persons.merge_same", "other_id");
  auto persons = LoadPersons(connection, {kept_id, other_id});
  if (persons.size() != 2) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  const Person& kept = persons[0];
  const Person& other = persons[1];
  if (kept.version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  if (HasRow(connection, "households", kept_id) && HasRow(connection, "households", other_id)) {
    return core::Fail(core::ErrorCode::kConflict, "persons.merge_both_households");
  }
  if (HasRow(connection, "register_entries", kept_id) && HasRow(connection, "register_entries", other_id)) {
    return core::Fail(core::ErrorCode::kConflict, "persons.merge_register_conflict");
  }
  connection.Execute("UPDATE households SET person_id = ? WHERE person_id = ?", {kept_id, other_id});
  connection.Execute("UPDATE register_entries SET person_id = ? WHERE person_id = ?", {kept_id, other_id});
  connection.Execute("UPDATE import_rows SET person_id = ? WHERE person_id = ?", {kept_id, other_id});
  connection.Execute("UPDATE person_history SET person_id = ?, version = 0 WHERE person_id = ?", {kept_id, other_id});
  connection.Execute("UPDATE person_redirects SET new_id = ? WHERE new_id = ?", {kept_id, other_id});
  connection.Execute("INSERT INTO person_redirects (old_id, new_id, merged_at) VALUES (?, ?, ?)",
                     {other_id, kept_id, now});
  connection.Execute("DELETE FROM persons WHERE id = ?", {other_id});
  Person merged = MergedRecord(kept, other);
  auto updated = UpdatePerson(connection, merged, expected_version, author, now, "merge",
                              {FieldChange{"merged_record", "", std::to_string(other_id)}});
  if (!updated) {
    // The kept record changed under us after the moves above (checked at the start): retry the transaction.
    throw db::DatabaseError(db::FailureKind::kBusy, "person " + std::to_string(kept_id) + " changed during a merge");
  }
  return updated;
}

}  // namespace lien::registry
