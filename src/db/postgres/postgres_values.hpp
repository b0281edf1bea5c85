#pragma once
// Values between db::Value and libpq's text protocol, for the PostgreSQL backend (postgres_database.cpp):
// parameters as PQexecPrepared and PQsendQueryPrepared take them, and results back into rows.

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "db/database.hpp"

namespace lien::db::postgres {

/// The parameter types sent with PQprepare: integers and reals are declared so `? + 1`, `? IS NULL` and
/// `SELECT ?` keep their type; text and NULL are left for the server to infer from the context (so a text
/// parameter compared with a DATE or an INTEGER column still works).
Oid TypeOf(const Value& value);

/// Parameters as libpq takes them: text for numbers and strings, binary for blobs, a null pointer for NULL.
/// Points into `params`, which must outlive it.
struct BoundParams {
  explicit BoundParams(const std::vector<Value>& params);
  std::vector<std::string> texts;
  std::vector<const char*> pointers;
  std::vector<int> lengths;
  std::vector<int> formats;
};

/// The rows and affected-row count of a successful result.
QueryResult ToQueryResult(const PGresult* result);

}  // namespace lien::db::postgres
