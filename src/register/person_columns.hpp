#pragma once
// Internal to the persons' store: the columns of `persons` and their mapping to registry::Person, shared by
// person_store.cpp and search_store.cpp.

#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "register/model.hpp"

namespace lien::registry::detail {

/// The columns a change writes, in the order of PersonValues.
inline constexpr std::string_view kPersonWritableColumns =
    "civility, last_name, birth_name, first_names, birth_date, address_number, street, address_complement, "
    "building, floor, door_code, postcode, town, access_notes, latitude, longitude, email, languages, hearing, "
    "status, status_until";

/// The columns ReadPerson expects, on alias `p`.
inline constexpr std::string_view kPersonReadColumns =
    "p.id, p.civility, p.last_name, p.birth_name, p.first_names, p.birth_date, p.address_number, p.street, "
    "p.address_complement, p.building, p.floor, p.door_code, p.postcode, p.town, p.access_notes, p.latitude, "
    "p.longitude, p.email, p.languages, p.hearing, p.status, p.status_until, p.created_at, p.updated_at, "
    "p.version";

/// kPersonWritableColumns one by one.
const std::vector<std::string>& WritableColumnNames();

/// The values of kPersonWritableColumns for `person`.
std::vector<db::Value> PersonValues(const Person& person);

/// A person from a row of kPersonReadColumns (phones not included).
Person ReadPerson(const db::Row& row);

/// Ids per `IN (…)` query when loading by id: a day's worklists can name tens of thousands of persons, more than
/// PostgreSQL binds in one statement (65,535 parameters; SQLite's bound is a build option, 32,766 by default).
inline constexpr std::size_t kIdsPerQuery = 500;

/// Loads the phones of `persons`, kIdsPerQuery persons a query.
void AttachPhones(db::Connection& connection, std::vector<Person>& persons);

/// "?, ?, ?" with `count` placeholders.
std::string Placeholders(std::size_t count);

}  // namespace lien::registry::detail
