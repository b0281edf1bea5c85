#pragma once
// One row of an imported register file turned into a person: French dates (dd/mm/yyyy, d/m/yy, yyyy-mm-dd),
// phones in any notation (core::ParsePhone), "12 bis rue Victor Hugo" split into number and street,
// "80000 Amiens" into postcode and town, civilities and languages as people write them. Every value that
// cannot be read is a problem naming its column; the caller rejects the row. Plain rules: no JSON, no SQL.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "register/import_mapping.hpp"
#include "register/model.hpp"

namespace lien::registry {

/// The register entry's legal fields found in a row (only read from a file declared an existing register).
struct ImportedRegisterFields {
  std::string ground;  ///< a code of RegisterGrounds (see ParseGround)
  std::string home_care_service;
  std::string emergency_contact_name;
  std::string emergency_contact_phone;  ///< E.164
  bool any() const {
    return !ground.empty() || !home_care_service.empty() || !emergency_contact_name.empty() ||
           !emergency_contact_phone.empty();
  }
};

/// Why a value of a row was refused: the column's heading, a message key of messages_documents.cpp and its
/// arguments ({value}).
struct RowProblem {
  std::string column;
  std::string message_key;
  std::map<std::string, std::string> args;
};

struct ParsedRow {
  Person person;
  ImportedRegisterFields register_fields;
  std::vector<RowProblem> problems;
};

/// Reads `fields` (one CSV record, in the order of `columns`) into a person. Register fields are read only
/// with `read_register_fields`. `today` bounds birth dates and decides the century of two-digit years.
ParsedRow ParseImportRow(const std::vector<std::string>& fields, const std::vector<ColumnMapping>& columns,
                         bool read_register_fields, const Date& today);

/// A date as French offices type it: "09/03/1941", "9/3/1941", "09-03-1941", "09.03.1941", "1941-03-09",
/// "09/03/41" (two-digit years are taken in the past century when they would be after `today`).
std::optional<Date> ParseFrenchDate(std::string_view text, const Date& today);

/// "12 bis rue Victor Hugo" → {"12 bis", "rue Victor Hugo"}; "12, rue X" and "12B rue X" too; an address
/// without a leading number gives {"", whole text}.
std::pair<std::string, std::string> SplitStreetAddress(std::string_view text);

/// The ground for registration (register_entry_model.hpp's codes) from what a register file says: "65 ans et
/// plus", "Personne âgée" → age_65; "60 ans inapte au travail" → age_60_unfit; "AAH" → disabled_aah; "PCH",
/// "ACTP" → disabled_pch_actp; "carte d'invalidité", "CMI" → disabled_card; "RQTH" → disabled_rqth; "pension
/// d'invalidité" → disabled_pension; or the codes themselves. nullopt otherwise, and for a bare "handicapé".
std::optional<std::string> ParseGround(std::string_view text);

/// A fingerprint of what a row says once read (not of its bytes): the same person written with another
/// separator, encoding or date notation gives the same hash. SHA-256, hex.
std::string RowHash(const ParsedRow& row);

}  // namespace lien::registry
