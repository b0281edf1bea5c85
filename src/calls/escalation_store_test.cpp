// The escalation sweep and workflow on real databases (SQLite, and PostgreSQL when LIEN_TEST_POSTGRES_URL is set):
// what the SQL counts as attempts, the guard against a second open escalation, and what an outcome changes.

#include "calls/escalation_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "audit/trail.hpp"
#include "calls/call_store.hpp"
#include "calls/escalation_actions.hpp"
#include "calls/escalation_sweep.hpp"
#include "calls/worklist_store.hpp"
#include "db/test_databases.hpp"
#include "register/person_store.hpp"

namespace lien::calls {
namespace {

constexpr core::EpochMillis kHour = 3'600'000;
constexpr core::EpochMillis kEnrolled = 1'782'000'000'000;  // June 2026

class EscalationStore : public ::testing::TestWithParam<db::Dialect> {
 protected:
  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  void SetUp() override {
    files_ = db::testing::TestDatabase::Create(GetParam());
    if (!files_) GTEST_SKIP() << "PostgreSQL not available: set LIEN_TEST_POSTGRES_URL";
    database_ = files_->OpenMigrated(4);
    coordinator_ = AddUser("claire.coord", "coordinator");
    caller_ = AddUser("julie.caller", "caller");
    campaign_ = Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO campaigns (name, kind, status, starts_on, retry_delay_minutes, max_attempts_per_day, "
              "escalation_hours, escalation_min_attempts, created_at, updated_at) "
              "VALUES ('Canicule 2026', 'heatwave', 'active', '2026-06-20', 60, 3, 48, 3, ?, ?) RETURNING id",
              {kEnrolled, kEnrolled})
          ->Int(0);
    });
  }

  std::int64_t AddUser(const std::string& login, const std::string& role) {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, created_at, "
              "updated_at) VALUES (?, ?, ?, 'x', 0, 0, 0) RETURNING id",
              {login, "Agent " + login, role})
          ->Int(0);
    });
  }

  std::int64_t AddPerson(const std::string& last_name) {
    registry::Person person;
    person.last_name = last_name;
    person.first_names = "Jeanne";
    person.phones.push_back({"+33322000001", "fixe"});
    return Write(
        [&](db::Connection& c) { return registry::InsertPerson(c, person, registry::ChangeAuthor{}, kEnrolled); });
  }

  std::int64_t Enrol(std::int64_t person, std::optional<std::int64_t> campaign = std::nullopt) {
    return Write([&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO enrolments (campaign_id, person_id, state, source, enrolled_at) "
              "VALUES (?, ?, 'active', 'target', ?) RETURNING id",
              {campaign.value_or(campaign_), person, kEnrolled})
          ->Int(0);
    });
  }

  void AddCalls(std::int64_t enrolment, std::int64_t person, int count, core::EpochMillis from,
                const std::string& outcome = "no_answer") {
    Write([&](db::Connection& c) {
      for (int i = 0; i < count; ++i) {
        c.Execute(
            "INSERT INTO calls (enrolment_id, campaign_id, person_id, caller_id, outcome, started_at, created_at) "
            "VALUES (?, (SELECT campaign_id FROM enrolments WHERE id = ?), ?, ?, ?, ?, ?)",
            {enrolment, enrolment, person, caller_, outcome, from + i * kHour, from + i * kHour});
      }
    });
  }

  std::optional<SweepReport> Sweep(core::EpochMillis now, SweepWait wait = SweepWait::kWait) {
    audit::Event actor;
    actor.actor_login = "system";
    actor.actor_role = "system";
    return SweepEscalations(*database_, now, actor, wait);
  }

  std::int64_t Count(const std::string& sql) {
    return Write([&](db::Connection& c) { return c.QueryOne(sql)->Int(0); });
  }

  EscalationActor Coordinator() const { return EscalationActor{coordinator_, "claire.coord", true}; }

  std::unique_ptr<db::testing::TestDatabase> files_;
  std::unique_ptr<db::Database> database_;
  std::int64_t coordinator_ = 0;
  std::int64_t caller_ = 0;
  std::int64_t campaign_ = 0;
};

