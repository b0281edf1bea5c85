#include "register/rights_store.hpp"

#include <algorithm>
#include <map>

#include "audit/trail.hpp"

namespace lien::registry {
namespace {

const HeldColumns& ColumnsOf(std::string_view table) {
  for (const auto& columns : HeldColumnsByTable()) {
    if (columns.table == table) return columns;
  }
  throw db::DatabaseError(db::FailureKind::kOther, "no held columns for " + std::string(table));
}

std::string SelectList(const std::vector<std::string>& columns, std::string_view alias = {}) {
  std::string list;
  for (const auto& column : columns) {
    if (!list.empty()) list += ", ";
    if (!alias.empty()) list += std::string(alias) + ".";
    list += column;
  }
  return list;
}

HeldRow Named(const std::vector<std::string>& columns, const db::Row& row) {
  HeldRow held;
  for (std::size_t i = 0; i < columns.size(); ++i) held.emplace_back(columns[i], row.at(i));
  return held;
}

// Rows of `table` where `where` holds, every column LoadHeldData reads.
std::vector<HeldRow> Read(db::Connection& connection, std::string_view table, const std::string& where,
                          std::int64_t id) {
  const auto& columns = ColumnsOf(table).read;
  const auto result =
      connection.Execute("SELECT " + SelectList(columns) + " FROM " + std::string(table) + " WHERE " + where, {id});
  std::vector<HeldRow> rows;
  for (const auto& row : result.rows) rows.push_back(Named(columns, row));
  return rows;
}

// Every entry of the trail about the subject, oldest first (the trail answers newest first, 500 at a time).
void ReadAccesses(db::Connection& connection, const std::string& subject_type, std::int64_t person_id,
                  std::vector<audit::Entry>& out) {
  audit::Filter filter;
  filter.subject_type = subject_type;
  filter.subject_id = std::to_string(person_id);
  filter.limit = 500;
  std::vector<audit::Entry> newest_first;
  for (;;) {
    auto page = audit::Find(connection, filter);
    if (page.empty()) break;
    filter.before_id = page.back().id;
    const bool last = page.size() < 500;
    newest_first.insert(newest_first.end(), page.begin(), page.end());
    if (last) break;
  }
  out.insert(out.end(), newest_first.rbegin(), newest_first.rend());
}

std::int64_t Delete(db::Connection& connection, const std::string& sql, std::int64_t id) {
  return connection.Execute(sql, {id}).affected_rows;
}

}  // namespace

const std::vector<HeldColumns>& HeldColumnsByTable() {
  static const std::vector<HeldColumns> tables = {
      {"persons",
       {"id",           "civility",           "last_name",  "birth_name", "first_names", "birth_date", "address_number",
        "street",       "address_complement", "building",   "floor",      "door_code",   "postcode",   "town",
        "access_notes", "latitude",           "longitude",  "email",      "languages",   "hearing",    "status",
        "status_until", "last_contact_at",    "created_at", "created_by", "updated_at",  "updated_by", "version"},
       {"name_key", "street_key", "town_key"}},
      {"person_phones", {"position", "e164", "label"}, {"person_id"}},
      {"person_name_tokens", {}, {"token", "person_id", "name_key"}},
      {"person_history",
       {"id", "version", "at", "actor_id", "actor_login", "action", "purpose", "changes"},
       {"person_id"}},
      {"person_redirects", {"old_id", "merged_at"}, {"new_id"}},
      {"register_entries",
       {"id",
        "state",
        "ground",
        "home_care_service",
        "emergency_contact_name",
        "emergency_contact_phone",
        "emergency_contact_relation",
        "requested_by",
        "requester_name",
        "requester_relation",
        "request_evidence",
        "requested_on",
        "source",
        "import_source",
        "acknowledgement_due",
        "acknowledged_at",
        "opposed_at",
        "removed_at",
        "removal_reason",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "version"},
       {"person_id"}},
      {"households",
       {"id", "dietary", "dietary_notes", "delivery_notes", "last_delivery_at", "created_at", "updated_at", "version"},
       {"person_id"}},
      {"household_members", {"position", "relationship", "first_name", "birth_year"}, {"household_id"}},
      {"import_rows", {"row_hash", "batch_id"}, {"person_id"}},
      // The follow-up purpose (docs/calls.md).
      {"referrals",
       {"id", "need_id", "service", "partner_id", "state", "due_on", "notes", "partner_notes", "created_at",
        "created_by", "sent_at", "answered_at", "done_at", "updated_at", "version"},
       {"person_id"}},
      {"needs",
       {"id", "source", "call_id", "escalation_id", "inbound_request_id", "kind", "urgency", "notes", "state",
        "created_at", "created_by", "closed_at", "closed_by", "version"},
       {"person_id"}},
      {"escalations",
       {"id", "enrolment_id", "campaign_id", "state", "raised_at", "reason", "contacts_tried_at", "contacts_outcome",
        "visit_assignee_id", "visit_assignee_name", "visit_assigned_at", "visit_outcome", "visit_notes", "closed_at",
        "closed_by", "version"},
       {"person_id", "open_key"}},
      {"calls",
       {"id", "enrolment_id", "worklist_item_id", "campaign_id", "caller_id", "outcome", "started_at",
        "duration_seconds", "worrying", "answers", "notes", "created_at"},
       {"person_id"}},
      {"worklist_items",
       {"id", "day", "caller_id", "enrolment_id", "position", "reason", "window_start", "window_end", "not_before",
        "attempts", "state", "planned_at", "version"},
       {"person_id"}},
      {"worklist_overflow",
       {"id", "day", "enrolment_id", "campaign_id", "usual_caller_id", "position", "call_reason", "reason",
        "window_start", "window_end", "not_before", "priority", "planned_at"},
       {"person_id"}},
      {"enrolments",
       {"id", "campaign_id", "state", "source", "caller_id", "weekdays", "window_start", "window_end", "frequency_days",
        "priority", "last_call_worrying", "enrolled_at", "enrolled_by", "ended_at", "last_attempt_at",
        "last_reached_at", "version"},
       {"person_id"}},
      {"inbound_requests",
       {"id", "received_at", "taken_by", "contact_name", "contact_phone", "contact_relation", "topic", "urgency",
        "urgency_answers", "queue", "assignee_id", "state", "callback_at", "notes", "closed_at", "updated_at",
        "version"},
       {"person_id"}},
      {"emergency_contacts", {"id", "position", "name", "relation", "phone", "notes"}, {"person_id"}},
      {"follow_up_profiles",
       {"lives_alone", "no_family", "preferred_weekdays", "preferred_window_start", "preferred_window_end",
        "health_notes", "updated_at", "updated_by", "version"},
       {"person_id"}},
      {"break_glass_grants",
       {"id", "user_id", "reason", "granted_at", "expires_at", "reviewed_by", "reviewed_at"},
       {"person_id"}},
  };
  return tables;
}

const std::vector<std::string>& FollowUpTables() {
  static const std::vector<std::string> tables = {"referrals",          "needs",
                                                  "escalations",        "calls",
                                                  "worklist_items",     "worklist_overflow",
                                                  "enrolments",         "inbound_requests",
                                                  "emergency_contacts", "follow_up_profiles",
                                                  "break_glass_grants"};
  return tables;
}

std::optional<HeldData> LoadHeldData(db::Connection& connection, std::int64_t person_id) {
  auto persons = Read(connection, "persons", "id = ?", person_id);
  if (persons.empty()) return std::nullopt;
  HeldData data;
  data.person = std::move(persons.front());
  data.phones = Read(connection, "person_phones", "person_id = ? ORDER BY position", person_id);
  if (auto entries = Read(connection, "register_entries", "person_id = ?", person_id); !entries.empty())
    data.register_entry = std::move(entries.front());
  if (auto households = Read(connection, "households", "person_id = ?", person_id); !households.empty()) {
    data.household = std::move(households.front());
    data.household_members =
        Read(connection, "household_members",
             "household_id IN (SELECT id FROM households WHERE person_id = ?) ORDER BY position", person_id);
  }
  data.history = Read(connection, "person_history", "person_id = ? ORDER BY id", person_id);
  data.merged_records = Read(connection, "person_redirects", "new_id = ? ORDER BY old_id", person_id);
  // The batch a row came from says which file and when: the origin of the record.
  static const std::vector<std::string> kOrigin = {"batch_id", "file_name", "file_sha256", "at", "row_hash"};
  const auto origin = connection.Execute(
      "SELECT b.id, b.file_name, b.file_sha256, b.at, r.row_hash FROM import_rows r "
      "JOIN import_batches b ON b.id = r.batch_id WHERE r.person_id = ? ORDER BY b.id, r.row_hash",
      {person_id});
  for (const auto& row : origin.rows) data.import_origin.push_back(Named(kOrigin, row));
  for (const auto& table : FollowUpTables()) {
    // Every follow-up table but the profile has an id that grows with time: oldest first.
    const std::string order = table == "follow_up_profiles" ? "" : " ORDER BY id";
    data.follow_up.push_back({table, Read(connection, table, "person_id = ?" + order, person_id)});
  }
  for (const char* subject : {"person", "register_entry", "household"})
    ReadAccesses(connection, subject, person_id, data.accesses);
  std::stable_sort(data.accesses.begin(), data.accesses.end(),
                   [](const audit::Entry& a, const audit::Entry& b) { return a.id < b.id; });
  return data;
}

ErasureCounts& ErasureCounts::operator+=(const ErasureCounts& other) {
  persons += other.persons;
  phones += other.phones;
  name_tokens += other.name_tokens;
  history += other.history;
  register_entries += other.register_entries;
  households += other.households;
  household_members += other.household_members;
  import_rows += other.import_rows;
  redirects += other.redirects;
  for (const auto& [table, count] : other.follow_up) follow_up[table] += count;
  return *this;
}

std::optional<ErasureCounts> ErasePerson(db::Connection& connection, std::int64_t person_id) {
  if (!connection.QueryOne("SELECT 1 FROM persons WHERE id = ?", {person_id})) return std::nullopt;
  // Each table explicitly rather than through ON DELETE CASCADE alone: the counts go to the audit trail, and
  // nothing depends on the engine enforcing foreign keys.
  ErasureCounts counts;
  for (const auto& table : FollowUpTables())
    counts.follow_up[table] = Delete(connection, "DELETE FROM " + table + " WHERE person_id = ?", person_id);
  counts.household_members = Delete(
      connection, "DELETE FROM household_members WHERE household_id IN (SELECT id FROM households WHERE person_id = ?)",
      person_id);
  counts.households = Delete(connection, "DELETE FROM households WHERE person_id = ?", person_id);
  counts.register_entries = Delete(connection, "DELETE FROM register_entries WHERE person_id = ?", person_id);
  counts.phones = Delete(connection, "DELETE FROM person_phones WHERE person_id = ?", person_id);
  counts.name_tokens = Delete(connection, "DELETE FROM person_name_tokens WHERE person_id = ?", person_id);
  counts.history = Delete(connection, "DELETE FROM person_history WHERE person_id = ?", person_id);
  counts.redirects = Delete(connection, "DELETE FROM person_redirects WHERE new_id = ?", person_id);
  counts.import_rows = Delete(connection, "DELETE FROM import_rows WHERE person_id = ?", person_id);
  counts.persons = Delete(connection, "DELETE FROM persons WHERE id = ?", person_id);
  return counts;
}

std::map<std::string, std::string> CountsDetails(const ErasureCounts& counts) {
  std::map<std::string, std::string> details = {{"persons", std::to_string(counts.persons)},
                                                {"phones", std::to_string(counts.phones)},
                                                {"name_tokens", std::to_string(counts.name_tokens)},
                                                {"history", std::to_string(counts.history)},
                                                {"register_entries", std::to_string(counts.register_entries)},
                                                {"households", std::to_string(counts.households)},
                                                {"household_members", std::to_string(counts.household_members)},
                                                {"import_rows", std::to_string(counts.import_rows)},
                                                {"redirects", std::to_string(counts.redirects)}};
  for (const auto& [table, count] : counts.follow_up) details[table] = std::to_string(count);
  return details;
}

}  // namespace lien::registry
