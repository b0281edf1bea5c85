#pragma once
// The persons' store: SQL on a db::Connection the caller holds, so other modules (import, rights, register)
// can call it inside their own write transaction together with their audit event. Every change keeps the
// derived search keys (name_key, street_key, town_key, person_name_tokens, person_phones) and writes a row of
// person_history in the same transaction. The caller validates first (registry::ValidatePerson).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/model.hpp"
#include "register/person_rules.hpp"
#include "register/search.hpp"

namespace lien::registry {

/// Who makes a change, for person_history (the audit trail records the rest).
struct ChangeAuthor {
  std::optional<std::int64_t> user_id;  ///< empty for the system (a job, the CLI without an account)
  std::string login;
};

/// One row of a person's change history.
struct HistoryEntry {
  std::int64_t version = 0;  ///< the version the change produced
  core::EpochMillis at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_login;
  std::string action;   ///< "create", "update", "merge", "import", "household.update"…
  std::string purpose;  ///< "person" (identity, contact, situation), "delivery", "register"
  std::vector<FieldChange> changes;
};

/// Inserts `person` (its id, version and timestamps are set here: id, version 1, created_at = updated_at =
/// `now`) with its phones and search keys, and writes the history row `action` ("create"; an import passes
/// "import") listing every field given. Returns the new id. Throws db::DatabaseError on storage failure.
std::int64_t InsertPerson(db::Connection& connection, Person& person, const ChangeAuthor& author, core::EpochMillis now,
                          std::string_view action = "create");

/// InsertPerson for many persons at once (an import): the same rows, sent in a few batches of statements
/// instead of several round trips per person. Sets each person's id, version and timestamps.
void InsertPersons(db::Connection& connection, std::span<Person> persons, const ChangeAuthor& author,
                   core::EpochMillis now, std::string_view action);

/// A person as loaded, and the id that was asked when it was merged into this one.
struct LoadedPerson {
  Person person;
  std::optional<std::int64_t> merged_from;
};

/// The person with this id, phones included; the id of a record merged into another gives the kept one
/// (person_redirects) with `merged_from` set. nullopt when there is no such person.
std::optional<LoadedPerson> LoadPerson(db::Connection& connection, std::int64_t id);

/// Several persons by id (exact ids, no redirects), phones included, in the order of `ids`; missing ids are
/// skipped.
std::vector<Person> LoadPersons(db::Connection& connection, const std::vector<std::int64_t>& ids);

/// Replaces the stored identity, contact and situation of `updated.id` with `updated`'s when the stored
/// version is `expected_version`: bumps the version, sets updated_at/updated_by, refreshes phones and search
/// keys and writes a history row `action` with the fields changed followed by `notes` (a merge names the
/// merged record there). A change that changes nothing and has no notes writes nothing and returns the
/// stored person as it is. Errors: kNotFound (`persons.not_found`), kPreconditionFailed
/// (`http.precondition_failed`) when the version differs. Returns the stored person.
core::Result<Person> UpdatePerson(db::Connection& connection, const Person& updated, std::int64_t expected_version,
                                  const ChangeAuthor& author, core::EpochMillis now, std::string_view action = "update",
                                  const std::vector<FieldChange>& notes = {});

/// Records that the person was reached (a call, a visit): persons.last_contact_at becomes `at` unless it is
/// already later. The follow-up retention counts from it (docs/calls.md, "Purpose"). Not an edit of the
/// person: the version stays, so an editor's If-Match is not made stale by a call. False when there is no such
/// person.
bool RecordContact(db::Connection& connection, std::int64_t person_id, core::EpochMillis at);

/// Appends a history row to a person for a change made elsewhere (household, register entry, merge):
/// `purpose` decides who may read it ("delivery", "register", "person"). Does not change the version.
void AppendHistory(db::Connection& connection, std::int64_t person_id, std::int64_t version, const ChangeAuthor& author,
                   core::EpochMillis now, std::string_view action, std::string_view purpose,
                   const std::vector<FieldChange>& changes);

/// The history of a person, oldest first; with `after_version`, only the rows of the person's versions above it
/// (the changes a stale editor missed; the register entry's rows count the entry's versions and are left out).
std::vector<HistoryEntry> LoadHistory(db::Connection& connection, std::int64_t person_id,
                                      std::int64_t after_version = 0);

/// The rows of the person's register entry (purpose "register", numbered by the entry's versions), oldest first,
/// above `after_version`: what an agent holding that version of the entry missed.
std::vector<HistoryEntry> LoadRegisterHistory(db::Connection& connection, std::int64_t person_id,
                                              std::int64_t after_version);

/// Deletes the register entry's rows of a person's history: they hold the legal fields, which opposition,
/// removal and retention erase.
void ForgetRegisterHistory(db::Connection& connection, std::int64_t person_id);

/// One page of persons matching `query` (see PersonQuery), sorted by name_key then id.
PersonPage SearchPersons(db::Connection& connection, const PersonQuery& query);

/// Persons chosen by criteria, ids only (the call platform's campaign targets, docs/calls.md). Every criterion
/// given must hold; inside the area, one of the postcodes, one of the towns (folded, whole name) or one of the
/// streets (folded, the start of the name, with or without its type) is enough. Ascending ids.
struct PersonSelection {
  std::vector<PersonStatus> statuses;  ///< any of them; empty: any status
  std::optional<int> age_min;          ///< years on `today`
  std::optional<int> age_max;
  Date today{};
  std::vector<std::string> postcodes;
  std::vector<std::string> towns;
  std::vector<std::string> streets;
  bool registered_only = false;      ///< a register entry in state `registered`
  std::vector<std::string> grounds;  ///< with registered_only: any of these grounds
};
std::vector<std::int64_t> SelectPersonIds(db::Connection& connection, const PersonSelection& selection);

/// The stored persons that could be `person` (same birth date, a phone in common, same street and number,
/// a name token in common with its last name, the same sounding last name born the same year),
/// at most `max_candidates`, `person.id` excluded. Score them with registry::FindDuplicatesOf.
std::vector<Person> DuplicateCandidatesOf(db::Connection& connection, const Person& person,
                                          std::size_t max_candidates = 500);

}  // namespace lien::registry