TEST_P(EscalationStore, RaisesOncePastTheThresholdWithEnoughAttempts) {
  const auto person = AddPerson("Lefèvre");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 2, kEnrolled + kHour);
  EXPECT_TRUE(Sweep(kEnrolled + 47 * kHour)->raised.empty()) << "before the threshold";
  EXPECT_TRUE(Sweep(kEnrolled + 60 * kHour)->raised.empty()) << "two attempts only";
  AddCalls(enrolment, person, 1, kEnrolled + 20 * kHour);
  const auto report = Sweep(kEnrolled + 60 * kHour);
  ASSERT_EQ(report->raised.size(), 1U);
  const auto again = Sweep(kEnrolled + 61 * kHour);
  EXPECT_TRUE(again->raised.empty());
  EXPECT_EQ(again->already_open, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalation.raised'"), 1);
  auto escalation = Write([&](db::Connection& c) { return FindEscalation(c, report->raised.front()); });
  ASSERT_TRUE(escalation.has_value());
  EXPECT_EQ(escalation->person_id, person);
  EXPECT_EQ(escalation->state, EscalationState::kOpen);
  EXPECT_EQ(escalation->campaign_name, "Canicule 2026");
}

// One call a day per person (worklist_planner.hpp): a person in a heatwave and a wellbeing campaign gets one
// item, the heatwave's; reaching them counts for both, so the wellbeing campaign (24 hours, no attempt needed
// here) does not escalate them; and two campaigns past their thresholds raise one alert for the person.
TEST_P(EscalationStore, APersonInTwoCampaignsGetsOneCallAndOneAlertAtMost) {
  const auto wellbeing = Write([&](db::Connection& c) {
    c.Execute(
        "INSERT INTO callers (user_id, weekdays, shift_start, shift_end, calls_per_shift, updated_at) "
        "VALUES (?, '1,2,3,4,5', '09:00', '17:00', 20, 0)",
        {caller_});
    return c
        .QueryOne(
            "INSERT INTO campaigns (name, kind, status, starts_on, window_start, window_end, retry_delay_minutes, "
            "max_attempts_per_day, escalation_hours, escalation_min_attempts, created_at, updated_at) VALUES "
            "('Convivialité', 'wellbeing', 'active', '2026-06-20', '14:00', '16:00', 120, 3, 24, 0, ?, ?) "
            "RETURNING id",
            {kEnrolled, kEnrolled})
        ->Int(0);
  });
  const auto person = AddPerson("Roux");
  const auto heatwave_enrolment = Enrol(person);
  const auto wellbeing_enrolment = Enrol(person, wellbeing);
  const auto monday = std::chrono::local_days{std::chrono::year{2026} / 6 / 22};
  const core::EpochMillis monday_morning = kEnrolled + 29 * kHour;  // 07:00 Paris
  const auto summary = Write([&](db::Connection& c) { return PlanDay(c, monday, monday_morning); });
  EXPECT_EQ(summary.pending, 1);
  EXPECT_EQ(summary.merged, 1);
  const auto items = Write([&](db::Connection& c) { return LoadWorklist(c, "2026-06-22", std::nullopt); });
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].enrolment_id, heatwave_enrolment);

  const core::EpochMillis reached_at = monday_morning + 3 * kHour;
  Write([&](db::Connection& c) {
    const auto enrolment = LoadEnrolmentById(c, heatwave_enrolment);
    const NewCall call{.enrolment = &*enrolment,
                       .item = &items[0],
                       .caller_id = caller_,
                       .outcome = CallOutcome::kReached,
                       .duration_seconds = 900,
                       .notes = "",
                       .answers_json = "[]",
                       .worrying = false,
                       .at = reached_at};
    RecordCall(c, call, DecideOutcome(CallOutcome::kReached, reached_at, 0, enrolment->policy, kEnrolled + 46 * kHour));
  });
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE last_reached_at = " + std::to_string(reached_at)), 2);
  const auto replanned = Write([&](db::Connection& c) { return PlanDay(c, monday, reached_at + kHour); });
  EXPECT_EQ(replanned.pending, 0) << "reached under the heatwave: no wellbeing call the same day";
  EXPECT_EQ(replanned.merged, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM worklist_items"), 1);

  // A control enrolled in the wellbeing campaign alone is escalated at the same sweep; the person reached is not.
  const auto control = AddPerson("Blanc");
  const auto control_enrolment = Enrol(control, wellbeing);
  const auto report = Sweep(kEnrolled + 40 * kHour);
  ASSERT_EQ(report->raised.size(), 1U);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE enrolment_id = " + std::to_string(control_enrolment)), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE person_id = " + std::to_string(person)), 0);

  // Not reached for days under both campaigns, with enough heatwave attempts: one alert, not two.
  AddCalls(heatwave_enrolment, person, 3, reached_at + 10 * kHour);
  const auto later = Sweep(reached_at + 60 * kHour);
  ASSERT_EQ(later->raised.size(), 1U);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE person_id = " + std::to_string(person)), 1);
  EXPECT_EQ(Sweep(reached_at + 61 * kHour)->raised.size(), 0U);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE person_id = " + std::to_string(person)), 1);
  (void)wellbeing_enrolment;
}

