#pragma once
// Campaigns, scripts and enrolments as JSON for the routes (docs/calls.md, "HTTP API"). Weekdays travel as arrays
// of ISO numbers ([1, 3, 5]), times of day as "HH:MM", days as "YYYY-MM-DD". Readers are strict: unknown members
// are refused and every error names its field.

#include "calls/campaign_model.hpp"
#include "calls/enrolment_store.hpp"
#include "core/result.hpp"
#include "http/json_body.hpp"

namespace lien::calls {

http::Json CampaignJson(const Campaign& campaign);
http::Json QuestionsJson(const std::vector<Question>& questions);

/// Applies the members of `body` to `campaign` (a new one with its kind's defaults, or the stored one for a
/// PATCH). `creating`: `kind`, `name` and `starts_on` are required, and the kind sets the default timings and
/// frequency before the other members apply.
core::Status ApplyCampaignJson(const http::Json& body, Campaign& campaign, bool creating);

/// {"questions": [{prompt, answer_kind, choices, raises_need, raises_on}, …]}
core::Result<std::vector<Question>> QuestionsFromJson(const http::Json& body);

/// Weekdays as an array of ISO numbers; `field` names errors.
core::Result<WeekdaySet> WeekdaysFromJson(const http::Json& value, const std::string& field);
http::Json WeekdaysJson(WeekdaySet days);

/// An optional window from two members (both absent or null: none). Errors `campaigns.invalid_time` naming the
/// member, `campaigns.invalid_window` (end before start) naming the end.
core::Result<std::optional<LocalWindow>> OptionalWindowFromJson(const http::Json& body, const char* start_member,
                                                                const char* end_member);

/// An enrolment's agreement from {weekdays, window_start, window_end, frequency_days, caller_id}.
core::Result<EnrolmentAgreement> AgreementFromJson(const http::Json& body);

/// The enrolment as JSON; `person` is the person's summary, or null when unknown.
http::Json EnrolmentJson(const EnrolmentRecord& enrolment, const http::Json& person);

/// An error reply carrying the record as it is now (a 412's "current").
http::Response ErrorWithCurrent(const core::Error& error, const http::Request& request, const http::Json& current);

}  // namespace lien::calls
