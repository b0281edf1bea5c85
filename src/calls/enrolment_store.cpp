#include "calls/enrolment_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "calls/caller_roster_store.hpp"
#include "calls/campaign_values.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr const char* kEnrolmentColumns =
    "id, campaign_id, person_id, state, source, caller_id, weekdays, window_start, window_end, frequency_days, "
    "priority, last_call_worrying, enrolled_at, enrolled_by, ended_at, last_attempt_at, last_reached_at, version";

constexpr std::size_t kInsertChunk = 200;

EnrolmentRecord ReadEnrolment(const db::Row& row) {
  EnrolmentRecord record;
  record.id = row.Int(0);
  record.campaign_id = row.Int(1);
  record.person_id = row.Int(2);
  record.state = row.Text(3);
  record.source = row.Text(4);
  record.caller_id = row.OptInt(5);
  record.agreement.weekdays = ParseIsoWeekdays(row.Text(6)).value_or(WeekdaySet{});
  record.agreement.window = ParseLocalWindow(row.Text(7), row.Text(8));
  record.agreement.frequency_days = static_cast<std::int16_t>(row.Int(9));
  record.priority = static_cast<std::int32_t>(row.Int(10));
  record.last_call_worrying = row.Bool(11);
  record.enrolled_at = row.Int(12);
  record.enrolled_by = row.OptInt(13);
  record.ended_at = row.OptInt(14);
  record.last_attempt_at = row.OptInt(15);
  record.last_reached_at = row.OptInt(16);
  record.version = row.Int(17);
  return record;
}

db::Value Optional(const std::optional<std::int64_t>& value) {
  return value ? db::Value(*value) : db::Value(std::monostate{});
}

bool Gone(registry::PersonStatus status) {
  return status == registry::PersonStatus::kMoved || status == registry::PersonStatus::kDeceased;
}

// The campaign's own days, window and frequency: the last level of ScheduleOf.
ScheduleLevel CampaignLevel(db::Connection& connection, CampaignId campaign_id) {
  const auto row = connection.QueryOne(
      "SELECT weekdays, window_start, window_end, frequency_days FROM campaigns WHERE id = ?", {campaign_id});
  return row ? ScheduleLevelFromText(row->Text(0), row->Text(1), row->Text(2), row->Int(3)) : ScheduleLevel{};
}

// The preferred days and window of the follow-up profiles that state some (of one person, or of everyone).
std::map<PersonId, ScheduleLevel> Preferences(db::Connection& connection, std::optional<PersonId> person) {
  std::string sql =
      "SELECT person_id, preferred_weekdays, preferred_window_start, preferred_window_end FROM follow_up_profiles "
      "WHERE ";
  std::vector<db::Value> params;
  if (person) {
    sql += "person_id = ?";
    params.emplace_back(*person);
  } else {
    sql += "(preferred_weekdays <> '' OR preferred_window_start <> '')";
  }
  std::map<PersonId, ScheduleLevel> preferences;
  for (const auto& row : connection.Execute(sql, params).rows) {
    preferences[row.Int(0)] = ScheduleLevelFromText(row.Text(1), row.Text(2), row.Text(3), 0);
  }
  return preferences;
}

// The days and window a person is called on under an agreement (ScheduleOf: the agreement, their preference,
// the campaign's).
EffectiveSchedule ScheduleUnder(db::Connection& connection, CampaignId campaign_id, PersonId person_id,
                                const ScheduleLevel& agreement) {
  const auto preferences = Preferences(connection, person_id);
  const auto preference = preferences.find(person_id);
  return ScheduleOf(agreement, preference == preferences.end() ? ScheduleLevel{} : preference->second,
                    CampaignLevel(connection, campaign_id));
}