TEST_P(EscalationStore, AttemptsCountOnlySinceTheLastContact) {
  const auto person = AddPerson("Martin");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 4, kEnrolled + kHour);
  Write([&](db::Connection& c) {
    c.Execute("UPDATE enrolments SET last_reached_at = ? WHERE id = ?", {kEnrolled + 10 * kHour, enrolment});
  });
  AddCalls(enrolment, person, 1, kEnrolled + 10 * kHour, "reached");  // the call that reached her is not an attempt
  AddCalls(enrolment, person, 2, kEnrolled + 20 * kHour);
  EXPECT_TRUE(Sweep(kEnrolled + 100 * kHour)->raised.empty());
  AddCalls(enrolment, person, 1, kEnrolled + 30 * kHour);
  EXPECT_TRUE(Sweep(kEnrolled + 57 * kHour)->raised.empty()) << "48 hours from the last contact, not enrolment";
  EXPECT_EQ(Sweep(kEnrolled + 58 * kHour)->raised.size(), 1U);
}

TEST_P(EscalationStore, NeitherClosedCampaignsNorEndedEnrolmentsNorTheDeceased) {
  const auto deceased = AddPerson("Dubois");
  const auto ended = AddPerson("Roux");
  const auto first = Enrol(deceased);
  const auto second = Enrol(ended);
  AddCalls(first, deceased, 3, kEnrolled + kHour);
  AddCalls(second, ended, 3, kEnrolled + kHour);
  Write([&](db::Connection& c) {
    c.Execute("UPDATE persons SET status = 'deceased' WHERE id = ?", {deceased});
    c.Execute("UPDATE enrolments SET state = 'ended' WHERE id = ?", {second});
  });
  EXPECT_TRUE(Sweep(kEnrolled + 100 * kHour)->raised.empty());
  Write([&](db::Connection& c) {
    c.Execute("UPDATE persons SET status = 'active' WHERE id = ?", {deceased});
    c.Execute("UPDATE campaigns SET status = 'closed' WHERE id = ?", {campaign_});
  });
  EXPECT_TRUE(Sweep(kEnrolled + 100 * kHour)->raised.empty());
}

TEST_P(EscalationStore, AnInsertForAnOpenEscalationIsRefusedByTheIndex) {
  const auto person = AddPerson("Petit");
  EscalationCandidate candidate;
  candidate.enrolment_id = Enrol(person);
  candidate.campaign_id = campaign_;
  candidate.person_id = person;
  EXPECT_TRUE(Write([&](db::Connection& c) { return InsertEscalation(c, candidate, kEnrolled, "not_reached"); }));
  EXPECT_FALSE(Write([&](db::Connection& c) { return InsertEscalation(c, candidate, kEnrolled, "not_reached"); }))
      << "a race past the rule still finds the unique index";
}

