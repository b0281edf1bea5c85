// The daily worklist planner (src/calls/worklist_planner.hpp) on a synthetic platform, deterministic for a seed:
// enrolments spread over callers, a mix of frequencies and agreed weekdays, contacts over the past week, some
// missed yesterday, some tried this morning, 8 % of callers away, capacity (3–6 minutes a call) a little short of the
// day's calls so that stand-ins, spill-over and overflow all run. Campaign 1 is a heatwave campaign and one person in
// twenty of the others is enrolled in it too (one call a day per person: the merge runs); shifts are 09:00–16:00 or
// 13:00–20:00 and windows start from 08:00, so some fit no shift (overflow "outside every shift"). Generation is
// outside the timed loop; the time is one full PlanWorklists call (time-zone tables included).
//
//   build/bench/bench/calls/worklist_bench                       # both sizes
//   build/bench/bench/calls/worklist_bench --benchmark_filter=1000000

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <vector>

#include "calls/worklist_planner.hpp"

namespace {

using namespace lien::calls;
using lien::core::EpochMillis;

constexpr EpochMillis kMinute = 60'000;
constexpr EpochMillis kHour = 60 * kMinute;
constexpr EpochMillis kDay = 24 * kHour;

/// SplitMix64: the same numbers on every machine (std distributions are not specified bit for bit).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::int64_t Below(std::int64_t bound) {
    return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(bound));
  }

 private:
  std::uint64_t state_;
};

struct Platform {
  std::chrono::local_days day{std::chrono::year{2027} / 3 / 30};  // a Tuesday
  EpochMillis now = 0;
  std::vector<Enrolment> enrolments;
  std::vector<CallerOnDuty> callers;
  std::vector<CampaignRetryPolicy> policies;
};

Platform MakePlatform(std::int64_t people, std::int64_t caller_count, std::uint64_t seed) {
  Platform platform;
  const EpochMillis midnight = ParisMidnight(platform.day);
  platform.now = midnight + 7 * kHour;  // 07:00 Paris, before the shifts
  Random random(seed);
  platform.enrolments.reserve(static_cast<std::size_t>(people + people / 16));
  for (std::int64_t index = 0; index < people; ++index) {
    Enrolment enrolment;
    enrolment.person_id = 1 + index * 7 + random.Below(7);  // ids with gaps, as after deletions
    enrolment.campaign_id = 1 + random.Below(4);
    enrolment.usual_caller_id = 1 + random.Below(caller_count);
    const auto start = static_cast<std::int16_t>(8 * 60 + 30 * random.Below(18));  // 08:00 … 16:30
    enrolment.window = LocalWindow{start, static_cast<std::int16_t>(start + 60 + 30 * random.Below(4))};
    const std::int64_t rhythm = random.Below(10);
    if (rhythm < 3) {
      enrolment.frequency_days = 0;  // on agreed weekdays (two a week)
      enrolment.agreed_weekdays =
          WeekdaySet::FromBits(static_cast<std::uint8_t>((1u << random.Below(5)) | (1u << (2 + random.Below(5)))));
    } else {
      enrolment.frequency_days = static_cast<std::int16_t>(rhythm < 5 ? 2 : rhythm < 9 ? 3 : 7);
    }
    enrolment.priority = static_cast<std::int32_t>(random.Below(16));
    if (random.Below(20) != 0)
      enrolment.last_reached_at = midnight - (1 + random.Below(7)) * kDay + random.Below(10 * 60) * kMinute + 8 * kHour;
    enrolment.missed_yesterday = random.Below(20) == 0;
    if (random.Below(25) == 0) {  // tried early this morning (re-planning), not reached
      enrolment.last_attempt_at = midnight + 6 * kHour + random.Below(60) * kMinute;
      enrolment.attempts_on_day = static_cast<std::int16_t>(1 + random.Below(3));
      enrolment.last_attempt_outcome = random.Below(3) == 0 ? CallOutcome::kBusy : CallOutcome::kNoAnswer;
    }
    if (enrolment.campaign_id == 1) enrolment.campaign_kind = CampaignKind::kHeatwave;
    platform.enrolments.push_back(enrolment);
    if (enrolment.campaign_id != 1 && random.Below(20) == 0) {  // also in the heatwave campaign
      Enrolment heatwave = enrolment;
      heatwave.campaign_id = 1;
      heatwave.campaign_kind = CampaignKind::kHeatwave;
      heatwave.frequency_days = 1;
      heatwave.agreed_weekdays = WeekdaySet{};
      platform.enrolments.push_back(heatwave);
    }
  }
  for (CallerId id = 1; id <= caller_count; ++id) {
    if (random.Below(100) < 8) continue;  // away today
    const EpochMillis shift_start = midnight + (random.Below(4) == 0 ? 13 : 9) * kHour;
    platform.callers.push_back(CallerOnDuty{.caller_id = id,
                                            .shift_start = shift_start,
                                            .shift_end = shift_start + 7 * kHour,
                                            .minutes_per_call = static_cast<std::int32_t>(3 + random.Below(4)),
                                            .max_calls = 0,
                                            .calls_made = 0});
  }
  platform.policies = {{1, DefaultRetryPolicy(CampaignKind::kHeatwave)},
                       {2, DefaultRetryPolicy(CampaignKind::kWellbeing)}};
  return platform;
}

void PlanDay(benchmark::State& state) {
  const Platform platform = MakePlatform(state.range(0), state.range(1), 1);
  const PlanRequest request{.day = platform.day,
                            .now = platform.now,
                            .enrolments = platform.enrolments,
                            .callers = platform.callers,
                            .retry_policies = platform.policies,
                            .default_retry_policy = RetryPolicy{}};
  for (auto _ : state) {
    WorklistPlan plan = PlanWorklists(request);
    benchmark::DoNotOptimize(plan);
  }
  // What the plan holds, counted outside the timed loop.
  const WorklistPlan plan = PlanWorklists(request);
  std::size_t planned = 0;
  std::size_t spilled = 0;
  std::size_t stand_ins = 0;
  for (const Worklist& list : plan.worklists) {
    planned += list.calls.size();
    for (const PlannedCall& call : list.calls) {
      spilled += call.continuity == Continuity::kSpillOver ? 1 : 0;
      stand_ins += call.continuity == Continuity::kStandIn ? 1 : 0;
    }
  }
  const std::size_t overflow = plan.overflow.size();
  std::size_t outside_every_shift = 0;
  for (const PlannedCall& call : plan.overflow) {
    outside_every_shift += call.overflow_reason == OverflowReason::kOutsideEveryShift ? 1 : 0;
  }
  state.counters["enrolments"] = static_cast<double>(platform.enrolments.size());
  state.counters["merged"] = static_cast<double>(plan.merged);
  state.counters["outside_shifts"] = static_cast<double>(outside_every_shift);
  state.counters["planned"] = static_cast<double>(planned);
  state.counters["stand_in"] = static_cast<double>(stand_ins);
  state.counters["spill_over"] = static_cast<double>(spilled);
  state.counters["overflow"] = static_cast<double>(overflow);
}

BENCHMARK(PlanDay)
    ->ArgNames({"people", "callers"})
    ->Args({100'000, 500})
    ->Args({1'000'000, 5'000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
