#include "db/migrations.hpp"

#include <chrono>
#include <string_view>

namespace lien::db {
namespace {

/// The key of the PostgreSQL advisory lock held while migrating ("LIEN" "MIGR" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x4C49454E4D494752;

// 1 accounts: users and their sessions (auth).
constexpr std::string_view kAccounts = R"sql(
CREATE TABLE users (
  id {{id}},
  login TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  password_changed_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sessions (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  client_address TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);
)sql";

// 2 audit: the append-only trail, and the replies kept for Idempotency-Key retries. The tables are the same
// on both engines; only the triggers refusing UPDATE and DELETE differ, so the two texts share kAuditTables.
// The triggers carry the same names on both engines (audit_log_no_update, audit_log_no_delete): a test that
// tampers a row to prove the hash chain detects it drops them first.
constexpr std::string_view kAuditTables = R"sql(
CREATE TABLE audit_log (
  id {{id}},
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_login TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  client_address TEXT NOT NULL,
  request_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit_log(actor_id, at);
CREATE INDEX audit_subject ON audit_log(subject_type, subject_id, at);
CREATE INDEX audit_at ON audit_log(at);
CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys(expires_at);
)sql";

constexpr std::string_view kAuditSqliteTriggers = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

// SQLSTATE 23000 (integrity_constraint_violation) so both engines report FailureKind::kConstraint.
constexpr std::string_view kAuditPostgresTriggers = R"sql(
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
)sql";

// The head of the audit hash chain: one row holding the newest entry's id and hash. Appending updates it, which
// serialises appends on both engines (a row lock on PostgreSQL), and lets `audit verify` notice removed newest rows.
constexpr std::string_view kAuditHead = R"sql(
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL DEFAULT 0,
  last_id BIGINT NOT NULL DEFAULT 0,
  hash TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_head (id, seq, last_id, hash)
  SELECT 1, 0, COALESCE(MAX(id), 0), COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '')
  FROM audit_log;
)sql";

