#include "register/register_entry_store.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "register/register_entry_rules.hpp"

namespace lien::registry::store {
namespace {

constexpr const char* kEntryColumns =
    "r.id, r.person_id, r.state, r.ground, r.home_care_service, r.emergency_contact_name, "
    "r.emergency_contact_phone, r.emergency_contact_relation, r.requested_by, r.requester_name, "
    "r.requester_relation, r.request_evidence, r.requested_on, r.source, r.import_source, r.acknowledgement_due, "
    "r.acknowledged_at, r.opposed_at, r.removed_at, r.removal_reason, r.created_at, r.created_by, r.updated_at, "
    "r.updated_by, r.version";
constexpr std::size_t kEntryColumnCount = 25;

constexpr const char* kPersonColumns =
    "p.id, p.civility, p.last_name, p.birth_name, p.first_names, p.birth_date, p.address_number, p.street, "
    "p.address_complement, p.building, p.floor, p.postcode, p.town, p.status";
constexpr std::size_t kPersonColumnCount = 14;

db::Value OptionalInt(const std::optional<std::int64_t>& value) { return value ? db::Value(*value) : db::Value(); }
db::Value OptionalDate(const std::optional<Date>& date) { return date ? db::Value(IsoDate(*date)) : db::Value(); }

RegisterEntry ReadEntry(const db::Row& row, std::size_t at = 0) {
  RegisterEntry entry;
  entry.id = row.Int(at + 0);
  entry.person_id = row.Int(at + 1);
  entry.state = row.Text(at + 2);
  entry.ground = row.Text(at + 3);
  entry.home_care_service = row.Text(at + 4);
  entry.emergency_contact_name = row.Text(at + 5);
  entry.emergency_contact_phone = row.Text(at + 6);
  entry.emergency_contact_relation = row.Text(at + 7);
  entry.requested_by = row.Text(at + 8);
  entry.requester_name = row.Text(at + 9);
  entry.requester_relation = row.Text(at + 10);
  entry.request_evidence = row.Text(at + 11);
  entry.requested_on = ParseIsoDate(row.Text(at + 12)).value_or(Date{});
  entry.source = row.Text(at + 13);
  entry.import_source = row.Text(at + 14);
  if (auto due = row.OptText(at + 15)) entry.acknowledgement_due = ParseIsoDate(*due);
  entry.acknowledged_at = row.OptInt(at + 16);
  entry.opposed_at = row.OptInt(at + 17);
  entry.removed_at = row.OptInt(at + 18);
  entry.removal_reason = row.Text(at + 19);
  entry.created_at = row.Int(at + 20);
  entry.created_by = row.OptInt(at + 21);
  entry.updated_at = row.Int(at + 22);
  entry.updated_by = row.OptInt(at + 23);
  entry.version = row.Int(at + 24);
  return entry;
}

PersonCard ReadPerson(const db::Row& row, std::size_t at = 0) {
  PersonCard person;
  person.id = row.Int(at + 0);
  person.civility = row.Text(at + 1);
  person.last_name = row.Text(at + 2);
  person.birth_name = row.Text(at + 3);
  person.first_names = row.Text(at + 4);
  person.birth_date = row.OptText(at + 5);
  person.address_number = row.Text(at + 6);
  person.street = row.Text(at + 7);
  person.address_complement = row.Text(at + 8);
  person.building = row.Text(at + 9);
  person.floor = row.Text(at + 10);
  person.postcode = row.Text(at + 11);
  person.town = row.Text(at + 12);
  person.status = row.Text(at + 13);
  return person;
}

// The phones of every registered person in one query (no query per row in the prefect's list).
void AttachRegisteredPhones(db::Connection& connection, std::vector<DueAcknowledgement>& rows) {
  if (rows.empty()) return;
  std::map<std::int64_t, std::vector<std::string>> phones;
  auto result = connection.Execute(
      "SELECT ph.person_id, ph.e164 FROM person_phones ph JOIN register_entries r ON r.person_id = ph.person_id "
      "WHERE r.state = 'registered' ORDER BY ph.person_id, ph.position");
  for (const auto& row : result.rows) phones[row.Int(0)].push_back(row.Text(1));
  for (auto& row : rows) {
    if (auto it = phones.find(row.person.id); it != phones.end()) row.person.phones = std::move(it->second);
  }
}

std::vector<DueAcknowledgement> ReadJoined(const db::QueryResult& result) {
  std::vector<DueAcknowledgement> rows;
  rows.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    rows.push_back(DueAcknowledgement{ReadPerson(row, 0), ReadEntry(row, kPersonColumnCount)});
  }
  return rows;
}

// The values of the columns from `state` to `removal_reason`, in the order both INSERT and UPDATE name them,
// between the statement's own leading and trailing values.
std::vector<db::Value> WithContent(std::vector<db::Value> leading, const RegisterEntry& entry,
                                   std::initializer_list<db::Value> trailing) {
  leading.insert(leading.end(), {entry.state, entry.ground, entry.home_care_service, entry.emergency_contact_name,
                                 entry.emergency_contact_phone, entry.emergency_contact_relation, entry.requested_by,
                                 entry.requester_name, entry.requester_relation, entry.request_evidence,
                                 IsoDate(entry.requested_on), entry.source, entry.import_source,
                                 OptionalDate(entry.acknowledgement_due), OptionalInt(entry.acknowledged_at),
                                 OptionalInt(entry.opposed_at), OptionalInt(entry.removed_at), entry.removal_reason});
  leading.insert(leading.end(), trailing);
  return leading;
}

}  // namespace

