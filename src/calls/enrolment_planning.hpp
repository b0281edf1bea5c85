#pragma once
// What the daily plan reads from storage (docs/calls.md, "Daily worklists"): the scheduler's inputs for a Paris
// day, built from enrolments, campaigns, follow-up profiles, the day's calls and yesterday's worklist. The
// calling part plans with these (calls::PlanWorklists) and stores the lists; nothing here writes.
//
// An enrolment is planned when it is active, its campaign is active and the day falls in the campaign's period,
// and the person is neither moved nor deceased. Its days, window and frequency are ScheduleOf(enrolment, the
// person's preference, the campaign) (enrolment_rules.hpp).

#include <chrono>
#include <cstdint>
#include <vector>

#include "calls/schedule_model.hpp"
#include "db/database.hpp"

namespace lien::calls {

struct PlanningEnrolments {
  std::vector<Enrolment> enrolments{};                ///< the planner's input, by enrolment id
  std::vector<std::int64_t> enrolment_ids{};          ///< enrolment_ids[i] is the row of enrolments[i]
  std::vector<CampaignRetryPolicy> retry_policies{};  ///< one per active campaign (RetryPolicyOf)
};

/// The active enrolments for `day`, with what the calls of the day say: attempts_on_day and the last outcome
/// from the `calls` rows of the person (under any campaign) started that Paris day, last_attempt_at the later of the
/// enrolment's and those calls', missed_yesterday when yesterday's worklist item is still `pending` or `failed` and the
/// person was not reached since. Read-only: usable in a read transaction.
PlanningEnrolments LoadActiveEnrolmentsForPlanning(db::Connection& connection, std::chrono::local_days day);

}  // namespace lien::calls