// 4 register: persons (the shared identity), their phones, search tokens and history; the register of vulnerable
// persons (entries, designated agents); households; alerts; imports. Each table belongs to one purpose, which
// decides who may read it and how long it is kept (docs/register.md). Dates of the calendar are TEXT
// 'YYYY-MM-DD' (they sort and compare as text); instants are epoch milliseconds.
constexpr std::string_view kRegister = R"sql(
CREATE TABLE persons (
  id {{id}},
  civility TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL,
  birth_name TEXT NOT NULL DEFAULT '',
  first_names TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  address_number TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  address_complement TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  floor TEXT NOT NULL DEFAULT '',
  door_code TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  town TEXT NOT NULL DEFAULT '',
  access_notes TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  email TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  hearing TEXT NOT NULL DEFAULT 'unknown',
  status TEXT NOT NULL DEFAULT 'active',
  status_until TEXT,
  name_key TEXT NOT NULL,
  street_key TEXT NOT NULL DEFAULT '',
  town_key TEXT NOT NULL DEFAULT '',
  last_contact_at BIGINT,
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX persons_name ON persons(name_key, id);
CREATE INDEX persons_birth_date ON persons(birth_date);
CREATE INDEX persons_street ON persons(street_key, address_number);
CREATE INDEX persons_town ON persons(town_key);
CREATE INDEX persons_status ON persons(status);
CREATE TABLE person_phones (
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  e164 TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, position)
);
CREATE INDEX person_phones_e164 ON person_phones(e164);
CREATE TABLE person_name_tokens (
  token TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  PRIMARY KEY (token, person_id)
);
CREATE INDEX person_name_tokens_person ON person_name_tokens(person_id);
CREATE TABLE person_history (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_login TEXT NOT NULL,
  action TEXT NOT NULL,
  purpose TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX person_history_person ON person_history(person_id, id);
CREATE TABLE person_redirects (
  old_id BIGINT PRIMARY KEY,
  new_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  merged_at BIGINT NOT NULL
);
CREATE INDEX person_redirects_new ON person_redirects(new_id);
CREATE TABLE register_agents (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  designated_by BIGINT NOT NULL,
  designated_at BIGINT NOT NULL,
  secrecy_acknowledged_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE register_entries (
  id {{id}},
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  ground TEXT NOT NULL DEFAULT '',
  home_care_service TEXT NOT NULL DEFAULT '',
  emergency_contact_name TEXT NOT NULL DEFAULT '',
  emergency_contact_phone TEXT NOT NULL DEFAULT '',
  emergency_contact_relation TEXT NOT NULL DEFAULT '',
  requested_by TEXT NOT NULL,
  requester_name TEXT NOT NULL DEFAULT '',
  requester_relation TEXT NOT NULL DEFAULT '',
  request_evidence TEXT NOT NULL DEFAULT '',
  requested_on TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'request',
  import_source TEXT NOT NULL DEFAULT '',
  acknowledgement_due TEXT,
  acknowledged_at BIGINT,
  opposed_at BIGINT,
  removed_at BIGINT,
  removal_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX register_entries_state ON register_entries(state, acknowledgement_due);
CREATE TABLE households (
  id {{id}},
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons(id) ON DELETE CASCADE,
  dietary TEXT NOT NULL DEFAULT '',
  dietary_notes TEXT NOT NULL DEFAULT '',
  delivery_notes TEXT NOT NULL DEFAULT '',
  last_delivery_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE household_members (
  household_id BIGINT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  relationship TEXT NOT NULL,
  first_name TEXT NOT NULL DEFAULT '',
  birth_year INTEGER,
  PRIMARY KEY (household_id, position)
);
CREATE TABLE alerts (
  id {{id}},
  kind TEXT NOT NULL,
  area TEXT NOT NULL DEFAULT '',
  prefect_reference TEXT NOT NULL DEFAULT '',
  declared_at BIGINT NOT NULL,
  declared_by BIGINT,
  ended_at BIGINT,
  ended_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX alerts_open ON alerts(ended_at);
CREATE TABLE import_batches (
  id {{id}},
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT
);
CREATE TABLE import_rows (
  row_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  batch_id BIGINT NOT NULL REFERENCES import_batches(id)
);
CREATE INDEX import_rows_person ON import_rows(person_id);
)sql";

// 5 calls: the call platform (docs/calls.md). Follow-up purpose throughout: nothing here is register data, and
// a campaign's enrolments keep person ids only, never the ground that targeted them. Local times of day are TEXT
// 'HH:MM' in Europe/Paris, weekdays TEXT '1,2,…,7' (ISO, Monday = 1), calendar days TEXT 'YYYY-MM-DD'.
constexpr std::string_view kCalls = R"sql(
CREATE TABLE follow_up_profiles (
  person_id BIGINT PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
  lives_alone INTEGER NOT NULL DEFAULT 0,
  no_family INTEGER NOT NULL DEFAULT 0,
  preferred_weekdays TEXT NOT NULL DEFAULT '',
  preferred_window_start TEXT NOT NULL DEFAULT '',
  preferred_window_end TEXT NOT NULL DEFAULT '',
  health_notes TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE emergency_contacts (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  relation TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX emergency_contacts_person ON emergency_contacts(person_id, position);
CREATE TABLE campaigns (
  id {{id}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  target TEXT NOT NULL DEFAULT '{}',
  frequency_days INTEGER NOT NULL DEFAULT 0,
  weekdays TEXT NOT NULL DEFAULT '',
  window_start TEXT NOT NULL DEFAULT '09:00',
  window_end TEXT NOT NULL DEFAULT '12:00',
  retry_delay_minutes INTEGER NOT NULL,
  max_attempts_per_day INTEGER NOT NULL,
  escalation_hours INTEGER NOT NULL,
  escalation_min_attempts INTEGER NOT NULL,
  activated_by_alert TEXT NOT NULL DEFAULT '',
  alert_id BIGINT REFERENCES alerts(id),
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_status ON campaigns(status, kind);
CREATE TABLE campaign_questions (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  answer_kind TEXT NOT NULL,
  choices TEXT NOT NULL DEFAULT '',
  raises_need TEXT NOT NULL DEFAULT '',
  raises_on TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, position)
);
CREATE TABLE callers (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  weekdays TEXT NOT NULL DEFAULT '1,2,3,4,5',
  shift_start TEXT NOT NULL DEFAULT '09:00',
  shift_end TEXT NOT NULL DEFAULT '17:00',
  calls_per_shift INTEGER NOT NULL DEFAULT 20,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE caller_absences (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES callers(user_id) ON DELETE CASCADE,
  from_day TEXT NOT NULL,
  until_day TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT
);
CREATE INDEX caller_absences_user ON caller_absences(user_id, from_day);
CREATE TABLE enrolments (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'active',
  source TEXT NOT NULL,
  caller_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  weekdays TEXT NOT NULL DEFAULT '',
  window_start TEXT NOT NULL DEFAULT '',
  window_end TEXT NOT NULL DEFAULT '',
  frequency_days INTEGER NOT NULL DEFAULT 0,
  priority INTEGER NOT NULL DEFAULT 0,
  last_call_worrying INTEGER NOT NULL DEFAULT 0,
  enrolled_at BIGINT NOT NULL,
  enrolled_by BIGINT,
  ended_at BIGINT,
  last_attempt_at BIGINT,
  last_reached_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (campaign_id, person_id)
);
CREATE INDEX enrolments_person ON enrolments(person_id);
CREATE INDEX enrolments_caller ON enrolments(caller_id, state);
CREATE INDEX enrolments_campaign_state ON enrolments(campaign_id, state);
CREATE TABLE worklist_items (
  id {{id}},
  day TEXT NOT NULL,
  caller_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  enrolment_id BIGINT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  reason TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  window_end BIGINT NOT NULL,
  not_before BIGINT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending',
  planned_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (day, enrolment_id)
);
CREATE INDEX worklist_items_caller ON worklist_items(caller_id, day, state, position);
CREATE INDEX worklist_items_person ON worklist_items(person_id, day);
CREATE TABLE calls (
  id {{id}},
  enrolment_id BIGINT REFERENCES enrolments(id) ON DELETE SET NULL,
  worklist_item_id BIGINT REFERENCES worklist_items(id) ON DELETE SET NULL,
  campaign_id BIGINT REFERENCES campaigns(id) ON DELETE SET NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  caller_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  outcome TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  duration_seconds INTEGER NOT NULL DEFAULT 0,
  worrying INTEGER NOT NULL DEFAULT 0,
  answers TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX calls_person ON calls(person_id, started_at);
CREATE INDEX calls_started ON calls(started_at);
CREATE INDEX calls_campaign ON calls(campaign_id, started_at);
CREATE TABLE escalations (
  id {{id}},
  enrolment_id BIGINT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'open',
  open_key BIGINT,
  raised_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  contacts_tried_at BIGINT,
  contacts_outcome TEXT NOT NULL DEFAULT '',
  visit_assignee_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  visit_assignee_name TEXT NOT NULL DEFAULT '',
  visit_assigned_at BIGINT,
  visit_outcome TEXT NOT NULL DEFAULT '',
  visit_notes TEXT NOT NULL DEFAULT '',
  closed_at BIGINT,
  closed_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX escalations_one_open ON escalations(open_key);
CREATE INDEX escalations_state ON escalations(state, raised_at);
CREATE INDEX escalations_person ON escalations(person_id);
CREATE TABLE partners (
  id {{id}},
  name TEXT NOT NULL,
  service TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE partner_members (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE
);
CREATE TABLE inbound_requests (
  id {{id}},
  received_at BIGINT NOT NULL,
  taken_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  person_id BIGINT REFERENCES persons(id) ON DELETE CASCADE,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  contact_relation TEXT NOT NULL DEFAULT 'self',
  topic TEXT NOT NULL,
  urgency TEXT NOT NULL,
  urgency_answers TEXT NOT NULL DEFAULT '[]',
  queue TEXT NOT NULL,
  assignee_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  state TEXT NOT NULL DEFAULT 'new',
  callback_at BIGINT,
  notes TEXT NOT NULL DEFAULT '',
  closed_at BIGINT,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX inbound_requests_queue ON inbound_requests(queue, state, received_at);
CREATE INDEX inbound_requests_person ON inbound_requests(person_id);
CREATE TABLE needs (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  call_id BIGINT REFERENCES calls(id) ON DELETE SET NULL,
  escalation_id BIGINT REFERENCES escalations(id) ON DELETE SET NULL,
  inbound_request_id BIGINT REFERENCES inbound_requests(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  urgency TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  closed_at BIGINT,
  closed_by BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX needs_person ON needs(person_id, state);
CREATE INDEX needs_state ON needs(state, created_at);
CREATE TABLE referrals (
  id {{id}},
  need_id BIGINT REFERENCES needs(id) ON DELETE SET NULL,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  service TEXT NOT NULL,
  partner_id BIGINT REFERENCES partners(id) ON DELETE SET NULL,
  state TEXT NOT NULL DEFAULT 'proposed',
  due_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  partner_notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  sent_at BIGINT,
  answered_at BIGINT,
  done_at BIGINT,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX referrals_partner ON referrals(partner_id, state);
CREATE INDEX referrals_person ON referrals(person_id, state);
CREATE INDEX referrals_due ON referrals(state, due_on);
CREATE TABLE break_glass_grants (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  granted_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  reviewed_by BIGINT,
  reviewed_at BIGINT
);
CREATE INDEX break_glass_grants_user ON break_glass_grants(user_id, person_id, expires_at);
CREATE INDEX break_glass_grants_review ON break_glass_grants(reviewed_at, granted_at);
)sql";

// 6 register_search_indexes: what a search of a 100,000-person register needs to answer in milliseconds
// (docs/PERFORMANCE.md). Name tokens carry the person's sort key, so a name search reads and sorts one index
// range without touching the persons, and the other words of a name are checked on the person's tokens from
// one index; status and birth date ride in the name index (a walk in name order
// checks them without reading rows) and lead an index of their own that covers the sort key (an age band with
// a status reads one range).
constexpr std::string_view kRegisterSearchIndexes = R"sql(
ALTER TABLE person_name_tokens ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE person_name_tokens SET name_key = (SELECT p.name_key FROM persons p WHERE p.id = person_name_tokens.person_id);
CREATE INDEX person_name_tokens_sorted ON person_name_tokens(token, name_key, person_id);
DROP INDEX person_name_tokens_person;
CREATE INDEX person_name_tokens_person ON person_name_tokens(person_id, token);
DROP INDEX persons_name;
CREATE INDEX persons_name ON persons(name_key, id, status, birth_date);
DROP INDEX persons_status;
CREATE INDEX persons_status_birth ON persons(status, birth_date, name_key, id);
)sql";

// 7 name_token_statistics (PostgreSQL): a name search's plan depends on how many tokens a prefix range holds.
// With the default histogram (100 buckets over ~400,000 tokens) PostgreSQL guesses one row for "david"–"davie"
// (737 in a 100,000-person register) and rescans another word's range for each of them: 133 ms instead of 2 ms
// with 1,000 buckets. SQLite has no histogram to refine: nothing to do there.
constexpr std::string_view kNameTokenStatistics = R"sql(
ALTER TABLE person_name_tokens ALTER COLUMN token SET STATISTICS 1000;
ANALYZE person_name_tokens;
)sql";

// 8 worklist_overflow: the calls the plan of a day could place on nobody's list (docs/calls.md, "Planning a day"),
// kept with that day's plan so the coordinator sees them whenever the day's worklists are opened, not only in
// the reply to the plan. Replaced as a whole each time the day is planned; `reason` is why the call fits nobody
// (`no_room`, `outside_every_shift`), `call_reason` why it was due (`missed`, `due`, `retry`).
constexpr std::string_view kWorklistOverflow = R"sql(
CREATE TABLE worklist_overflow (
  id {{id}},
  day TEXT NOT NULL,
  enrolment_id BIGINT NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  campaign_id BIGINT NOT NULL,
  usual_caller_id BIGINT,
  position INTEGER NOT NULL,
  call_reason TEXT NOT NULL,
  reason TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  window_end BIGINT NOT NULL,
  not_before BIGINT NOT NULL,
  priority INTEGER NOT NULL,
  planned_at BIGINT NOT NULL,
  UNIQUE (day, enrolment_id)
);
CREATE INDEX worklist_overflow_person ON worklist_overflow(person_id, day);
CREATE INDEX worklist_overflow_enrolment ON worklist_overflow(enrolment_id);
)sql";

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Label(const Migration& migration) {
  std::string number = std::to_string(migration.version);
  if (number.size() < 4) {
    number.insert(0, 4 - number.size(), '0');
  }
  return number + "_" + migration.name;
}

bool TableExists(Connection& connection) {
  if (connection.dialect() == Dialect::kPostgres) {
    return !connection.QueryOne("SELECT to_regclass('schema_migrations')")->IsNull(0);
  }
  return connection.QueryOne("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .has_value();
}

int RecordedVersion(Connection& connection) {
  if (!TableExists(connection)) {
    return 0;
  }
  return static_cast<int>(connection.QueryOne("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")->Int(0));
}

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> all = {
      {.version = 1, .name = "accounts", .sql = std::string(kAccounts)},
      {.version = 2,
       .name = "audit",
       .sql = std::string(kAuditTables) + std::string(kAuditSqliteTriggers),
       .postgres_sql = std::string(kAuditTables) + std::string(kAuditPostgresTriggers)},
      {.version = 3, .name = "audit_head", .sql = std::string(kAuditHead)},
      {.version = 4, .name = "register", .sql = std::string(kRegister)},
      {.version = 5, .name = "calls", .sql = std::string(kCalls)},
      {.version = 6, .name = "register_search_indexes", .sql = std::string(kRegisterSearchIndexes)},
      {.version = 7,
       .name = "name_token_statistics",
       .sql = "-- PostgreSQL only\n",
       .postgres_sql = std::string(kNameTokenStatistics)},
      {.version = 8, .name = "worklist_overflow", .sql = std::string(kWorklistOverflow)},
  };
  return all;
}

std::string ExpandForDialect(const std::string& sql, Dialect dialect) {
  std::string out = sql;
  const bool postgres = dialect == Dialect::kPostgres;
  ReplaceAll(out, "{{id}}",
             postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  ReplaceAll(out, "{{blob}}", postgres ? "BYTEA" : "BLOB");
  return out;
}

std::string SqlFor(const Migration& migration, Dialect dialect) {
  const bool specific = dialect == Dialect::kPostgres && !migration.postgres_sql.empty();
  return ExpandForDialect(specific ? migration.postgres_sql : migration.sql, dialect);
}

int CurrentVersion(Database& database) {
  auto connection = database.Acquire();
  return RecordedVersion(*connection);
}

MigrationReport Migrate(Database& database, const std::vector<Migration>& migrations) {
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw DatabaseError(FailureKind::kOther, "migrations out of order at " + Label(migrations[i]));
    }
  }
  const int highest = migrations.empty() ? 0 : migrations.back().version;
  MigrationReport report;
  bool first = true;
  auto connection = database.Acquire();
  Connection& db = *connection;
  // One transaction per migration: a failure keeps the ones before it. Each transaction re-reads the version
  // under the lock, so an instance that waited behind another skips what the other applied.
  for (;;) {
    db.BeginWrite();
    try {
      if (db.dialect() == Dialect::kPostgres) {
        db.Execute("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
      }
      db.ExecuteScript(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
          "applied_at BIGINT NOT NULL)");
      const int current = RecordedVersion(db);
      if (first) {
        report.from_version = current;
      }
      first = false;
      report.to_version = current;
      if (current > highest) {
        throw DatabaseError(FailureKind::kOther,
                            "the database schema is at version " + std::to_string(current) +
                                ", newer than this binary knows (" + std::to_string(highest) +
                                "): run a newer Lien, or restore a backup taken before the upgrade");
      }
      const Migration* next = nullptr;
      for (const Migration& migration : migrations) {
        if (migration.version > current) {
          next = &migration;
          break;
        }
      }
      if (next == nullptr) {
        db.Commit();
        return report;
      }
      try {
        db.ExecuteScript(SqlFor(*next, db.dialect()));
        db.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                   {std::int64_t{next->version}, next->name, NowMs()});
        db.Commit();
      } catch (const DatabaseError& error) {
        throw DatabaseError(error.kind(), "migration " + Label(*next) + " failed: " + error.what());
      }
      report.applied.push_back(Label(*next));
      report.to_version = next->version;
    } catch (...) {
      if (db.InTransaction()) {
        db.Rollback();
      }
      throw;
    }
  }
}

}  // namespace lien::db