std::optional<RegisterEntry> FindRegisterEntry(db::Connection& connection, std::int64_t person_id) {
  auto row = connection.QueryOne(
      std::string("SELECT ") + kEntryColumns + " FROM register_entries r WHERE r.person_id = ?", {person_id});
  if (!row) return std::nullopt;
  static_assert(kEntryColumnCount == 25);
  return ReadEntry(*row);
}

std::int64_t InsertRegisterEntry(db::Connection& connection, const RegisterEntry& entry) {
  auto row = connection.QueryOne(
      "INSERT INTO register_entries (person_id, state, ground, home_care_service, emergency_contact_name, "
      "emergency_contact_phone, emergency_contact_relation, requested_by, requester_name, requester_relation, "
      "request_evidence, requested_on, source, import_source, acknowledgement_due, acknowledged_at, opposed_at, "
      "removed_at, removal_reason, created_at, created_by, updated_at, updated_by, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      WithContent({entry.person_id}, entry,
                  {entry.created_at, OptionalInt(entry.created_by), entry.updated_at, OptionalInt(entry.updated_by)}));
  return row->Int(0);
}

bool UpdateRegisterEntry(db::Connection& connection, RegisterEntry& entry, std::int64_t expected_version) {
  auto result = connection.Execute(
      "UPDATE register_entries SET state = ?, ground = ?, home_care_service = ?, emergency_contact_name = ?, "
      "emergency_contact_phone = ?, emergency_contact_relation = ?, requested_by = ?, requester_name = ?, "
      "requester_relation = ?, request_evidence = ?, requested_on = ?, source = ?, import_source = ?, "
      "acknowledgement_due = ?, acknowledged_at = ?, opposed_at = ?, removed_at = ?, removal_reason = ?, "
      "updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?",
      WithContent({}, entry, {entry.updated_at, OptionalInt(entry.updated_by), entry.id, expected_version}));
  if (result.affected_rows != 1) return false;
  entry.version = expected_version + 1;
  return true;
}

std::optional<PersonCard> FindPersonCard(db::Connection& connection, std::int64_t person_id) {
  auto row =
      connection.QueryOne(std::string("SELECT ") + kPersonColumns + " FROM persons p WHERE p.id = ?", {person_id});
  if (!row) return std::nullopt;
  static_assert(kPersonColumnCount == 14);
  auto person = ReadPerson(*row);
  auto phones = connection.Execute("SELECT e164 FROM person_phones WHERE person_id = ? ORDER BY position", {person_id});
  for (const auto& phone : phones.rows) person.phones.push_back(phone.Text(0));
  return person;
}

std::vector<DueAcknowledgement> DueAcknowledgements(db::Connection& connection, int limit, int offset) {
  return ReadJoined(connection.Execute(std::string("SELECT ") + kPersonColumns + ", " + kEntryColumns +
                                           " FROM register_entries r JOIN persons p ON p.id = r.person_id "
                                           "WHERE r.state = 'registered' AND r.acknowledged_at IS NULL "
                                           "ORDER BY r.acknowledgement_due, r.person_id LIMIT ? OFFSET ?",
                                       {static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)}));
}

std::vector<DueAcknowledgement> RegisteredForPrefect(db::Connection& connection) {
  auto rows = ReadJoined(connection.Execute(std::string("SELECT ") + kPersonColumns + ", " + kEntryColumns +
                                            " FROM register_entries r JOIN persons p ON p.id = r.person_id "
                                            "WHERE r.state = 'registered'"));
  SortForPrefect(rows);
  AttachRegisteredPhones(connection, rows);
  return rows;
}

void SortForPrefect(std::vector<DueAcknowledgement>& rows) {
  // Sorted here rather than in SQL: house numbers sort as numbers ("2" before "10"), then bis, ter.
  using Key = std::tuple<std::string, std::string, HouseNumberOrder, std::string, std::string, std::int64_t>;
  std::vector<std::pair<Key, std::size_t>> keys;
  keys.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& person = rows[i].person;
    keys.emplace_back(Key{core::FoldForSearch(person.town), core::FoldForSearch(person.street),
                          HouseNumberOrderOf(person.address_number), core::FoldForSearch(person.last_name),
                          core::FoldForSearch(person.first_names), person.id},
                      i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<DueAcknowledgement> sorted;
  sorted.reserve(rows.size());
  for (const auto& key : keys) sorted.push_back(std::move(rows[key.second]));
  rows = std::move(sorted);
}

}  // namespace lien::registry::store
