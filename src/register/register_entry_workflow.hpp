#pragma once
// The register entry's workflow on storage: register, correct, oppose, remove, mark the acknowledgement sent.
// Each runs on the caller's connection inside a write transaction (the caller appends the audit event in the
// same transaction). Used by the routes, the import (source = import) and the demo.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/person_store.hpp"  // ChangeAuthor
#include "register/register_entry_model.hpp"

namespace lien::registry {

/// Where an entry comes from and who makes it.
struct EntryOrigin {
  std::optional<std::int64_t> actor_id;              ///< Empty for the command line (import, demo).
  std::string source{kSourceRequest};                ///< request, or import for an existing register brought into Lien.
  std::string import_source;                         ///< The imported file's name, required when source is import.
  std::optional<core::EpochMillis> acknowledged_at;  ///< An imported register may have been acknowledged already.
};

/// Registers the person. Errors: those of BuildEntry; kNotFound `register.person_not_found`; kConflict
/// `register.person_inactive` (moved or deceased), `register.already_registered`; an import cannot register a
/// person who opposed or asked to be removed (`register.ended_by_person`), a new request from them can.
core::Result<RegisterEntry> RegisterPerson(db::Connection& connection, std::int64_t person_id,
                                           const RegisterEntryDraft& draft, const EntryOrigin& origin,
                                           core::EpochMillis now);

/// Corrections, opposition, removal and the acknowledgement each write a row of the person's history (purpose
/// "register", numbered by the entry's version, with what changed before → after): a stale editor's 412 shows
/// them (LoadRegisterHistory). Opposition and removal first delete the earlier rows, which hold the legal fields.
///
/// Corrects a registered entry. Errors: kNotFound `register.entry_not_found`; kConflict `register.not_registered`;
/// kPreconditionFailed when `expected_version` is stale; those of BuildEntry.
core::Result<RegisterEntry> CorrectEntry(db::Connection& connection, std::int64_t person_id,
                                         std::int64_t expected_version, const RegisterEntryDraft& changes,
                                         const ChangeAuthor& author, core::EpochMillis now);

/// The changes below refuse an entry that is not registered (kNotFound `register.entry_not_found`, kConflict
/// `register.not_registered`) or whose version is not `expected_version` (kPreconditionFailed).
///
/// Opposition (state opposed) or removal (state removed, with the reason): the legal fields are cleared at once.
core::Result<RegisterEntry> EndEntry(db::Connection& connection, std::int64_t person_id, std::int64_t expected_version,
                                     std::string_view new_state, const std::string& removal_reason,
                                     const ChangeAuthor& author, core::EpochMillis now);

/// Records that the acknowledgement letter was sent (the first time only).
core::Result<RegisterEntry> MarkAcknowledged(db::Connection& connection, std::int64_t person_id,
                                             std::int64_t expected_version, const ChangeAuthor& author,
                                             core::EpochMillis now);

/// The entry of a person that is registered now. Errors: kNotFound `register.entry_not_found` (no entry, or one
/// opposed or removed: those are out of every register view).
core::Result<RegisterEntry> RegisteredEntry(db::Connection& connection, std::int64_t person_id);

}  // namespace lien::registry
