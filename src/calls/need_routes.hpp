#pragma once
// The HTTP routes of needs, referrals, situations followed, partners and the inbound line (docs/calls.md).

#include "auth/guard.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace lien::calls {

/// Needs, referrals and situations (need_routes.cpp), partners and the partner's own page (partner_routes.cpp),
/// the inbound line (inbound_routes.cpp).
void AddNeedRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
void AddPartnerRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);
void AddInboundRoutes(auth::ApiRoutes& routes, db::Database& database, const core::Clock& clock);

}  // namespace lien::calls
