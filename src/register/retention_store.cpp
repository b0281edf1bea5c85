#include "register/retention_store.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "audit/trail.hpp"

namespace lien::registry {
namespace {

// "LIENPURG": the advisory lock of the retention purge on PostgreSQL (the migrations use "LIENMIGR").
constexpr std::int64_t kRetentionLockKey = 0x4C49454E50555247;

std::vector<std::int64_t> Both(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  std::vector<std::int64_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

std::vector<RetentionFacts> LoadRetentionFacts(db::Connection& connection) {
  const auto result = connection.Execute(
      "SELECT p.id, p.status, e.state, h.id, h.last_delivery_at, h.created_at, p.last_contact_at, p.updated_at "
      "FROM persons p LEFT JOIN register_entries e ON e.person_id = p.id "
      "LEFT JOIN households h ON h.person_id = p.id ORDER BY p.id");
  std::vector<RetentionFacts> facts;
  facts.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    RetentionFacts person;
    person.person_id = row.Int(0);
    person.status = row.Text(1);
    person.entry_state = row.OptText(2);
    person.has_household = !row.IsNull(3);
    person.last_delivery_at = row.OptInt(4);
    person.household_created_at = row.OptInt(5).value_or(0);
    person.last_contact_at = row.OptInt(6);
    person.updated_at = row.Int(7);
    facts.push_back(std::move(person));
  }
  return facts;
}

RetentionCounts ApplyRetention(db::Connection& connection, const RetentionPlan& plan) {
  RetentionCounts counts;
  // The history rows of a purpose hold its fields' old values: they end with the data.
  for (const auto id : plan.register_entries) {
    counts.register_entries +=
        connection.Execute("DELETE FROM register_entries WHERE person_id = ?", {id}).affected_rows;
    connection.Execute("DELETE FROM person_history WHERE person_id = ? AND purpose = 'register'", {id});
  }
  for (const auto id : plan.households) {
    connection.Execute("DELETE FROM person_history WHERE person_id = ? AND purpose = 'delivery'", {id});
    connection.Execute(
        "DELETE FROM household_members WHERE household_id IN (SELECT id FROM households WHERE person_id = ?)", {id});
    counts.households += connection.Execute("DELETE FROM households WHERE person_id = ?", {id}).affected_rows;
  }
  for (const auto id : plan.persons) {
    if (auto erased = ErasePerson(connection, id)) counts.erased += *erased;
  }
  return counts;
}

RetentionPlan DueForRetention(db::Database& database, const RetentionPolicy& policy, core::EpochMillis now) {
  return db::InReadTransaction(
      database, [&](db::Connection& connection) { return PlanRetention(LoadRetentionFacts(connection), policy, now); });
}

std::optional<RetentionCounts> RunRetention(db::Database& database, const RetentionPolicy& policy,
                                            core::EpochMillis now, audit::Event actor, const RetentionPlan* expected) {
  return db::InWriteTransaction(database, [&](db::Connection& connection) -> std::optional<RetentionCounts> {
    // SQLite: the write transaction already holds the database's only write lock. PostgreSQL: a second
    // server gives up at once instead of deleting the same rows behind the first.
    if (connection.dialect() == db::Dialect::kPostgres &&
        !connection.QueryOne("SELECT pg_try_advisory_xact_lock(?)", {kRetentionLockKey})->Bool(0)) {
      return std::nullopt;
    }
    RetentionPlan plan = PlanRetention(LoadRetentionFacts(connection), policy, now);
    if (expected) {
      plan.register_entries = Both(plan.register_entries, expected->register_entries);
      plan.households = Both(plan.households, expected->households);
      plan.persons = Both(plan.persons, expected->persons);
    }
    const RetentionCounts counts = ApplyRetention(connection, plan);
    actor.action = "retention.purge";
    actor.subject_type = "retention";
    actor.subject_id = "*";
    actor.purpose = "retention";
    actor.details = CountsDetails(counts.erased);
    actor.details["entries_ended"] = std::to_string(counts.register_entries);
    actor.details["households_ended"] = std::to_string(counts.households);
    actor.details["follow_up_days"] = std::to_string(policy.follow_up_days);
    actor.details["delivery_days"] = std::to_string(policy.delivery_days);
    audit::Append(connection, now, actor);
    return counts;
  });
}

}  // namespace lien::registry
