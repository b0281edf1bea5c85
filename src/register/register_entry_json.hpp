#pragma once
// The register entry as JSON (the register-entry routes, and the `register` group of a person for a designated
// agent) and the draft read from a request body.

#include <nlohmann/json.hpp>
#include <vector>

#include "core/result.hpp"
#include "register/person_store.hpp"  // HistoryEntry
#include "register/register_entry_model.hpp"

namespace lien::registry {

/// The entry with its workflow fields; `today` decides `overdue`. An opposed or removed entry carries only its
/// state and dates (its legal fields were cleared).
nlohmann::json RegisterEntryJson(const RegisterEntry& entry, const Date& today);

/// The entry's history rows as a 412 carries them: [{version, at, actor_login, action, purpose, changes: {field:
/// {from, to}}}], the shape of a person's history.
nlohmann::json RegisterHistoryJson(const std::vector<HistoryEntry>& entries);

/// Reads the fields of a register entry from a request body, refusing any other field (400
/// `validation.unknown_field`) and wrong types. A field sent as null reads as empty (to clear it on a PATCH).
core::Result<RegisterEntryDraft> RegisterEntryDraftFromJson(const nlohmann::json& body);

}  // namespace lien::registry