// The usual caller an enrolment gets (docs/calls.md, "Usual caller"): the one asked for, who must be able to call
// and whose duty must ever cover the person's days and window; else `current` unless their duty no longer covers
// them (a caller off the roster for now keeps their people: absences are the planner's stand-ins); else the least
// loaded caller who covers them; else none, and the planner chooses one on the day, which the plan then keeps.
core::Result<std::optional<CallerId>> UsualCallerFor(db::Connection& connection, PersonId person_id,
                                                     const std::optional<CallerId>& requested,
                                                     const std::optional<CallerId>& current,
                                                     const EffectiveSchedule& schedule) {
  const auto loads = LoadCallerLoads(connection);
  const auto load_of = [&](CallerId id) -> const CallerLoad* {
    const auto found = std::find_if(loads.begin(), loads.end(), [&](const CallerLoad& l) { return l.caller_id == id; });
    return found == loads.end() ? nullptr : &*found;
  };
  if (requested) {
    const CallerLoad* load = load_of(*requested);
    if (load == nullptr) return Fail(ErrorCode::kInvalidInput, "enrolments.caller_not_allowed", "caller_id");
    if (!DutyCovers(*load, schedule.weekdays, schedule.window)) {
      return Fail(ErrorCode::kInvalidInput, "enrolments.caller_outside_window", "caller_id");
    }
    return requested;
  }
  if (current) {
    const CallerLoad* load = load_of(*current);
    if (load == nullptr || DutyCovers(*load, schedule.weekdays, schedule.window)) return current;
  }
  const std::vector<PersonSchedule> one{{person_id, schedule.weekdays, schedule.window}};
  const CallerId assigned = AssignUsualCallers(loads, one).front();
  return assigned == kNoCaller ? std::optional<CallerId>{} : std::optional<CallerId>(assigned);
}

std::vector<db::Value> AgreementValues(const ScheduleLevel& schedule) {
  return {FormatIsoWeekdays(schedule.weekdays),
          schedule.window ? FormatTimeOfDay(schedule.window->start_minute) : std::string(),
          schedule.window ? FormatTimeOfDay(schedule.window->end_minute) : std::string(),
          std::int64_t{schedule.frequency_days}};
}

void RecomputePriorities(db::Connection& connection, const char* where, std::int64_t id) {
  const auto rows =
      connection
          .Execute(std::string("SELECT e.id, e.priority, COALESCE(f.lives_alone, 0), COALESCE(f.no_family, 0), "
                               "(SELECT COUNT(*) FROM needs n WHERE n.person_id = e.person_id AND n.state = 'open'), "
                               "e.last_call_worrying FROM enrolments e "
                               "LEFT JOIN follow_up_profiles f ON f.person_id = e.person_id "
                               "WHERE e.state = 'active' AND ") +
                       where,
                   {id})
          .rows;
  for (const auto& row : rows) {
    const auto priority = EnrolmentPriority(PriorityFacts{.lives_alone = row.Bool(2),
                                                          .no_family = row.Bool(3),
                                                          .open_needs = static_cast<std::int32_t>(row.Int(4)),
                                                          .last_call_worrying = row.Bool(5)});
    // Not a change of the agreement: the version stays, so a coordinator's edit does not fail on it.
    if (priority != row.Int(1)) {
      connection.Execute("UPDATE enrolments SET priority = ? WHERE id = ?", {std::int64_t{priority}, row.Int(0)});
    }
  }
}

}  // namespace

std::vector<PersonId> ResolveTarget(db::Connection& connection, const Campaign& campaign,
                                    std::chrono::local_days today) {
  const CampaignTarget& target = campaign.target;
  std::set<PersonId> chosen;
  if (target.HasCriteria()) {
    registry::PersonSelection selection;
    selection.statuses = {registry::PersonStatus::kActive, registry::PersonStatus::kAway,
                          registry::PersonStatus::kInHospital};
    selection.age_min = target.age_min;
    selection.age_max = target.age_max;
    selection.today = std::chrono::year_month_day{today};
    selection.postcodes = target.postcodes;
    selection.towns = target.towns;
    selection.streets = target.streets;
    selection.registered_only = target.register_persons;
    selection.grounds = target.grounds;
    auto ids = registry::SelectPersonIds(connection, selection);
    if (target.lives_alone) {
      std::set<PersonId> alone;
      for (const auto& row :
           connection.Execute("SELECT person_id FROM follow_up_profiles WHERE lives_alone = 1").rows) {
        alone.insert(row.Int(0));
      }
      std::erase_if(ids, [&](PersonId id) { return !alone.contains(id); });
    }
    chosen.insert(ids.begin(), ids.end());
  }
  if (!target.persons.empty()) {
    for (const auto& person : registry::LoadPersons(connection, target.persons)) {
      if (!Gone(person.status)) chosen.insert(person.id);
    }
  }
  return {chosen.begin(), chosen.end()};
}

