#pragma once
// Rows for the figures' tests (store unit test and API test), written straight in SQL with only the columns
// the figures read: the other parts' stores check workflows the figures do not depend on. Test code only.

#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"

namespace lien::calls::figures_test {

inline db::Value Optional(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

inline std::int64_t AddPerson(db::Connection& c, const std::string& last_name) {
  return c
      .QueryOne(
          "INSERT INTO persons (last_name, first_names, town, town_key, status, name_key, created_at, updated_at) "
          "VALUES (?, 'Jeanne', 'Amiens', 'amiens', 'active', ?, 0, 0) RETURNING id",
          {last_name, last_name})
      ->Int(0);
}

inline std::int64_t AddCampaign(db::Connection& c, const std::string& name, const std::string& status,
                                const std::string& starts_on, const std::optional<std::string>& ends_on) {
  return c
      .QueryOne(
          "INSERT INTO campaigns (name, kind, status, starts_on, ends_on, retry_delay_minutes, max_attempts_per_day, "
          "escalation_hours, escalation_min_attempts, created_at, updated_at) "
          "VALUES (?, 'wellbeing', ?, ?, ?, 60, 3, 48, 2, 0, 0) RETURNING id",
          {name, status, starts_on, ends_on ? db::Value(*ends_on) : db::Value(std::monostate{})})
      ->Int(0);
}

inline std::int64_t Enrol(db::Connection& c, std::int64_t campaign, std::int64_t person, std::int64_t enrolled_at,
                          std::optional<std::int64_t> last_reached_at, const std::string& state = "active") {
  return c
      .QueryOne(
          "INSERT INTO enrolments (campaign_id, person_id, state, source, enrolled_at, last_reached_at) "
          "VALUES (?, ?, ?, 'manual', ?, ?) RETURNING id",
          {campaign, person, state, enrolled_at, Optional(last_reached_at)})
      ->Int(0);
}

inline std::int64_t AddCall(db::Connection& c, std::optional<std::int64_t> enrolment,
                            std::optional<std::int64_t> campaign, std::int64_t person, const std::string& outcome,
                            std::int64_t started_at) {
  return c
      .QueryOne(
          "INSERT INTO calls (enrolment_id, campaign_id, person_id, outcome, started_at, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {Optional(enrolment), Optional(campaign), person, outcome, started_at, started_at})
      ->Int(0);
}

inline std::int64_t AddEscalation(db::Connection& c, std::int64_t enrolment, std::int64_t campaign, std::int64_t person,
                                  std::int64_t raised_at, std::optional<std::int64_t> closed_at) {
  return c
      .QueryOne(
          "INSERT INTO escalations (enrolment_id, campaign_id, person_id, state, open_key, raised_at, reason, "
          "closed_at) VALUES (?, ?, ?, ?, ?, ?, 'not_reached', ?) RETURNING id",
          {enrolment, campaign, person, closed_at ? "closed" : "open",
           closed_at ? db::Value(std::monostate{}) : db::Value(enrolment), raised_at, Optional(closed_at)})
      ->Int(0);
}

inline std::int64_t AddNeed(db::Connection& c, std::int64_t person, const std::string& state, std::int64_t created_at) {
  return c
      .QueryOne(
          "INSERT INTO needs (person_id, source, kind, urgency, state, created_at) "
          "VALUES (?, 'follow_up', 'meals', 'low', ?, ?) RETURNING id",
          {person, state, created_at})
      ->Int(0);
}

inline std::int64_t AddReferral(db::Connection& c, std::int64_t person, const std::string& service,
                                const std::string& state, std::int64_t created_at) {
  return c
      .QueryOne(
          "INSERT INTO referrals (person_id, service, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
          "RETURNING id",
          {person, service, state, created_at, created_at})
      ->Int(0);
}

}  // namespace lien::calls::figures_test
