#include "register/prefect_export_routes.hpp"

#include "alerts/alerts.hpp"
#include "audit/trail.hpp"
#include "auth/audit_events.hpp"
#include "core/crypto.hpp"
#include "http/json_body.hpp"
#include "register/prefect_export.hpp"
#include "register/register_agents_routes.hpp"

namespace lien::registry {
namespace {

using http::Json;
using http::Request;
using http::Response;

Response Error(const core::Error& error, const Request& request) { return http::ErrorResponse(error, request); }

struct ExportInput {
  std::int64_t alert_id = 0;
  std::string recipient;
  std::string purpose;
  PrefectFormat format = PrefectFormat::kXlsx;
  std::string password;
  std::optional<std::string> totp_code;
};

core::Result<ExportInput> ReadInput(const Request& request) {
  auto body = http::ParseJsonObject(request);
  if (!body) return core::Fail(body.error());
  if (auto only = http::OnlyFields(*body, {"alert_id", "recipient", "purpose", "format", "password", "totp_code"});
      !only) {
    return core::Fail(only.error());
  }
  ExportInput input;
  const auto alert = body->find("alert_id");
  if (alert == body->end() || alert->is_null()) {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.required", "alert_id");
  }
  // The web form sends ids as strings, scripts as numbers: both are accepted.
  if (alert->is_number_integer()) {
    input.alert_id = alert->get<std::int64_t>();
  } else if (alert->is_string() && !alert->get<std::string>().empty() &&
             alert->get<std::string>().find_first_not_of("0123456789") == std::string::npos &&
             alert->get<std::string>().size() < 16) {
    input.alert_id = std::stoll(alert->get<std::string>());
  } else {
    return core::Fail(core::ErrorCode::kInvalidInput, "validation.type", "alert_id");
  }
  auto recipient = http::RequiredString(*body, "recipient", 200);
  if (!recipient) return core::Fail(recipient.error());
  auto purpose = http::RequiredString(*body, "purpose", 500);
  if (!purpose) return core::Fail(purpose.error());
  auto format = http::RequiredString(*body, "format", 8);
  if (!format) return core::Fail(format.error());
  if (*format != "xlsx" && *format != "pdf") {
    return core::Fail(core::ErrorCode::kInvalidInput, "register.invalid_export_format", "format");
  }
  auto password = http::RequiredString(*body, "password", 1024);
  if (!password) return core::Fail(password.error());
  auto totp = http::OptionalString(*body, "totp_code", 16);
  if (!totp) return core::Fail(totp.error());
  input.recipient = std::move(*recipient);
  input.purpose = std::move(*purpose);
  input.format = *format == "xlsx" ? PrefectFormat::kXlsx : PrefectFormat::kPdf;
  input.password = std::move(*password);
  input.totp_code = std::move(*totp);
  return input;
}

audit::Event ExportEvent(const auth::Principal& principal, const Request& request, const ExportInput& input) {
  auto event = auth::EventBy(principal.user, auth::InfoOf(request), "register.prefect_export", "alert",
                             std::to_string(input.alert_id), "register");
  event.details = {{"alert_id", std::to_string(input.alert_id)},
                   {"recipient", input.recipient},
                   {"purpose", input.purpose},
                   {"format", input.format == PrefectFormat::kXlsx ? "xlsx" : "pdf"}};
  return event;
}

std::string FileName(const Date& today, std::int64_t alert_id, PrefectFormat format) {
  return "registre-personnes-vulnerables-prefet-" + IsoDate(today) + "-alerte-" + std::to_string(alert_id) +
         (format == PrefectFormat::kXlsx ? ".xlsx" : ".pdf");
}

}  // namespace

void AddPrefectExportRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock) {
  const auth::AuthSettings settings = routes.sessions().settings();
  routes.Add(
      http::Method::kPost, "/api/v1/register/prefect-export", auth::Permission::kRegisterPrefectExport,
      [&database, &clock, settings](const auth::Principal& principal, Request& request) -> Response {
        auto input = ReadInput(request);
        if (!input) return Error(input.error(), request);
        if (auto agent = CheckRegisterAgent(database, clock, principal, request); !agent) {
          return Error(agent.error(), request);
        }
        auto refused = [&](db::Connection& c, const std::string& reason) {
          auto event = ExportEvent(principal, request, *input);
          event.outcome = "refused";
          event.details["reason"] = reason;
          audit::Append(c, clock.Now(), event);
        };
        auto refuse = [&](const core::Error& error) {
          db::InWriteTransaction(database, [&](db::Connection& c) { refused(c, error.message_key); });
          return Error(error, request);
        };
        // The alert first: without an open alert plan there is nothing to confirm.
        auto alert = db::InReadTransaction(
            database, [&](db::Connection& c) { return alerts::RequireOpenAlert(c, input->alert_id); });
        if (!alert) return refuse(alert.error());
        if (auto confirmed = Reauthenticate(database, clock, settings, principal.user.id, input->password,
                                            input->totp_code, refused);
            !confirmed) {
          return Error(confirmed.error(), request);
        }
        const auto now = clock.Now();
        auto rows = db::InReadTransaction(database, [](db::Connection& c) { return store::RegisteredForPrefect(c); });
        const PrefectRequest described{*alert, input->recipient, input->purpose, principal.user.display_name,
                                       DayOf(now)};
        auto file = PrefectListFile(rows, described, input->format);
        if (!file) return refuse(file.error());
        const std::string checksum = core::Sha256Hex(*file);
        // The alert may have ended while the file was written: checked again where the export is recorded.
        auto recorded = db::InWriteTransaction(database, [&](db::Connection& c) -> core::Status {
          if (auto still = alerts::RequireOpenAlert(c, input->alert_id); !still) return core::Fail(still.error());
          auto event = ExportEvent(principal, request, *input);
          event.details["rows"] = std::to_string(rows.size());
          event.details["sha256"] = checksum;
          audit::Append(c, now, event);
          return {};
        });
        if (!recorded) return refuse(recorded.error());
        Response response;
        response.content_type = input->format == PrefectFormat::kXlsx
                                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                    : "application/pdf";
        response.body = std::move(*file);
        response.SetHeader("Content-Disposition",
                           "attachment; filename=\"" + FileName(DayOf(now), input->alert_id, input->format) + "\"");
        response.SetHeader("X-Content-SHA256", checksum);
        response.SetHeader("X-Row-Count", std::to_string(rows.size()));
        return response;
      });
}

}  // namespace lien::registry