std::vector<PersonId> EnrolPersons(db::Connection& connection, CampaignId campaign_id,
                                   const std::vector<PersonId>& persons, std::string_view source,
                                   std::optional<std::int64_t> actor, core::EpochMillis now) {
  std::set<PersonId> existing;
  for (const auto& row :
       connection.Execute("SELECT person_id FROM enrolments WHERE campaign_id = ?", {campaign_id}).rows) {
    existing.insert(row.Int(0));
  }
  std::set<PersonId> fresh_set;
  for (PersonId id : persons) {
    if (!existing.contains(id)) fresh_set.insert(id);
  }
  const std::vector<PersonId> fresh(fresh_set.begin(), fresh_set.end());
  // Each newcomer goes to a caller whose duty covers the days and window they will be called on.
  const ScheduleLevel campaign = CampaignLevel(connection, campaign_id);
  const auto preferences = fresh.empty() ? std::map<PersonId, ScheduleLevel>{} : Preferences(connection, std::nullopt);
  std::vector<PersonSchedule> schedules;
  schedules.reserve(fresh.size());
  for (const PersonId id : fresh) {
    const auto preference = preferences.find(id);
    const auto schedule =
        ScheduleOf({}, preference == preferences.end() ? ScheduleLevel{} : preference->second, campaign);
    schedules.push_back(PersonSchedule{id, schedule.weekdays, schedule.window});
  }
  const auto callers = AssignUsualCallers(LoadCallerLoads(connection), schedules);
  for (std::size_t begin = 0; begin < fresh.size(); begin += kInsertChunk) {
    const std::size_t end = std::min(fresh.size(), begin + kInsertChunk);
    std::string sql =
        "INSERT INTO enrolments (campaign_id, person_id, state, source, caller_id, enrolled_at, enrolled_by, version) "
        "VALUES ";
    std::vector<db::Value> params;
    for (std::size_t i = begin; i < end; ++i) {
      sql += i == begin ? "(?, ?, 'active', ?, ?, ?, ?, 1)" : ", (?, ?, 'active', ?, ?, ?, ?, 1)";
      params.insert(params.end(), {db::Value(campaign_id), db::Value(fresh[i]), db::Value(std::string(source)),
                                   callers[i] == kNoCaller ? db::Value(std::monostate{}) : db::Value(callers[i]),
                                   db::Value(now), Optional(actor)});
    }
    // Two enrolments racing (an alert and a refresh): the unique key keeps one, the other does nothing.
    connection.Execute(sql + " ON CONFLICT (campaign_id, person_id) DO NOTHING", params);
  }
  RecomputeCampaignPriorities(connection, campaign_id);
  return fresh;
}

core::Result<EnrolmentRecord> AddEnrolment(db::Connection& connection, CampaignId campaign_id, PersonId person_id,
                                           const EnrolmentAgreement& agreement, std::optional<std::int64_t> actor,
                                           core::EpochMillis now) {
  const auto persons = registry::LoadPersons(connection, {person_id});
  if (persons.empty()) return Fail(ErrorCode::kNotFound, "enrolments.unknown_person", "person_id");
  if (Gone(persons.front().status)) return Fail(ErrorCode::kConflict, "enrolments.person_gone", "person_id");
  auto existing = connection.QueryOne(
      std::string("SELECT ") + kEnrolmentColumns + " FROM enrolments WHERE campaign_id = ? AND person_id = ?",
      {campaign_id, person_id});
  // Continuity: someone taken back returns to the caller they had, if that caller still covers their window.
  const auto caller =
      UsualCallerFor(connection, person_id, agreement.caller_id, existing ? existing->OptInt(5) : std::nullopt,
                     ScheduleUnder(connection, campaign_id, person_id, agreement.schedule));
  if (!caller) return Fail(caller.error());
  auto values = AgreementValues(agreement.schedule);
  values.insert(values.end(), {Optional(*caller), db::Value(now), Optional(actor)});
  if (existing) {
    if (existing->Text(3) == kEnrolmentActive) {
      return Fail(ErrorCode::kConflict, "enrolments.already_enrolled", "person_id");
    }
    values.emplace_back(existing->Int(0));
    connection.Execute(
        "UPDATE enrolments SET weekdays = ?, window_start = ?, window_end = ?, frequency_days = ?, caller_id = ?, "
        "enrolled_at = ?, enrolled_by = ?, state = 'active', source = 'manual', ended_at = NULL, "
        "version = version + 1 WHERE id = ?",
        values);
  } else {
    values.insert(values.begin(), {db::Value(campaign_id), db::Value(person_id)});
    connection.Execute(
        "INSERT INTO enrolments (campaign_id, person_id, weekdays, window_start, window_end, frequency_days, "
        "caller_id, "
        "enrolled_at, enrolled_by, state, source, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 'manual', 1)",
        values);
  }
  auto row = connection.QueryOne(std::string("SELECT id FROM enrolments WHERE campaign_id = ? AND person_id = ?"),
                                 {campaign_id, person_id});
  RecomputePriorities(connection, "e.id = ?", row->Int(0));
  return *LoadEnrolment(connection, row->Int(0));
}

