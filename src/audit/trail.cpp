#include "audit/trail.hpp"

#include <algorithm>

#include "audit/chain.hpp"
#include "audit/store.hpp"

namespace lien::audit {

std::int64_t Append(db::Connection& connection, core::EpochMillis at, const Event& event) {
  Entry entry;
  entry.at = at;
  entry.event = event;
  entry.prev_hash = store::LockHead(connection);
  if (entry.prev_hash.empty()) entry.prev_hash = kGenesisHash;
  entry.hash = ChainHash(entry.prev_hash, at, event);
  const auto id = store::Insert(connection, entry);
  store::SetHead(connection, id, entry.hash);
  return id;
}

std::vector<Entry> Find(db::Connection& connection, Filter filter) {
  filter.limit = std::clamp(filter.limit, 1, 500);
  return store::Find(connection, filter);
}

VerifyReport Verify(db::Connection& connection) {
  VerifyReport report;
  std::string expected_prev(kGenesisHash);
  std::int64_t last_id = 0;
  store::ForEach(connection, [&](const Entry& entry) {
    if (!report.ok) return;
    ++report.checked;
    last_id = entry.id;
    if (entry.prev_hash != expected_prev) {
      report = {false, report.checked, entry.id, "link"};
      return;
    }
    if (ChainHash(entry.prev_hash, entry.at, entry.event) != entry.hash) {
      report = {false, report.checked, entry.id, "content"};
      return;
    }
    expected_prev = entry.hash;
  });
  if (!report.ok) return report;
  const auto head = store::ReadHead(connection);
  const std::string head_hash = head.hash.empty() ? std::string(kGenesisHash) : head.hash;
  if (head.last_id != last_id || head_hash != expected_prev) {
    // The newest rows were removed (or the head was altered): the chain itself still links.
    report = {false, report.checked, head.last_id, "tail"};
  }
  return report;
}

}  // namespace lien::audit
