#pragma once
// SQL of the audit trail. Append-only: there is no update or delete here, and database triggers refuse them.

#include <functional>
#include <string>
#include <vector>

#include "audit/entry.hpp"
#include "db/database.hpp"

namespace lien::audit::store {

/// Takes the chain's head row lock for the rest of the transaction and returns the last entry's hash.
/// Serialises appends (two transactions cannot both link to the same previous entry).
std::string LockHead(db::Connection& connection);

std::int64_t Insert(db::Connection& connection, const Entry& entry);

/// Records the new head after an insert (so removing the newest rows is detected too).
void SetHead(db::Connection& connection, std::int64_t last_id, const std::string& hash);

struct Head {
  std::int64_t last_id = 0;
  std::string hash;
};
Head ReadHead(db::Connection& connection);

/// Entries matching the filter, newest first.
std::vector<Entry> Find(db::Connection& connection, const Filter& filter);

/// Calls `visit` on every entry in id order, reading in batches (the trail can be millions of rows).
void ForEach(db::Connection& connection, const std::function<void(const Entry&)>& visit);

}  // namespace lien::audit::store
