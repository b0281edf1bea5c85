// SearchPersons answers by different routes (a name alone from the tokens' index, a sort of few matches, a walk of
// the name index past thousands, a sort again for deep pages): each must give the pages a plain query gives.
// Runs on the engine named by LIEN_TEST_ENGINE (SQLite: register_search_test; PostgreSQL: register_search_pgtest).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/test_databases.hpp"
#include "register/person_store.hpp"
#include "register/synthetic.hpp"

namespace lien::registry {
namespace {

constexpr core::EpochMillis kNow = 1'781'481'600'000;  // 15 June 2026

class SearchStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    test_database_ = db::testing::TestDatabase::Create(LIEN_TEST_ENGINE).release();
    if (test_database_ == nullptr) return;
    database_ = test_database_->OpenMigrated(2).release();
    SyntheticOptions options;
    options.persons = 3000;
    options.seed = 11;
    auto persons = GenerateRegister(options).persons;
    for (auto& person : persons) person.id = 0;
    db::InWriteTransaction(*database_, [&](db::Connection& c) {
      InsertPersons(c, persons, ChangeAuthor{std::nullopt, "test"}, kNow, "import");
    });
  }
  static void TearDownTestSuite() {
    delete database_;
    delete test_database_;
    database_ = nullptr;
    test_database_ = nullptr;
  }
  void SetUp() override {
    if (database_ == nullptr) GTEST_SKIP() << "LIEN_TEST_POSTGRES_URL is not set";
  }

  static PersonQuery Query() {
    PersonQuery query;
    query.today = DayOf(kNow);
    return query;
  }

  // The ids of pages of `query` from `offset`, `pages` pages of `limit`, joined; checks has_more on the way.
  static std::vector<std::int64_t> Pages(PersonQuery query, int offset, int limit, int pages) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < pages; ++i) {
      query.offset = offset + i * limit;
      query.limit = limit;
      const auto page = db::InReadTransaction(*database_, [&](db::Connection& c) { return SearchPersons(c, query); });
      for (const auto& person : page.items) ids.push_back(person.id);
      if (!page.has_more) break;
    }
    return ids;
  }

  static std::vector<std::int64_t> Expected(const std::string& where, const std::vector<db::Value>& params, int offset,
                                            int count) {
    std::vector<std::int64_t> ids;
    auto all = params;
    all.insert(all.end(), {std::int64_t{count}, std::int64_t{offset}});
    const auto rows = db::InReadTransaction(*database_, [&](db::Connection& c) {
      return c.Execute("SELECT p.id FROM persons p " + where + " ORDER BY p.name_key, p.id LIMIT ? OFFSET ?", all);
    });
    for (const auto& row : rows.rows) ids.push_back(row.Int(0));
    return ids;
  }

  static std::int64_t Count(const std::string& where, const std::vector<db::Value>& params) {
    return db::InReadTransaction(*database_, [&](db::Connection& c) {
      return c.QueryOne("SELECT COUNT(*) FROM persons p " + where, params)->Int(0);
    });
  }

  static db::testing::TestDatabase* test_database_;
  static db::Database* database_;
};

db::testing::TestDatabase* SearchStore::test_database_ = nullptr;
db::Database* SearchStore::database_ = nullptr;

TEST_F(SearchStore, NameAloneGivesThePagesOfTheTokensMatched) {
  const std::string where =
      "WHERE p.id IN (SELECT person_id FROM person_name_tokens WHERE token >= 'ma' AND token < 'mb')";
  ASSERT_GT(Count(where, {}), 100);
  auto query = Query();
  query.name = "MA";
  EXPECT_EQ(Pages(query, 0, 20, 4), Expected(where, {}, 0, 80));
  EXPECT_EQ(Pages(query, 90, 25, 1), Expected(where, {}, 90, 25));
  query.name = "zzzzzz";
  EXPECT_TRUE(Pages(query, 0, 20, 1).empty());
}

TEST_F(SearchStore, TwoCommonWordsGiveThePersonsHoldingBoth) {
  // Hundreds of tokens start with each word: PostgreSQL hashes the second word's range instead of probing.
  const auto tokens = [&](const std::string& from, const std::string& to) {
    return "p.id IN (SELECT person_id FROM person_name_tokens WHERE token >= '" + from + "' AND token < '" + to + "')";
  };
  ASSERT_GE(Count("WHERE " + tokens("m", "n"), {}), 300);
  ASSERT_GE(Count("WHERE " + tokens("j", "k"), {}), 300);
  const std::string where = "WHERE (" + tokens("m", "n") + " AND " + tokens("j", "k") + ") OR " + tokens("mj", "mk");
  auto query = Query();
  query.name = "M J";
  EXPECT_EQ(Pages(query, 0, 20, 3), Expected(where, {}, 0, 60));
}