core::Result<EnrolmentRecord> UpdateEnrolment(db::Connection& connection, CampaignId campaign_id,
                                              std::int64_t enrolment_id, const EnrolmentAgreement& agreement,
                                              std::int64_t expected_version) {
  auto current = LoadEnrolment(connection, enrolment_id);
  if (!current || current->campaign_id != campaign_id) return Fail(ErrorCode::kNotFound, "enrolments.not_found");
  if (current->version != expected_version) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  // The usual caller stays unless the new days or window are ones their duty never covers.
  const auto caller = UsualCallerFor(connection, current->person_id, agreement.caller_id, current->caller_id,
                                     ScheduleUnder(connection, campaign_id, current->person_id, agreement.schedule));
  if (!caller) return Fail(caller.error());
  auto values = AgreementValues(agreement.schedule);
  values.insert(values.end(), {Optional(*caller), db::Value(enrolment_id), db::Value(expected_version)});
  const auto changed = connection.Execute(
      "UPDATE enrolments SET weekdays = ?, window_start = ?, window_end = ?, frequency_days = ?, caller_id = ?, "
      "version = version + 1 WHERE id = ? AND version = ?",
      values);
  if (changed.affected_rows != 1) return Fail(ErrorCode::kPreconditionFailed, "http.precondition_failed");
  return *LoadEnrolment(connection, enrolment_id);
}

core::Result<EnrolmentRecord> RemoveEnrolment(db::Connection& connection, CampaignId campaign_id,
                                              std::int64_t enrolment_id, core::EpochMillis now) {
  auto current = LoadEnrolment(connection, enrolment_id);
  if (!current || current->campaign_id != campaign_id) return Fail(ErrorCode::kNotFound, "enrolments.not_found");
  connection.Execute(
      "UPDATE enrolments SET state = 'removed', ended_at = ?, version = version + 1 WHERE id = ? AND state = 'active'",
      {now, enrolment_id});
  return *LoadEnrolment(connection, enrolment_id);
}

std::int64_t EndEnrolments(db::Connection& connection, CampaignId campaign_id, core::EpochMillis now) {
  return connection
      .Execute(
          "UPDATE enrolments SET state = 'ended', ended_at = ?, version = version + 1 "
          "WHERE campaign_id = ? AND state = 'active'",
          {now, campaign_id})
      .affected_rows;
}

std::optional<EnrolmentRecord> LoadEnrolment(db::Connection& connection, std::int64_t enrolment_id) {
  auto row =
      connection.QueryOne(std::string("SELECT ") + kEnrolmentColumns + " FROM enrolments WHERE id = ?", {enrolment_id});
  if (!row) return std::nullopt;
  return ReadEnrolment(*row);
}

EnrolmentPage ListEnrolments(db::Connection& connection, CampaignId campaign_id, bool include_ended, int limit,
                             int offset) {
  const std::string where =
      std::string(" FROM enrolments WHERE campaign_id = ?") + (include_ended ? "" : " AND state = 'active'");
  EnrolmentPage page;
  page.total = connection.QueryOne("SELECT COUNT(*)" + where, {campaign_id})->Int(0);
  for (const auto& row : connection
                             .Execute(std::string("SELECT ") + kEnrolmentColumns + where +
                                          " ORDER BY priority DESC, person_id LIMIT ? OFFSET ?",
                                      {campaign_id, std::int64_t{limit}, std::int64_t{offset}})
                             .rows) {
    page.items.push_back(ReadEnrolment(row));
  }
  return page;
}

void RecomputeCampaignPriorities(db::Connection& connection, CampaignId campaign_id) {
  RecomputePriorities(connection, "e.campaign_id = ?", campaign_id);
}

void RecomputePersonPriorities(db::Connection& connection, PersonId person_id) {
  RecomputePriorities(connection, "e.person_id = ?", person_id);
}

}  // namespace lien::calls
