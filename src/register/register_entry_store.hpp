#pragma once
// SQL of the register entries, and the few person fields the register's own documents need (the acknowledgement
// letter, the due list, the prefect's list). Every function runs on the caller's connection and transaction, so
// the import and the demo create entries with the same code as the routes.

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "register/register_entry_model.hpp"

namespace lien::registry::store {

std::optional<RegisterEntry> FindRegisterEntry(db::Connection& connection, std::int64_t person_id);

/// Inserts and returns the new id. Throws db::DatabaseError(kUniqueViolation) when the person has an entry.
std::int64_t InsertRegisterEntry(db::Connection& connection, const RegisterEntry& entry);

/// Writes every field of `entry` when `expected_version` is current, bumping the version (and `entry.version`).
/// Returns false when the version is stale.
bool UpdateRegisterEntry(db::Connection& connection, RegisterEntry& entry, std::int64_t expected_version);

/// What the register's documents show of a person: identity, address and phones (never the other purposes').
struct PersonCard {
  std::int64_t id = 0;
  std::string civility;
  std::string last_name;
  std::string birth_name;
  std::string first_names;
  std::optional<std::string> birth_date;  ///< YYYY-MM-DD
  std::string address_number;
  std::string street;
  std::string address_complement;
  std::string building;
  std::string floor;
  std::string postcode;
  std::string town;
  std::string status;
  std::vector<std::string> phones;  ///< E.164, in the person's order.
};

std::optional<PersonCard> FindPersonCard(db::Connection& connection, std::int64_t person_id);

struct DueAcknowledgement {
  PersonCard person;
  RegisterEntry entry;
};

/// Registered entries not yet acknowledged, oldest due first (then by person id); phones not filled.
std::vector<DueAcknowledgement> DueAcknowledgements(db::Connection& connection, int limit, int offset);

/// Every registered entry with its person, in the order of SortForPrefect: the prefect's list. Only
/// state = 'registered': an opposition or removal takes the person out at once.
std::vector<DueAcknowledgement> RegisteredForPrefect(db::Connection& connection);

/// The prefect's order: town, street (accents and case folded), house number as numbers then suffix ("2", "10",
/// "10 bis", "10 ter": HouseNumberOrderOf), last name, first names, id.
void SortForPrefect(std::vector<DueAcknowledgement>& rows);

}  // namespace lien::registry::store
