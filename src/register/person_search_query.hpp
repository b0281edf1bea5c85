#pragma once
// The persons' search filters from a query string (GET /persons and the exports, which take the same
// filters): ?q=&phone=&street=&town=&postcode=&status=&age_min=&age_max=&ground=&registered=&limit=&offset=.

#include <string>

#include "core/result.hpp"
#include "http/message.hpp"
#include "register/search.hpp"
#include "register/views.hpp"

namespace lien::registry {

/// The filters and the kinds of filter used (for the audit trail: never the text typed).
struct ParsedSearch {
  PersonQuery query;
  std::string kinds;
};

/// Reads the filters. `status` needs the situation group in `view` (403); `ground` and `registered` need a
/// designated register agent (403, register data is never a filter for others). Bad values: 400 naming the
/// parameter. `limit` is 1–100 (20 by default).
core::Result<ParsedSearch> ParseSearch(const http::Request& request, View view, bool designated, const Date& today);

}  // namespace lien::registry
