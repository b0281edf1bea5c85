#include "register/retention.hpp"

#include <algorithm>

namespace lien::registry {
namespace {

constexpr core::EpochMillis kDay = 24LL * 3600 * 1000;

bool EntryEnds(const RetentionFacts& facts) {
  if (!facts.entry_state) return false;
  return *facts.entry_state == "opposed" || *facts.entry_state == "removed" || facts.status == "moved" ||
         facts.status == "deceased";
}

}  // namespace

RetentionPlan PlanRetention(const std::vector<RetentionFacts>& facts, const RetentionPolicy& policy,
                            core::EpochMillis now) {
  const core::EpochMillis follow_up_limit = now - static_cast<core::EpochMillis>(policy.follow_up_days) * kDay;
  const core::EpochMillis delivery_limit = now - static_cast<core::EpochMillis>(policy.delivery_days) * kDay;
  RetentionPlan plan;
  for (const auto& person : facts) {
    const bool entry_ends = EntryEnds(person);
    const bool live_entry = person.entry_state && !entry_ends;
    const core::EpochMillis delivered = person.last_delivery_at.value_or(person.household_created_at);
    const bool household_expires = person.has_household && delivered < delivery_limit;
    const bool household_kept = person.has_household && !household_expires;
    const core::EpochMillis contacted = person.last_contact_at.value_or(person.updated_at);
    if (!live_entry && !household_kept && contacted < follow_up_limit) {
      plan.persons.push_back(person.person_id);
      continue;
    }
    if (entry_ends) plan.register_entries.push_back(person.person_id);
    if (household_expires) plan.households.push_back(person.person_id);
  }
  std::sort(plan.register_entries.begin(), plan.register_entries.end());
  std::sort(plan.households.begin(), plan.households.end());
  std::sort(plan.persons.begin(), plan.persons.end());
  return plan;
}

}  // namespace lien::registry
