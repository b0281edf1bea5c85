#pragma once
// The inbound line's requests in the database (table inbound_requests), on the caller's connection.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calls/inbound_rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct InboundRequest {
  std::int64_t id = 0;
  core::EpochMillis received_at = 0;
  std::optional<std::int64_t> taken_by;
  InboundRecord record;
  std::optional<std::int64_t> assignee_id;
  std::optional<core::EpochMillis> closed_at;
  core::EpochMillis updated_at = 0;
  std::int64_t version = 1;
};

/// Stores a request built by BuildInboundRecord, taken by `taken_by` at `now`. Errors: kNotFound
/// `persons.not_found` when person_id names no one.
core::Result<InboundRequest> CreateInboundRequest(db::Connection& connection, const InboundRecord& record,
                                                  std::optional<std::int64_t> taken_by, core::EpochMillis now);

std::optional<InboundRequest> LoadInboundRequest(db::Connection& connection, std::int64_t id);

struct InboundFilter {
  std::optional<std::string> queue;
  std::optional<std::string> state;  ///< absent: every state but closed
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> person_id;
  int limit = 100;
  int offset = 0;
};
/// Requests matching `filter`, oldest first.
std::vector<InboundRequest> FindInboundRequests(db::Connection& connection, const InboundFilter& filter);

/// How many requests wait in each queue (every state but closed), for the queues page.
std::vector<std::pair<std::string, std::int64_t>> CountOpenPerQueue(db::Connection& connection);

/// What changes on a request; absent members stay.
struct InboundChange {
  std::optional<std::string> state;
  std::optional<std::optional<std::int64_t>> assignee_id;  ///< inner nullopt: unassign
  std::optional<std::string> queue;
  std::optional<std::optional<core::EpochMillis>> callback_at;
  std::optional<std::string> notes;
  std::optional<std::int64_t> person_id;  ///< the person once found or registered
};

/// Applies `change` at `expected_version`. Assigning a new request makes it `assigned`, unassigning an assigned
/// one makes it `new` again (unless a state is given); `callback` needs a call-back time, a new one not in the
/// past; closing records closed_at. The assignee must be an enabled account allowed the inbound line
/// (kInvalidInput `inbound.assignee_not_allowed`). Errors: kNotFound `inbound.not_found`, `persons.not_found`;
/// kPreconditionFailed; the rules' errors.
core::Result<InboundRequest> ChangeInboundRequest(db::Connection& connection, std::int64_t id,
                                                  std::int64_t expected_version, const InboundChange& change,
                                                  core::EpochMillis now);

}  // namespace lien::calls
