// The workflow on a real (SQLite) database: what the import and the demo rely on, besides the routes.

#include "register/register_entry_workflow.hpp"

#include <gtest/gtest.h>

#include "db/test_databases.hpp"
#include "register/register_entry_store.hpp"

namespace lien::registry {
namespace {

constexpr core::EpochMillis kNow = 1'780'000'000'000;  // 2026-05-28
const ChangeAuthor kAgent{1, "ines.intake"};

class RegisterWorkflow : public ::testing::Test {
 protected:
  std::int64_t AddPerson(const std::string& last_name, const std::string& town, const std::string& status = "active") {
    return db::InWriteTransaction(*database_, [&](db::Connection& c) {
      return c
          .QueryOne(
              "INSERT INTO persons (last_name, first_names, town, town_key, street, street_key, status, name_key, "
              "created_at, updated_at) VALUES (?, 'Jeanne', ?, ?, 'rue des Lilas', 'rue des lilas', ?, ?, 0, 0) "
              "RETURNING id",
              {last_name, town, town, status, last_name})
          ->Int(0);
    });
  }

  template <class Work>
  auto Write(Work&& work) {
    return db::InWriteTransaction(*database_, std::forward<Work>(work));
  }

  static RegisterEntryDraft Draft() {
    RegisterEntryDraft draft;
    draft.ground = "age_65";
    draft.requested_by = "self";
    draft.requested_on = "2026-05-20";
    return draft;
  }

  std::unique_ptr<db::testing::TestDatabase> files_ = db::testing::TestDatabase::Create(db::Dialect::kSqlite);
  std::unique_ptr<db::Database> database_ = files_->OpenMigrated(2);
};

TEST_F(RegisterWorkflow, AnImportIsRecordedAsSuchAndNeverOverridesAnOpposition) {
  const auto person = AddPerson("Durand", "Amiens");
  EntryOrigin import;
  import.source = "import";
  EXPECT_EQ(Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), import, kNow); }).error().field,
            "import_source");
  import.import_source = "registre-2025.csv";
  import.acknowledged_at = kNow - 1000;
  auto entry = Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), import, kNow); });
  ASSERT_TRUE(entry.has_value()) << entry.error().message_key;
  EXPECT_EQ(entry->source, "import");
  EXPECT_EQ(entry->import_source, "registre-2025.csv");
  EXPECT_EQ(entry->acknowledged_at, kNow - 1000);
  EXPECT_EQ(
      Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), import, kNow); }).error().message_key,
      "register.already_registered");

  auto opposed =
      Write([&](db::Connection& c) { return EndEntry(c, person, entry->version, kStateOpposed, "", kAgent, kNow); });
  ASSERT_TRUE(opposed.has_value());
  EXPECT_EQ(opposed->ground, "");
  EXPECT_EQ(
      Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), import, kNow); }).error().message_key,
      "register.ended_by_person");
  auto again = Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), EntryOrigin{}, kNow); });
  ASSERT_TRUE(again.has_value()) << "the person's own new request registers them again";
  EXPECT_EQ(again->state, "registered");
  EXPECT_EQ(again->source, "request");
}

