#include "calls/scope_store.hpp"

#include "calls/agreed_window.hpp"
#include "calls/schedule_text.hpp"

namespace lien::calls {

bool CallerMayRead(db::Connection& connection, std::int64_t user_id, std::int64_t person_id, core::EpochMillis now) {
  const auto today = ParisDayOf(now);
  const std::string from = FormatCalendarDay(today - std::chrono::days{kScopeDays});
  const std::string to = FormatCalendarDay(today);
  return connection
      .QueryOne(
          "SELECT 1 WHERE EXISTS (SELECT 1 FROM worklist_items WHERE caller_id = ? AND person_id = ? AND day >= ? AND "
          "day <= ?) OR EXISTS (SELECT 1 FROM enrolments WHERE caller_id = ? AND person_id = ? AND state = 'active') "
          "OR EXISTS (SELECT 1 FROM break_glass_grants WHERE user_id = ? AND person_id = ? AND expires_at > ?)",
          {user_id, person_id, from, to, user_id, person_id, user_id, person_id, now})
      .has_value();
}

}  // namespace lien::calls
