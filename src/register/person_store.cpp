#include "register/person_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>
#include <unordered_map>

#include "core/text.hpp"
#include "register/person_columns.hpp"

namespace lien::registry {
namespace {

std::string ChangesToJson(const std::vector<FieldChange>& changes) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& change : changes) object[change.field] = {{"from", change.from}, {"to", change.to}};
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<FieldChange> ChangesFromJson(const std::string& text) {
  std::vector<FieldChange> changes;
  const auto parsed = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return changes;
  for (const auto& [field, value] : parsed.items()) {
    FieldChange change{field, {}, {}};
    if (value.is_object()) {
      if (auto from = value.find("from"); from != value.end() && from->is_string()) change.from = *from;
      if (auto to = value.find("to"); to != value.end() && to->is_string()) change.to = *to;
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

db::Value OptionalId(const std::optional<std::int64_t>& id) {
  if (!id) return std::monostate{};
  return *id;
}

// The history row's values, in the order of kHistoryInsert.
constexpr std::string_view kHistoryInsert =
    "INSERT INTO person_history (person_id, version, at, actor_id, actor_login, action, purpose, changes)";

void AddHistoryValues(std::vector<db::Value>& values, std::int64_t person_id, std::int64_t version,
                      const ChangeAuthor& author, core::EpochMillis now, std::string_view action,
                      std::string_view purpose, const std::vector<FieldChange>& changes) {
  values.insert(values.end(), {person_id, version, now, OptionalId(author.user_id), author.login, std::string(action),
                               std::string(purpose), ChangesToJson(changes)});
}

// Writes the rows derived from the persons (phones, and name tokens with the name's sort key so that a name
// search sorts from the tokens' index alone), a few multi-row INSERTs for all of them:
// an import of 100,000 persons then costs hundreds of statements, not a million.
void InsertDerivedRows(db::Connection& connection, std::span<const Person> persons) {
  std::vector<db::Value> phones;
  std::vector<db::Value> tokens;
  for (const Person& person : persons) {
    for (std::size_t i = 0; i < person.phones.size(); ++i) {
      phones.insert(phones.end(),
                    {person.id, static_cast<std::int64_t>(i), person.phones[i].e164, person.phones[i].label});
    }
    const auto name_key = NameKeyOf(person);
    for (auto& token : NameTokensOf(person)) tokens.insert(tokens.end(), {std::move(token), person.id, name_key});
  }
  db::InsertRows(connection, "INSERT INTO person_phones (person_id, position, e164, label)", 4, phones);
  db::InsertRows(connection, "INSERT INTO person_name_tokens (token, person_id, name_key)", 3, tokens);
}

std::optional<Person> LoadExact(db::Connection& connection, std::int64_t id) {
  auto persons = LoadPersons(connection, {id});
  if (persons.empty()) return std::nullopt;
  return std::move(persons.front());
}

}  // namespace

void AppendHistory(db::Connection& connection, std::int64_t person_id, std::int64_t version, const ChangeAuthor& author,
                   core::EpochMillis now, std::string_view action, std::string_view purpose,
                   const std::vector<FieldChange>& changes) {
  std::vector<db::Value> values;
  AddHistoryValues(values, person_id, version, author, now, action, purpose, changes);
  db::InsertRows(connection, kHistoryInsert, values.size(), values);
}

std::int64_t InsertPerson(db::Connection& connection, Person& person, const ChangeAuthor& author, core::EpochMillis now,
                          std::string_view action) {
  InsertPersons(connection, std::span<Person>(&person, 1), author, now, action);
  return person.id;
}

void InsertPersons(db::Connection& connection, std::span<Person> persons, const ChangeAuthor& author,
                   core::EpochMillis now, std::string_view action) {
  if (persons.empty()) return;
  // One INSERT … RETURNING id per person, all in one batch: a multi-row INSERT would return the ids in an
  // order neither engine promises.
  const std::string insert = "INSERT INTO persons (" + std::string(detail::kPersonWritableColumns) +
                             ", name_key, street_key, town_key, created_at, created_by, updated_at, updated_by, "
                             "version) VALUES (" +
                             detail::Placeholders(detail::WritableColumnNames().size() + 7) + ", 1) RETURNING id";
  std::vector<db::Statement> statements;
  statements.reserve(persons.size());
  for (Person& person : persons) {
    person.version = 1;
    person.created_at = now;
    person.updated_at = now;
    auto params = detail::PersonValues(person);
    params.insert(params.end(), {NameKeyOf(person), core::FoldForSearch(person.address.street),
                                 core::FoldForSearch(person.address.town), now, OptionalId(author.user_id), now,
                                 OptionalId(author.user_id)});
    statements.push_back({insert, std::move(params)});
  }
  const auto results = connection.ExecuteBatch(statements);
  std::vector<db::Value> history;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    persons[i].id = results[i].rows.at(0).Int(0);
    AddHistoryValues(history, persons[i].id, 1, author, now, action, "person", DiffPersons(Person{}, persons[i]));
  }
  InsertDerivedRows(connection, persons);
  db::InsertRows(connection, kHistoryInsert, 8, history);
}

std::optional<LoadedPerson> LoadPerson(db::Connection& connection, std::int64_t id) {
  if (auto person = LoadExact(connection, id)) return LoadedPerson{std::move(*person), std::nullopt};
  auto redirect = connection.QueryOne("SELECT new_id FROM person_redirects WHERE old_id = ?", {id});
  if (!redirect) return std::nullopt;
  auto kept = LoadExact(connection, redirect->Int(0));
  if (!kept) return std::nullopt;
  return LoadedPerson{std::move(*kept), id};
}

std::vector<Person> LoadPersons(db::Connection& connection, const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> wanted(ids);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::vector<Person> found;
  for (std::size_t first = 0; first < wanted.size(); first += detail::kIdsPerQuery) {
    const std::size_t count = std::min(detail::kIdsPerQuery, wanted.size() - first);
    const std::vector<db::Value> slice(wanted.begin() + static_cast<std::ptrdiff_t>(first),
                                       wanted.begin() + static_cast<std::ptrdiff_t>(first + count));
    auto rows = connection.Execute("SELECT " + std::string(detail::kPersonReadColumns) +
                                       " FROM persons p WHERE p.id IN (" + detail::Placeholders(count) + ")",
                                   slice);
    for (const auto& row : rows.rows) found.push_back(detail::ReadPerson(row));
  }
  detail::AttachPhones(connection, found);
  std::unordered_map<std::int64_t, std::size_t> position;
  for (std::size_t i = 0; i < found.size(); ++i) position.emplace(found[i].id, i);
  std::vector<Person> persons;
  persons.reserve(ids.size());
  for (auto id : ids) {
    if (auto it = position.find(id); it != position.end()) persons.push_back(found[it->second]);
  }
  return persons;
}

bool RecordContact(db::Connection& connection, std::int64_t person_id, core::EpochMillis at) {
  if (!connection.QueryOne("SELECT 1 FROM persons WHERE id = ?", {person_id})) return false;
  connection.Execute(
      "UPDATE persons SET last_contact_at = ? WHERE id = ? AND (last_contact_at IS NULL OR last_contact_at < ?)",
      {at, person_id, at});
  return true;
}

core::Result<Person> UpdatePerson(db::Connection& connection, const Person& updated, std::int64_t expected_version,
                                  const ChangeAuthor& author, core::EpochMillis now, std::string_view action,
                                  const std::vector<FieldChange>& notes) {
  auto before = LoadExact(connection, updated.id);
  if (!before) return core::Fail(core::ErrorCode::kNotFound, "persons.not_found");
  if (before->version != expected_version) {
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  auto changes = DiffPersons(*before, updated);
  if (changes.empty() && notes.empty()) return *before;
  changes.insert(changes.end(), notes.begin(), notes.end());
  Person after = updated;
  after.version = expected_version + 1;
  after.created_at = before->created_at;
  after.updated_at = now;
  auto params = detail::PersonValues(after);
  params.insert(params.end(),
                {NameKeyOf(after), core::FoldForSearch(after.address.street), core::FoldForSearch(after.address.town),
                 now, OptionalId(author.user_id), after.id, expected_version});
  std::string assignments;
  for (const auto& column : detail::WritableColumnNames()) assignments += column + " = ?, ";
  const auto result = connection.Execute(
      "UPDATE persons SET " + assignments +
          "name_key = ?, street_key = ?, town_key = ?, updated_at = ?, updated_by = ?, version = version + 1 "
          "WHERE id = ? AND version = ?",
      params);
  if (result.affected_rows == 0) {
    // Changed between our read and our write (PostgreSQL, read committed): the caller lost the race.
    return core::Fail(core::ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  connection.Execute("DELETE FROM person_phones WHERE person_id = ?", {after.id});
  connection.Execute("DELETE FROM person_name_tokens WHERE person_id = ?", {after.id});
  InsertDerivedRows(connection, std::span<const Person>(&after, 1));
  AppendHistory(connection, after.id, after.version, author, now, action, "person", changes);
  return after;
}

namespace {

std::vector<HistoryEntry> ReadHistory(db::Connection& connection, const std::string& condition,
                                      const std::vector<db::Value>& params) {
  auto rows = connection.Execute(
      "SELECT version, at, actor_id, actor_login, action, purpose, changes FROM person_history WHERE " + condition +
          " ORDER BY id",
      params);
  std::vector<HistoryEntry> entries;
  for (const auto& row : rows.rows) {
    entries.push_back(HistoryEntry{row.Int(0), row.Int(1), row.OptInt(2), row.Text(3), row.Text(4), row.Text(5),
                                   ChangesFromJson(row.Text(6))});
  }
  return entries;
}

}  // namespace

std::vector<HistoryEntry> LoadHistory(db::Connection& connection, std::int64_t person_id, std::int64_t after_version) {
  if (after_version == 0) return ReadHistory(connection, "person_id = ?", {person_id});
  return ReadHistory(connection, "person_id = ? AND version > ? AND purpose <> 'register'", {person_id, after_version});
}

std::vector<HistoryEntry> LoadRegisterHistory(db::Connection& connection, std::int64_t person_id,
                                              std::int64_t after_version) {
  return ReadHistory(connection, "person_id = ? AND version > ? AND purpose = 'register'", {person_id, after_version});
}

void ForgetRegisterHistory(db::Connection& connection, std::int64_t person_id) {
  connection.Execute("DELETE FROM person_history WHERE person_id = ? AND purpose = 'register'", {person_id});
}

}  // namespace lien::registry
