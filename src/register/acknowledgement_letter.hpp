#pragma once
// The letter that confirms to a person their registration in the register of vulnerable persons (the
// acknowledgement owed within 8 days of the request), as a one-page PDF in French. Generating it does not mark it
// sent: the agent records that separately once it is posted.

#include <string>

#include "core/result.hpp"
#include "register/register_entry_model.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {

/// The letter for a registered entry, dated `today`. Errors: those of documents::PdfDocument (kInternal).
core::Result<std::string> AcknowledgementLetterPdf(const store::PersonCard& person, const RegisterEntry& entry,
                                                   const Date& today);

/// "12/06/2026"
std::string FrenchDate(const Date& date);

/// "Mme Marie Durand", from the stored civility code ("mme", "m" or empty).
std::string AddressedName(const store::PersonCard& person);

/// The address lines of a person: "12 bis rue Victor Hugo", complement, building and floor, "80000 Amiens".
std::vector<std::string> AddressLines(const store::PersonCard& person);

}  // namespace lien::registry
