#include "register/prefect_export.hpp"

#include "auth/password.hpp"
#include "auth/store.hpp"
#include "auth/totp.hpp"
#include "core/phone.hpp"
#include "documents/pdf_document.hpp"
#include "documents/spreadsheet.hpp"
#include "register/acknowledgement_letter.hpp"

namespace lien::registry {
namespace {

using core::ErrorCode;
using core::Fail;

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string Phones(const store::PersonCard& person) {
  std::vector<std::string> shown;
  for (const auto& phone : person.phones) shown.push_back(core::FormatPhoneForDisplay(phone));
  return Joined(shown, ", ");
}

std::string EmergencyContact(const RegisterEntry& entry) {
  return Joined({entry.emergency_contact_name,
                 entry.emergency_contact_relation.empty() ? "" : "(" + entry.emergency_contact_relation + ")"},
                " ");
}

std::string EmergencyPhone(const RegisterEntry& entry) {
  return entry.emergency_contact_phone.empty() ? "" : core::FormatPhoneForDisplay(entry.emergency_contact_phone);
}

std::string Complement(const store::PersonCard& person) {
  return Joined({person.address_complement, person.building, person.floor.empty() ? "" : "étage " + person.floor},
                ", ");
}

std::string AlertText(const alerts::Alert& alert) {
  return Joined({std::string(AlertKindLabel(alert.kind)), alert.area,
                 alert.prefect_reference.empty() ? "" : "arrêté " + alert.prefect_reference},
                " – ");
}

core::Result<std::string> Spreadsheet(const std::vector<store::DueAcknowledgement>& rows) {
  using documents::CellKind;
  documents::Sheet sheet;
  sheet.name = "Registre";
  sheet.columns = {{"Nom", 18},
                   {"Nom de naissance", 16},
                   {"Prénoms", 18},
                   {"Date de naissance", 14, CellKind::kDate},
                   {"N°", 6},
                   {"Voie", 26},
                   {"Complément", 20},
                   {"Code postal", 10},
                   {"Commune", 18},
                   {"Téléphones", 26},
                   {"Motif d'inscription", 36},
                   {"Service d'aide à domicile", 24},
                   {"Personne à prévenir", 24},
                   {"Téléphone de la personne à prévenir", 18}};
  sheet.rows.reserve(rows.size());
  for (const auto& [person, entry] : rows) {
    sheet.rows.push_back({person.last_name, person.birth_name, person.first_names, person.birth_date.value_or(""),
                          person.address_number, person.street, Complement(person), person.postcode, person.town,
                          Phones(person), std::string(GroundLabel(entry.ground)), entry.home_care_service,
                          EmergencyContact(entry), EmergencyPhone(entry)});
  }
  return documents::WriteXlsx(sheet);
}

core::Result<std::string> Pdf(const std::vector<store::DueAcknowledgement>& rows, const PrefectRequest& request) {
  documents::PdfOptions options;
  options.title = "Registre des personnes vulnérables – liste transmise au préfet";
  options.footer = "Confidentiel – CASF L.121-6-1 et R.121-2 et suivants – liste du " + FrenchDate(request.today);
  auto pdf = documents::PdfDocument::Create(options);
  if (!pdf) return core::Fail(pdf.error());
  pdf->Title("Registre des personnes vulnérables – liste transmise au préfet");
  pdf->KeyValues({{"Alerte", AlertText(request.alert)},
                  {"Destinataire", request.recipient},
                  {"Objet de la demande", request.purpose},
                  {"Établie le", FrenchDate(request.today)},
                  {"Par", request.issued_by},
                  {"Personnes inscrites", std::to_string(rows.size())}});
  pdf->Paragraph(
      "Ces informations sont couvertes par le secret professionnel. Elles ne peuvent servir qu'à "
      "l'intervention des services sanitaires et sociaux dans le cadre du plan d'alerte et d'urgence.");
  std::vector<std::vector<std::string>> table;
  table.reserve(rows.size());
  for (const auto& [person, entry] : rows) {
    std::string identity = Joined({person.last_name, person.first_names}, " ");
    if (!person.birth_name.empty()) identity += " (nom de naissance : " + person.birth_name + ")";
    if (person.birth_date) {
      if (auto date = ParseIsoDate(*person.birth_date)) identity += "\n" + FrenchDate(*date);
    }
    table.push_back({identity,
                     Joined({Joined({person.address_number, person.street}, " "), Complement(person),
                             Joined({person.postcode, person.town}, " ")},
                            "\n"),
                     Phones(person), std::string(GroundLabel(entry.ground)), entry.home_care_service,
                     Joined({EmergencyContact(entry), EmergencyPhone(entry)}, "\n")});
  }
  pdf->Table({{"Nom, prénoms, naissance", 1.4},
              {"Adresse", 1.5},
              {"Téléphones", 1.0},
              {"Motif", 1.3},
              {"Aide à domicile", 1.0},
              {"Personne à prévenir", 1.2}},
             table);
  return pdf->Finish();
}

}  // namespace

std::string_view AlertKindLabel(alerts::AlertKind kind) {
  switch (kind) {
    case alerts::AlertKind::kHeatwave:
      return "Canicule";
    case alerts::AlertKind::kCold:
      return "Grand froid";
    case alerts::AlertKind::kFlood:
      return "Inondation";
    case alerts::AlertKind::kPandemic:
      return "Pandémie";
    case alerts::AlertKind::kOther:
      break;
  }
  return "Alerte";
}

core::Result<std::string> PrefectListFile(const std::vector<store::DueAcknowledgement>& rows,
                                          const PrefectRequest& request, PrefectFormat format) {
  return format == PrefectFormat::kXlsx ? Spreadsheet(rows) : Pdf(rows, request);
}

core::Status Reauthenticate(db::Database& database, const core::Clock& clock, const auth::AuthSettings& settings,
                            std::int64_t user_id, const std::string& password,
                            const std::optional<std::string>& totp_code,
                            const std::function<void(db::Connection&, const std::string& reason)>& record_refusal) {
  const auto now = clock.Now();
  auto user = db::InReadTransaction(database, [&](db::Connection& c) { return auth::store::FindUserById(c, user_id); });
  if (!user) return Fail(ErrorCode::kUnauthenticated, "auth.not_signed_in");
  auto refuse = [&](const std::string& reason, bool counts_as_failure) {
    db::InWriteTransaction(database, [&](db::Connection& c) {
      if (counts_as_failure) {
        auth::store::RecordFailedLogin(c, user_id, settings.max_failed_logins, now + settings.lockout);
      }
      record_refusal(c, reason);
    });
  };
  if (user->locked_until > now) {
    refuse("throttled", false);
    return Fail(ErrorCode::kTooManyRequests, "auth.throttled", "",
                {{"minutes", std::to_string((user->locked_until - now + 59'999) / 60'000)}});
  }
  // The slow hash runs outside any transaction, as at sign-in.
  if (password.size() > auth::kMaxPasswordBytes || !auth::VerifyPassword(user->password_hash, password)) {
    refuse("bad_password", true);
    return Fail(ErrorCode::kInvalidInput, "register.reauth_wrong_password", "password");
  }
  if (!user->totp_enabled) return {};
  if (!totp_code || totp_code->empty()) {
    refuse("totp_required", false);
    return Fail(ErrorCode::kInvalidInput, "register.reauth_totp_required", "totp_code");
  }
  const auto step = auth::VerifyTotp(user->totp_secret.value_or(""), *totp_code, now, user->totp_last_step);
  const bool claimed = step && db::InWriteTransaction(database, [&](db::Connection& c) {
                         return auth::store::ClaimTotpStep(c, user_id, *step);
                       });
  if (!claimed) {
    refuse(step ? "replayed_totp" : "bad_totp", true);
    return Fail(ErrorCode::kInvalidInput, "auth.totp_invalid", "totp_code");
  }
  return {};
}

}  // namespace lien::registry
