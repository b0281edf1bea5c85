#pragma once
// The prefect's list (CASF R.121-6): while an alert plan is open, at the prefect's request, the register's
// registered entries with their legal fields only (identity, address, phones, ground, home-care service, emergency
// contact), sorted by town and street, as .xlsx or PDF. Also the re-authentication the export asks for: the user
// gives their password (and one-time code when their account has one) again.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "alerts/alert_model.hpp"
#include "auth/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {

enum class PrefectFormat { kXlsx, kPdf };

/// Who asked for the list and why, as printed on the PDF and written to the audit trail.
struct PrefectRequest {
  alerts::Alert alert;
  std::string recipient;  ///< "Préfecture de la Somme – cellule de crise"
  std::string purpose;    ///< "Plan canicule niveau 3 : appels de la cellule de crise"
  std::string issued_by;  ///< The agent's display name.
  Date today;
};

/// The file in the chosen format. Errors: those of the documents writers (kInternal).
core::Result<std::string> PrefectListFile(const std::vector<store::DueAcknowledgement>& rows,
                                          const PrefectRequest& request, PrefectFormat format);

/// "Canicule", "Grand froid"...
std::string_view AlertKindLabel(alerts::AlertKind kind);

/// Checks the password (and, when the account has TOTP enabled, the one-time code, claimed so it is used once) of
/// `user_id` again. A wrong password or code counts as a failed login (the account is throttled after as many
/// failures as a sign-in allows). Errors: kInvalidInput `register.reauth_wrong_password` (field password),
/// `register.reauth_totp_required` / `auth.totp_invalid` (field totp_code); kTooManyRequests `auth.throttled`.
/// `record_refusal` is called inside the write transaction that counts the failure, with the reason.
core::Status Reauthenticate(db::Database& database, const core::Clock& clock, const auth::AuthSettings& settings,
                            std::int64_t user_id, const std::string& password,
                            const std::optional<std::string>& totp_code,
                            const std::function<void(db::Connection&, const std::string& reason)>& record_refusal);

}  // namespace lien::registry
