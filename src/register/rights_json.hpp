#pragma once
// Everything held about a person (rights_store.hpp) as one JSON document for the right of access, and as a
// readable French PDF made with the documents' PDF builder.

#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "http/json_body.hpp"
#include "register/rights_store.hpp"

namespace lien::registry {

/// {person_id, generated_at, person, phones, register_entry, household (with members), history,
/// merged_records, import_origin, accesses: [{at, actor_login, actor_role, action, purpose, outcome}]}.
/// Columns keep their stored names; instants are epoch milliseconds; history changes are JSON.
http::Json HeldDataToJson(const HeldData& data, core::EpochMillis generated_at);

/// The same as a PDF in French. Fails with `documents.pdf_failed` when the PDF cannot be made.
core::Result<std::string> HeldDataToPdf(const HeldData& data, core::EpochMillis generated_at);

}  // namespace lien::registry
