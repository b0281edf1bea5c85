#pragma once
// How long the register keeps what (docs/register.md, "One person, three purposes"): plain rules on the facts
// the store reads, so that they can be tested with a clock the test controls.
//  - register: an entry ends at removal or opposition, or when the person moved or died: the row goes;
//  - delivery: a household goes `delivery_days` after its last delivery (after its creation if none);
//  - follow-up: a person goes `follow_up_days` after the last contact (persons.last_contact_at; the last
//    change of the record when never contacted), unless a live register entry or a household kept holds them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace lien::registry {

struct RetentionPolicy {
  int follow_up_days = 730;  ///< CNIL 2023-095: two years after the last contact
  int delivery_days = 730;   ///< two years after the last delivery
};

/// What the store knows of one person for retention.
struct RetentionFacts {
  std::int64_t person_id = 0;
  std::string status;                      ///< persons.status: active, away, in_hospital, moved, deceased
  std::optional<std::string> entry_state;  ///< register_entries.state, when there is an entry
  bool has_household = false;
  std::optional<core::EpochMillis> last_delivery_at;  ///< households.last_delivery_at
  core::EpochMillis household_created_at = 0;
  std::optional<core::EpochMillis> last_contact_at;  ///< persons.last_contact_at
  core::EpochMillis updated_at = 0;                  ///< persons.updated_at
};

/// What is past its time, by person id, each list sorted.
struct RetentionPlan {
  std::vector<std::int64_t> register_entries;  ///< entries to delete (the person stays, for now)
  std::vector<std::int64_t> households;        ///< households to delete
  std::vector<std::int64_t> persons;           ///< persons to erase with everything they hold

  bool Empty() const { return register_entries.empty() && households.empty() && persons.empty(); }
};

/// Applies the rules at `now`. A person erased is not listed again under entries or households.
RetentionPlan PlanRetention(const std::vector<RetentionFacts>& facts, const RetentionPolicy& policy,
                            core::EpochMillis now);

}  // namespace lien::registry