TEST_F(SearchStore, ThousandsOfMatchesWalkTheNameOrderAndDeepPagesStillAgree) {
  const std::string where = "WHERE p.status = 'active'";
  ASSERT_GT(Count(where, {}), 2000) << "enough matches for the walk";
  auto query = Query();
  query.statuses = {PersonStatus::kActive};
  EXPECT_EQ(Pages(query, 0, 20, 3), Expected(where, {}, 0, 60));
  EXPECT_EQ(Pages(query, 480, 40, 2), Expected(where, {}, 480, 80)) << "across the walk's depth";
  EXPECT_EQ(Pages(query, 2500, 50, 1), Expected(where, {}, 2500, 50));
}

TEST_F(SearchStore, FewMatchesAreSortedAndEveryFilterCombines) {
  auto query = Query();
  query.statuses = {PersonStatus::kActive, PersonStatus::kAway};
  query.age_min = 75;
  query.age_max = 84;
  const std::vector<db::Value> dates = {FormatDate(LatestBirthDateForAge(query.today, 75)),
                                        FormatDate(LatestBirthDateForAge(query.today, 85))};
  const std::string where = "WHERE p.status IN ('active', 'away') AND p.birth_date <= ? AND p.birth_date > ?";
  ASSERT_GT(Count(where, dates), 40);
  EXPECT_EQ(Pages(query, 0, 20, 100), Expected(where, dates, 0, 3000));

  query.name = "ma";
  const std::string named =
      where + " AND p.id IN (SELECT person_id FROM person_name_tokens WHERE token >= 'ma' AND token < 'mb')";
  EXPECT_EQ(Pages(query, 0, 10, 100), Expected(named, dates, 0, 3000));
}

TEST_F(SearchStore, NoFilterListsEveryoneInNameOrder) {
  EXPECT_EQ(Pages(Query(), 0, 50, 2), Expected("", {}, 0, 100));
  EXPECT_EQ(Pages(Query(), 2990, 50, 1), Expected("", {}, 2990, 50));
}

TEST_F(SearchStore, ARenamedPersonIsFoundUnderTheNewName) {
  auto query = Query();
  query.name = "Quelquechose";
  EXPECT_TRUE(Pages(query, 0, 20, 1).empty());
  db::InWriteTransaction(*database_, [&](db::Connection& c) {
    auto person = LoadPersons(c, {1}).at(0);
    person.last_name = "Quelquechose";
    const auto version = person.version;
    ASSERT_TRUE(UpdatePerson(c, person, version, ChangeAuthor{std::nullopt, "test"}, kNow).has_value());
  });
  EXPECT_EQ(Pages(query, 0, 20, 1), std::vector<std::int64_t>{1});
  query.name = "quelq";
  EXPECT_EQ(Pages(query, 0, 20, 1), std::vector<std::int64_t>{1});
  const std::string where =
      "WHERE p.id IN (SELECT person_id FROM person_name_tokens WHERE token >= 'q' AND token < 'r')";
  query.name = "q";
  EXPECT_EQ(Pages(query, 0, 20, 10), Expected(where, {}, 0, 200)) << "sorted under its new name";
}

// A coordinator's day of lists names tens of thousands of persons: more ids than one statement may bind
// (PostgreSQL: 65,535). They come back in the order asked, missing ids skipped, phones attached.
TEST_F(SearchStore, LoadPersonsTakesMoreIdsThanOneStatementCanBind) {
  std::vector<std::int64_t> ids;
  const auto stored = db::InReadTransaction(*database_, [&](db::Connection& c) {
    std::vector<std::int64_t> all;
    for (const auto& row : c.Execute("SELECT id FROM persons ORDER BY id DESC").rows) all.push_back(row.Int(0));
    return all;
  });
  ASSERT_EQ(stored.size(), 3000U);
  for (std::int64_t missing = 1'000'000; missing < 1'070'000; ++missing) {
    ids.push_back(missing);
    if (missing % 13 == 0 && !stored.empty()) ids.push_back(stored[static_cast<std::size_t>(missing % 3000)]);
  }
  ids.insert(ids.end(), stored.begin(), stored.end());
  ASSERT_GT(ids.size(), 65'535U);
  const auto persons = db::InReadTransaction(*database_, [&](db::Connection& c) { return LoadPersons(c, ids); });
  std::vector<std::int64_t> expected;
  for (auto id : ids) {
    if (id < 1'000'000) expected.push_back(id);
  }
  std::vector<std::int64_t> got;
  std::size_t with_phones = 0;
  for (const auto& person : persons) {
    got.push_back(person.id);
    if (!person.phones.empty()) ++with_phones;
  }
  EXPECT_EQ(got, expected);
  EXPECT_GT(with_phones, persons.size() / 2);
}

}  // namespace
}  // namespace lien::registry
