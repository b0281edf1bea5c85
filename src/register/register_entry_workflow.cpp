#include "register/register_entry_workflow.hpp"

#include "register/person_store.hpp"
#include "register/register_entry_rules.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

// The entry to change, at the version the user saw.
core::Result<RegisterEntry> EntryAt(db::Connection& connection, std::int64_t person_id, std::int64_t expected_version) {
  auto entry = store::FindRegisterEntry(connection, person_id);
  if (!entry) return Fail(ErrorCode::kNotFound, "register.entry_not_found");
  if (!entry->registered()) return Fail(ErrorCode::kConflict, "register.not_registered");
  if (entry->version != expected_version) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  return *entry;
}

core::Result<RegisterEntry> Save(db::Connection& connection, RegisterEntry& entry, std::int64_t expected_version) {
  if (!store::UpdateRegisterEntry(connection, entry, expected_version)) {
    return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  }
  return entry;
}

// Saves a change of `before` and writes what changed into the person's history.
core::Result<RegisterEntry> SaveChange(db::Connection& connection, const RegisterEntry& before, RegisterEntry& after,
                                       std::string_view action, const ChangeAuthor& author, core::EpochMillis now) {
  after.updated_at = now;
  after.updated_by = author.user_id;
  auto saved = Save(connection, after, before.version);
  if (!saved) return saved;
  if (!after.registered()) ForgetRegisterHistory(connection, after.person_id);
  AppendHistory(connection, after.person_id, after.version, author, now, action, "register",
                DiffEntries(before, after));
  return saved;
}

}  // namespace

core::Result<RegisterEntry> RegisteredEntry(db::Connection& connection, std::int64_t person_id) {
  auto entry = store::FindRegisterEntry(connection, person_id);
  if (!entry || !entry->registered()) return Fail(ErrorCode::kNotFound, "register.entry_not_found");
  return *entry;
}

core::Result<RegisterEntry> RegisterPerson(db::Connection& connection, std::int64_t person_id,
                                           const RegisterEntryDraft& draft, const EntryOrigin& origin,
                                           core::EpochMillis now) {
  const auto person = store::FindPersonCard(connection, person_id);
  if (!person) return Fail(ErrorCode::kNotFound, "register.person_not_found");
  if (person->status == "moved" || person->status == "deceased") {
    return Fail(ErrorCode::kConflict, "register.person_inactive");
  }
  if (origin.source != kSourceRequest && origin.source != kSourceImport) {
    return Fail(ErrorCode::kInvalidInput, "validation.invalid_value", "source");
  }
  if (origin.source == kSourceImport && origin.import_source.empty()) {
    return Fail(ErrorCode::kInvalidInput, "validation.required", "import_source");
  }
  auto entry = BuildEntry(draft, DayOf(now));
  if (!entry) return entry;
  entry->person_id = person_id;
  entry->source = origin.source;
  entry->import_source = origin.source == kSourceImport ? origin.import_source : std::string();
  entry->acknowledged_at = origin.acknowledged_at;
  entry->created_at = now;
  entry->created_by = origin.actor_id;
  entry->updated_at = now;
  entry->updated_by = origin.actor_id;

  auto existing = store::FindRegisterEntry(connection, person_id);
  if (!existing) {
    entry->id = store::InsertRegisterEntry(connection, *entry);
    return entry;
  }
  if (existing->registered()) return Fail(ErrorCode::kConflict, "register.already_registered");
  // Registration is voluntary: a person who opposed or asked to be removed comes back only on their own new
  // request, never through an import of an old file.
  if (origin.source == kSourceImport) return Fail(ErrorCode::kConflict, "register.ended_by_person");
  entry->id = existing->id;
  entry->created_at = existing->created_at;
  entry->created_by = existing->created_by;
  return Save(connection, *entry, existing->version);
}

core::Result<RegisterEntry> CorrectEntry(db::Connection& connection, std::int64_t person_id,
                                         std::int64_t expected_version, const RegisterEntryDraft& changes,
                                         const ChangeAuthor& author, core::EpochMillis now) {
  auto entry = EntryAt(connection, person_id, expected_version);
  if (!entry) return entry;
  auto corrected = BuildEntry(ApplyCorrection(*entry, changes), DayOf(now));
  if (!corrected) return corrected;
  RegisterEntry updated = *entry;
  updated.ground = corrected->ground;
  updated.home_care_service = corrected->home_care_service;
  updated.emergency_contact_name = corrected->emergency_contact_name;
  updated.emergency_contact_phone = corrected->emergency_contact_phone;
  updated.emergency_contact_relation = corrected->emergency_contact_relation;
  updated.requested_by = corrected->requested_by;
  updated.requester_name = corrected->requester_name;
  updated.requester_relation = corrected->requester_relation;
  updated.request_evidence = corrected->request_evidence;
  updated.requested_on = corrected->requested_on;
  updated.acknowledgement_due = corrected->acknowledgement_due;
  if (DiffEntries(*entry, updated).empty()) return *entry;
  return SaveChange(connection, *entry, updated, "register_entry.updated", author, now);
}

core::Result<RegisterEntry> EndEntry(db::Connection& connection, std::int64_t person_id, std::int64_t expected_version,
                                     std::string_view new_state, const std::string& removal_reason,
                                     const ChangeAuthor& author, core::EpochMillis now) {
  auto entry = EntryAt(connection, person_id, expected_version);
  if (!entry) return entry;
  if (removal_reason.size() > kMaxEntryTextLength) {
    return Fail(ErrorCode::kInvalidInput, "validation.too_long", "reason",
                {{"max", std::to_string(kMaxEntryTextLength)}});
  }
  RegisterEntry ended = *entry;
  ended.state = std::string(new_state);
  ClearLegalFields(ended);
  if (new_state == kStateOpposed) {
    ended.opposed_at = now;
  } else {
    ended.removed_at = now;
    ended.removal_reason = removal_reason;
  }
  // Only the state is told: the legal fields' old values must not outlive their erasure in the history.
  RegisterEntry before = ended;
  before.state = entry->state;
  before.version = entry->version;
  return SaveChange(connection, before, ended,
                    new_state == kStateOpposed ? "register_entry.opposed" : "register_entry.removed", author, now);
}

core::Result<RegisterEntry> MarkAcknowledged(db::Connection& connection, std::int64_t person_id,
                                             std::int64_t expected_version, const ChangeAuthor& author,
                                             core::EpochMillis now) {
  auto entry = EntryAt(connection, person_id, expected_version);
  if (!entry) return entry;
  if (entry->acknowledged_at) return entry;
  RegisterEntry acknowledged = *entry;
  acknowledged.acknowledged_at = now;
  return SaveChange(connection, *entry, acknowledged, "register_entry.acknowledged", author, now);
}

}  // namespace lien::registry
