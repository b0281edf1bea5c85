#include "app/services.hpp"

#include "alerts/alert_routes.hpp"
#include "app/test_clock_routes.hpp"
#include "audit/routes.hpp"
#include "auth/guard.hpp"
#include "auth/routes.hpp"
#include "calls/call_routes.hpp"
#include "calls/campaign_routes.hpp"
#include "calls/escalation_routes.hpp"
#include "calls/figures_routes.hpp"
#include "calls/need_routes.hpp"
#include "db/migrations.hpp"
#include "http/json_body.hpp"
#include "register/export_routes.hpp"
#include "register/import_routes.hpp"
#include "register/person_routes.hpp"
#include "register/prefect_export_routes.hpp"
#include "register/register_agents_routes.hpp"
#include "register/register_entry_routes.hpp"
#include "register/rights_routes.hpp"

namespace lien::app {

Services OpenServices(const std::string& db_location, int pool_size, auth::AuthSettings settings, bool migrate,
                      bool test_clock) {
  Services services;
  services.database = db::Open(db_location, pool_size);
  if (migrate) db::Migrate(*services.database);
  if (test_clock) {
    auto manual = std::make_unique<core::ManualClock>(core::SystemClock().Now());
    services.test_clock = manual.get();
    services.clock = std::move(manual);
  } else {
    services.clock = std::make_unique<core::SystemClock>();
  }
  services.sessions = std::make_unique<auth::Sessions>(*services.database, *services.clock, settings);
  services.accounts = std::make_unique<auth::Accounts>(*services.database, *services.clock);
  return services;
}

namespace {

void AddOperationsRoutes(auth::ApiRoutes& routes, Services& services, http::Metrics& metrics) {
  routes.AddPublic(http::Method::kGet, "/healthz", [&services](http::Request&) {
    // A real round trip to the database: a server that cannot reach it is not healthy.
    try {
      auto connection = services.database->Acquire();
      connection->Execute("SELECT 1");
    } catch (const db::DatabaseError&) {
      auto response = http::JsonReply(503, http::Json{{"status", "unavailable"}});
      response.personal_data = false;
      return response;
    }
    auto response = http::JsonReply(200, http::Json{{"status", "ok"}});
    response.personal_data = false;
    return response;
  });
  routes.AddPublic(http::Method::kGet, "/metrics", [&metrics](http::Request&) {
    http::Response response;
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    response.body = metrics.Render();
    response.personal_data = false;
    return response;
  });
}

}  // namespace

void AddAllRoutes(http::Router& router, Services& services, http::Metrics& metrics) {
  auth::ApiRoutes routes(router, *services.sessions);
  AddOperationsRoutes(routes, services, metrics);
  auth::AddAuthRoutes(routes, *services.sessions, *services.accounts);
  audit::AddAuditRoutes(routes, *services.database, *services.clock);
  registry::AddRegisterAgentRoutes(routes, *services.database, *services.clock);
  registry::AddRegisterEntryRoutes(routes, *services.database, *services.clock);
  registry::AddPrefectExportRoutes(routes, *services.database, *services.clock);
  // Declaring an alert triggers other modules' work in the same transaction; alerts never depend on them.
  alerts::AlertHooks alert_hooks = calls::CampaignAlertHooks();
  alerts::AddAlertRoutes(routes, *services.database, *services.clock, std::move(alert_hooks));
  registry::AddPersonRoutes(routes, *services.database, *services.clock);
  registry::AddImportRoutes(routes, *services.database, *services.clock);
  registry::AddExportRoutes(routes, *services.database, *services.clock);
  registry::AddRightsRoutes(routes, *services.database, *services.clock);
  registry::AddRetentionRoutes(routes, *services.database, *services.clock, services.retention);
  calls::AddFiguresRoutes(routes, *services.database, *services.clock);
  calls::AddNeedRoutes(routes, *services.database, *services.clock);
  calls::AddPartnerRoutes(routes, *services.database, *services.clock);
  calls::AddInboundRoutes(routes, *services.database, *services.clock);
  calls::AddCampaignRoutes(routes, *services.database, *services.clock);
  calls::AddEnrolmentRoutes(routes, *services.database, *services.clock);
  calls::AddCallerRosterRoutes(routes, *services.database, *services.clock);
  calls::AddFollowUpProfileRoutes(routes, *services.database, *services.clock);
  calls::AddCallingRoutes(routes, *services.database, *services.clock);
  if (services.test_clock != nullptr) AddTestClockRoutes(routes, *services.test_clock);
  calls::AddEscalationRoutes(routes, *services.database, *services.clock);
}

}  // namespace lien::app