TEST_F(RegisterWorkflow, ChangesNeedTheCurrentVersionAndARegisteredEntry) {
  const auto person = AddPerson("Martin", "Amiens");
  EXPECT_EQ(Write([&](db::Connection& c) { return RegisterPerson(c, 999, Draft(), EntryOrigin{}, kNow); }).error().code,
            core::ErrorCode::kNotFound);
  const auto gone = AddPerson("Petit", "Amiens", "deceased");
  EXPECT_EQ(Write([&](db::Connection& c) { return RegisterPerson(c, gone, Draft(), EntryOrigin{}, kNow); })
                .error()
                .message_key,
            "register.person_inactive");
  auto entry = *Write([&](db::Connection& c) { return RegisterPerson(c, person, Draft(), EntryOrigin{}, kNow); });
  RegisterEntryDraft changes;
  changes.home_care_service = "SSIAD";
  EXPECT_EQ(Write([&](db::Connection& c) { return CorrectEntry(c, person, entry.version + 1, changes, kAgent, kNow); })
                .error()
                .code,
            core::ErrorCode::kPreconditionFailed);
  auto corrected =
      Write([&](db::Connection& c) { return CorrectEntry(c, person, entry.version, changes, kAgent, kNow); });
  ASSERT_TRUE(corrected.has_value());
  EXPECT_EQ(corrected->version, entry.version + 1);
  auto acknowledged =
      Write([&](db::Connection& c) { return MarkAcknowledged(c, person, corrected->version, kAgent, kNow + 5); });
  ASSERT_TRUE(acknowledged.has_value());
  EXPECT_EQ(acknowledged->acknowledged_at, kNow + 5);
  // What an agent holding the first version missed: who, when, before -> after, by the entry's versions.
  auto missed = Write([&](db::Connection& c) { return LoadRegisterHistory(c, person, entry.version); });
  ASSERT_EQ(missed.size(), 2U);
  EXPECT_EQ(missed[0].version, corrected->version);
  EXPECT_EQ(missed[0].actor_login, "ines.intake");
  EXPECT_EQ(missed[0].action, "register_entry.updated");
  ASSERT_EQ(missed[0].changes.size(), 1U);
  EXPECT_EQ(missed[0].changes[0].field, "register.home_care_service");
  EXPECT_EQ(missed[0].changes[0].from, "");
  EXPECT_EQ(missed[0].changes[0].to, "SSIAD");
  EXPECT_EQ(missed[1].changes[0].field, "register.acknowledgement");
  EXPECT_EQ(missed[1].changes[0].to, "2026-05-28");
  EXPECT_TRUE(Write([&](db::Connection& c) { return LoadHistory(c, person, 1); }).empty())
      << "the entry's versions are not the person's";
  auto removed = Write([&](db::Connection& c) {
    return EndEntry(c, person, acknowledged->version, kStateRemoved, "déménagement", kAgent, kNow + 6);
  });
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->removal_reason, "déménagement");
  EXPECT_EQ(removed->home_care_service, "");
  EXPECT_EQ(Write([&](db::Connection& c) { return CorrectEntry(c, person, removed->version, changes, kAgent, kNow); })
                .error()
                .message_key,
            "register.not_registered");
  auto stored = Write([&](db::Connection& c) { return store::FindRegisterEntry(c, person); });
  EXPECT_EQ(stored->state, "removed");
  EXPECT_EQ(stored->home_care_service, "") << "cleared in storage, not only in the answer";
  auto history = Write([&](db::Connection& c) { return LoadRegisterHistory(c, person, 0); });
  ASSERT_EQ(history.size(), 1U) << "the rows holding the legal fields go with them";
  EXPECT_EQ(history[0].action, "register_entry.removed");
  ASSERT_EQ(history[0].changes.size(), 1U);
  EXPECT_EQ(history[0].changes[0].field, "register.state");
  EXPECT_EQ(history[0].changes[0].to, "removed");
}

TEST_F(RegisterWorkflow, TheDueListAndThePrefectListHoldOnlyRegisteredEntries) {
  const auto a = AddPerson("Bernard", "Amiens");
  const auto b = AddPerson("Adam", "Abbeville");
  const auto c = AddPerson("Colin", "Amiens");
  auto draft = Draft();
  Write([&](db::Connection& conn) { return RegisterPerson(conn, a, draft, EntryOrigin{}, kNow); });
  draft.requested_on = "2026-05-01";
  Write([&](db::Connection& conn) { return RegisterPerson(conn, b, draft, EntryOrigin{}, kNow); });
  auto third = *Write([&](db::Connection& conn) { return RegisterPerson(conn, c, draft, EntryOrigin{}, kNow); });
  auto due = Write([](db::Connection& conn) { return store::DueAcknowledgements(conn, 10, 0); });
  ASSERT_EQ(due.size(), 3U);
  EXPECT_EQ(due[0].person.id, b) << "oldest due first";
  auto prefect = Write([](db::Connection& conn) { return store::RegisteredForPrefect(conn); });
  ASSERT_EQ(prefect.size(), 3U);
  EXPECT_EQ(prefect[0].person.town, "Abbeville") << "sorted by town";

  Write([&](db::Connection& conn) { return EndEntry(conn, c, third.version, kStateOpposed, "", kAgent, kNow); });
  EXPECT_EQ(Write([](db::Connection& conn) { return store::DueAcknowledgements(conn, 10, 0); }).size(), 2U);
  EXPECT_EQ(Write([](db::Connection& conn) { return store::RegisteredForPrefect(conn); }).size(), 2U);
}

TEST(PrefectOrder, ByTownStreetNumberAsNumberSuffixThenName) {
  auto row = [](std::int64_t id, std::string town, std::string street, std::string number, std::string last_name) {
    store::DueAcknowledgement due;
    due.person.id = id;
    due.person.town = std::move(town);
    due.person.street = std::move(street);
    due.person.address_number = std::move(number);
    due.person.last_name = std::move(last_name);
    return due;
  };
  std::vector<store::DueAcknowledgement> rows = {
      row(1, "Amiens", "rue des Lilas", "10", "Martin"),    row(2, "Amiens", "Rue des Lilas", "2", "Petit"),
      row(3, "Amiens", "rue des Lilas", "10 bis", "Adam"),  row(4, "Abbeville", "rue Zola", "1", "Roux"),
      row(5, "Amiens", "rue des Lilas", "10", "Bernard"),   row(6, "Amiens", "allée des Chênes", "30", "Colin"),
      row(7, "Amiens", "rue des Lilas", "10 ter", "Dubois")};
  store::SortForPrefect(rows);
  std::vector<std::int64_t> order;
  for (const auto& r : rows) order.push_back(r.person.id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{4, 6, 2, 5, 1, 3, 7}));
}

}  // namespace
}  // namespace lien::registry
