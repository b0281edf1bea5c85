#pragma once
// The catalogue is split by area, one file each, so that modules built side by side do not all edit one list.
// Each file returns its lines; messages.cpp gathers them and refuses a key defined twice (messages_test).

#include <span>
#include <string_view>

namespace lien::core::catalogue {

struct Line {
  std::string_view key;
  const char* fr;
  const char* en;
};

std::span<const Line> PersonsMessages();    ///< messages_persons.cpp: persons, search, duplicates, households.
std::span<const Line> RegisterMessages();   ///< messages_register.cpp: register entries, agents, alerts, prefect.
std::span<const Line> DocumentsMessages();  ///< messages_documents.cpp: import, export, PDF and spreadsheets.
std::span<const Line> RightsMessages();     ///< messages_rights.cpp: the person's rights and retention.
std::span<const Line> CampaignsMessages();  ///< messages_campaigns.cpp: campaigns, scripts, enrolments, callers.
std::span<const Line> CallsMessages();      ///< messages_calls.cpp: worklists, calls, retries, escalations, scope.
std::span<const Line> NeedsMessages();      ///< messages_needs.cpp: needs, referrals, partners, the inbound line.

}  // namespace lien::core::catalogue
