#pragma once
// The person's rights in storage (GDPR articles 15 and 17): everything held about a person, column by column
// and table by table, and erasure of all of it. The access request reads the tables directly rather than
// through the views of the other purposes: it must hold every stored column (rights_store_test compares the
// columns read with the schema), not what a role's view shows.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/entry.hpp"
#include "db/database.hpp"

namespace lien::registry {

/// One stored row as (column, value) pairs, in the table's order.
using HeldRow = std::vector<std::pair<std::string, db::Value>>;

/// The rows of one table about the person.
struct HeldTable {
  std::string table;
  std::vector<HeldRow> rows;
};

/// Everything held about one person.
struct HeldData {
  HeldRow person;  ///< persons, without the search keys derived from the names (name_key, street_key, town_key)
  std::vector<HeldRow> phones;
  std::optional<HeldRow> register_entry;
  std::optional<HeldRow> household;
  std::vector<HeldRow> household_members;
  std::vector<HeldRow> history;         ///< person_history, oldest first (changes: JSON text)
  std::vector<HeldRow> merged_records;  ///< the ids of the records merged into this one
  std::vector<HeldRow> import_origin;   ///< the imported files a row of which made or updated the person
  std::vector<HeldTable> follow_up;     ///< the call platform's tables (FollowUpTables order), rows oldest first
  std::vector<audit::Entry> accesses;   ///< the audit trail's entries about the person, oldest first
};

/// Everything about person `person_id`, or nullopt when there is none. Reads only.
std::optional<HeldData> LoadHeldData(db::Connection& connection, std::int64_t person_id);

/// The columns LoadHeldData reads, by table, and the ones it leaves out on purpose (derived search keys and
/// foreign keys repeating the person's id), so a test can check that nothing stored is forgotten.
struct HeldColumns {
  std::string table;
  std::vector<std::string> read;
  std::vector<std::string> left_out;
};
const std::vector<HeldColumns>& HeldColumnsByTable();

/// The follow-up purpose's tables about a person (the call platform: docs/calls.md), in the order an erasure
/// deletes them (rows pointing at others first). Each has a person_id column.
const std::vector<std::string>& FollowUpTables();

/// What an erasure removed, by table: counts only, for the audit trail.
struct ErasureCounts {
  std::int64_t persons = 0;
  std::int64_t phones = 0;
  std::int64_t name_tokens = 0;
  std::int64_t history = 0;
  std::int64_t register_entries = 0;
  std::int64_t households = 0;
  std::int64_t household_members = 0;
  std::int64_t import_rows = 0;
  std::int64_t redirects = 0;
  std::map<std::string, std::int64_t> follow_up;  ///< by table, FollowUpTables()

  ErasureCounts& operator+=(const ErasureCounts& other);
};

/// Deletes person `person_id` and everything held about them, for good (the audit trail keeps ids and
/// counts only). Must run inside a write transaction. nullopt when there is no such person.
std::optional<ErasureCounts> ErasePerson(db::Connection& connection, std::int64_t person_id);

/// The counts as audit details: {"persons": "1", "phones": "2", …}.
std::map<std::string, std::string> CountsDetails(const ErasureCounts& counts);

}  // namespace lien::registry