TEST_P(EscalationStore, TheWorkflowClosesAndTellsTheRegister) {
  const auto person = AddPerson("Garnier");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 3, kEnrolled + kHour);
  const auto id = Sweep(kEnrolled + 50 * kHour)->raised.at(0);
  const auto now = kEnrolled + 51 * kHour;
  auto tried = Write([&](db::Connection& c) {
    return RecordContactsTried(c, id, 1, "Fille sur répondeur", false, Coordinator(), now);
  });
  ASSERT_TRUE(tried.has_value()) << tried.error().message_key;
  EXPECT_EQ(tried->state, EscalationState::kContactsTried);
  EXPECT_EQ(tried->version, 2);
  auto stale = Write(
      [&](db::Connection& c) { return RecordContactsTried(c, id, 1, "Voisin absent", false, Coordinator(), now); });
  EXPECT_EQ(stale.error().code, core::ErrorCode::kPreconditionFailed);

  const auto visitor = AddUser("sam.social", "social_worker");
  auto refused = Write([&](db::Connection& c) {
    return AssignVisit(c, id, 2, VisitAssignment{caller_, "", ""}, Coordinator(), now);
  });
  EXPECT_EQ(refused.error().message_key, "escalations.assignee_cannot_visit") << "a caller holds no visits";
  auto assigned = Write([&](db::Connection& c) {
    return AssignVisit(c, id, 2, VisitAssignment{visitor, "", "Code porte 1234"}, Coordinator(), now);
  });
  ASSERT_TRUE(assigned.has_value()) << assigned.error().message_key;
  EXPECT_EQ(assigned->visit_assignee_name, "Agent sam.social");
  auto mine = Write([&](db::Connection& c) { return ListVisitsAssignedTo(c, visitor); });
  ASSERT_EQ(mine.size(), 1U);

  const EscalationActor other{caller_, "julie.caller", false};
  auto not_theirs = Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 3, VisitOutcome::kFoundWell, "", std::nullopt, other, now);
  });
  EXPECT_EQ(not_theirs.error().code, core::ErrorCode::kNotFound);
  const EscalationActor assignee{visitor, "sam.social", false};
  auto closed = Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 3, VisitOutcome::kDeceased, "Constaté avec le médecin", std::nullopt, assignee,
                              now);
  });
  ASSERT_TRUE(closed.has_value()) << closed.error().message_key;
  EXPECT_EQ(closed->escalation.state, EscalationState::kClosed);
  EXPECT_EQ(closed->escalation.visit_notes, "Code porte 1234\nConstaté avec le médecin");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE open_key IS NULL AND state = 'closed'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM persons WHERE status = 'deceased'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM enrolments WHERE state = 'ended'"), 1);
  EXPECT_TRUE(Write([&](db::Connection& c) { return ListVisitsAssignedTo(c, visitor); }).empty());
}

TEST_P(EscalationStore, FoundWellIsAContactAndTheClockRestarts) {
  const auto person = AddPerson("Moreau");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 3, kEnrolled + kHour);
  const auto id = Sweep(kEnrolled + 50 * kHour)->raised.at(0);
  const auto now = kEnrolled + 52 * kHour;
  ASSERT_TRUE(Write([&](db::Connection& c) {
    return AssignVisit(c, id, 1, VisitAssignment{std::nullopt, "Police municipale", ""}, Coordinator(), now);
  }));
  ASSERT_TRUE(Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 2, VisitOutcome::kFoundWell, "", std::nullopt, Coordinator(), now);
  }));
  EXPECT_EQ(Count("SELECT last_contact_at FROM persons"), now);
  EXPECT_EQ(Count("SELECT last_reached_at FROM enrolments"), now);
  AddCalls(enrolment, person, 3, now + kHour);
  EXPECT_TRUE(Sweep(now + 47 * kHour)->raised.empty());
  EXPECT_EQ(Sweep(now + 48 * kHour)->raised.size(), 1U) << "a new escalation once the threshold passes again";
}

