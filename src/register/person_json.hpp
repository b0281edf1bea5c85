#pragma once
// A person as JSON, narrowed to a view (registry::ViewOf): what a reader may not read is absent, and what a
// writer may not write is refused naming the field (400 validation.unknown_field: no mass assignment).
// Used by the persons' routes, the rights routes (access request) and the import.

#include <initializer_list>
#include <string_view>

#include "core/result.hpp"
#include "http/json_body.hpp"
#include "register/model.hpp"
#include "register/views.hpp"

namespace lien::registry {

/// The full record in `view`: identity {id, version, civility, last_name, birth_name, first_names,
/// birth_date, created_at, updated_at}, contact {address{…, latitude, longitude}, phones[{number (E.164),
/// display, label, mobile}], email, languages, hearing}, situation {status, status_until}. Groups outside
/// the view are absent.
http::Json PersonToJson(const Person& person, View view);

/// The short form for lists (search, duplicates): id, version, civility, last_name, birth_name,
/// first_names, birth_date and age on `today` (identity); address {number, street, postcode, town} and
/// phones (contact); status and status_until (situation) — each only within the view.
http::Json PersonSummaryToJson(const Person& person, View view, const Date& today);

/// Applies `body` to `base` (a default Person to create, the current record to PATCH): only the fields
/// present change; `address` merges key by key; `phones` and `languages` replace the lists. Phones are
/// strings or {number, label} in any French notation, stored in E.164 (core::ParsePhone). Refused, naming
/// the field: a key outside the view's groups or read-only (id, version, created_at, updated_at) or unknown,
/// unless listed in `extra_keys` (the caller reads those itself); a wrong type; a date not 'YYYY-MM-DD'; an
/// unknown civility, hearing or status code; a phone that cannot be read. Rules on the whole record are
/// registry::ValidatePerson's.
core::Result<Person> PersonFromJson(const http::Json& body, View view, Person base,
                                    std::initializer_list<std::string_view> extra_keys = {});

}  // namespace lien::registry
