#pragma once
// Template bodies of InWriteTransaction / InReadTransaction (included by database.hpp only).

#include <type_traits>

namespace lien::db {
namespace detail {

template <class Work>
auto RunInTransaction(Connection& connection, bool write, Work& work) -> decltype(work(connection)) {
  if (write) {
    connection.BeginWrite();
  } else {
    connection.BeginRead();
  }
  try {
    if constexpr (std::is_void_v<decltype(work(connection))>) {
      work(connection);
      connection.Commit();
    } else {
      auto result = work(connection);
      // A Result-like value carrying an error rolls back: the rules refused, nothing must be kept.
      if constexpr (requires { result.has_value(); }) {
        if (!result.has_value()) {
          connection.Rollback();
          return result;
        }
      }
      connection.Commit();
      return result;
    }
  } catch (...) {
    if (connection.InTransaction()) {
      connection.Rollback();
    }
    throw;
  }
}

}  // namespace detail

template <class Work>
auto InWriteTransaction(Database& database, Work&& work) -> decltype(work(std::declval<Connection&>())) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    auto connection = database.Acquire();
    try {
      return detail::RunInTransaction(*connection, true, work);
    } catch (const DatabaseError& error) {
      if (error.kind() != FailureKind::kBusy || attempt == kAttempts) {
        throw;
      }
    }
  }
}

template <class Work>
auto InReadTransaction(Database& database, Work&& work) -> decltype(work(std::declval<Connection&>())) {
  auto connection = database.Acquire();
  return detail::RunInTransaction(*connection, false, work);
}

}  // namespace lien::db