TEST_P(EscalationStore, NeedsHelpOpensANeedsRecordFromTheVisit) {
  const auto person = AddPerson("Lambert");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 3, kEnrolled + kHour);
  const auto id = Sweep(kEnrolled + 50 * kHour)->raised.at(0);
  const auto now = kEnrolled + 52 * kHour;
  ASSERT_TRUE(Write([&](db::Connection& c) {
    return AssignVisit(c, id, 1, VisitAssignment{std::nullopt, "Police municipale", ""}, Coordinator(), now);
  }));
  auto without = Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 2, VisitOutcome::kNeedsHelp, "", std::nullopt, Coordinator(), now);
  });
  EXPECT_EQ(without.error().message_key, "escalations.need_required");
  auto bad_kind = Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 2, VisitOutcome::kNeedsHelp, "", NeedProposal{"cake", "high", ""}, Coordinator(),
                              now);
  });
  EXPECT_EQ(bad_kind.error().field, "need.kind");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations WHERE state = 'closed'"), 0) << "nothing kept of a refusal";
  auto recorded = Write([&](db::Connection& c) {
    return RecordVisitOutcome(c, id, 2, VisitOutcome::kNeedsHelp, "Frigo vide",
                              NeedProposal{"groceries", "high", "Plus rien à manger"}, Coordinator(), now);
  });
  ASSERT_TRUE(recorded.has_value()) << recorded.error().message_key;
  ASSERT_TRUE(recorded->need_id.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM needs WHERE source = 'visit' AND kind = 'groceries' AND state = 'open' "
                  "AND escalation_id = " +
                  std::to_string(id)),
            1);
  EXPECT_EQ(Count("SELECT last_reached_at FROM enrolments"), now) << "found: a contact";
}

TEST_P(EscalationStore, ReachedThroughAContactCloses) {
  const auto person = AddPerson("Fournier");
  const auto enrolment = Enrol(person);
  AddCalls(enrolment, person, 3, kEnrolled + kHour);
  const auto id = Sweep(kEnrolled + 50 * kHour)->raised.at(0);
  auto closed = Write([&](db::Connection& c) {
    return RecordContactsTried(c, id, 1, "Chez sa fille à Lille", true, Coordinator(), kEnrolled + 51 * kHour);
  });
  ASSERT_TRUE(closed.has_value());
  EXPECT_EQ(closed->state, EscalationState::kClosed);
  EXPECT_EQ(Count("SELECT last_reached_at FROM enrolments"), kEnrolled + 51 * kHour);
  auto after = Write([&](db::Connection& c) {
    return AssignVisit(c, id, 2, VisitAssignment{std::nullopt, "Police", ""}, Coordinator(), kEnrolled + 52 * kHour);
  });
  EXPECT_EQ(after.error().message_key, "escalations.closed");
}

// Several servers sweeping the same database at once, by the job (skip if busy) and by hand (wait): one
// escalation per person and one audit event each, however the sweeps interleave.
TEST_P(EscalationStore, SweepsAtOnceRaiseEachEscalationOnce) {
  constexpr int kPersons = 20;
  for (int i = 0; i < kPersons; ++i) {
    const auto person = AddPerson("Personne" + std::to_string(i));
    AddCalls(Enrol(person), person, 3, kEnrolled + kHour);
  }
  std::atomic<int> raised{0};
  std::vector<std::thread> sweepers;
  for (int t = 0; t < 4; ++t) {
    sweepers.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        const auto report = Sweep(kEnrolled + 50 * kHour, t % 2 == 0 ? SweepWait::kWait : SweepWait::kSkipIfBusy);
        if (report) raised += static_cast<int>(report->raised.size());
      }
    });
  }
  for (auto& sweeper : sweepers) sweeper.join();
  EXPECT_EQ(raised.load(), kPersons);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM escalations"), kPersons);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalation.raised'"), kPersons);
  EXPECT_TRUE(db::InReadTransaction(*database_, [](db::Connection& c) { return audit::Verify(c); }).ok);
}

std::string EngineName(const ::testing::TestParamInfo<db::Dialect>& engine) {
  return engine.param == db::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

INSTANTIATE_TEST_SUITE_P(Engines, EscalationStore, ::testing::Values(db::Dialect::kSqlite, db::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace lien::calls
