#include "register/person_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "register/search.hpp"
#include "register/views.hpp"

namespace lien::registry {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{11}, day{23}};

Person Valid() {
  Person person;
  person.last_name = "Lefèvre";
  person.first_names = "Marie";
  person.birth_date = Date{year{1938}, month{4}, day{12}};
  person.address.postcode = "80000";
  person.phones = {Phone{"+33322016310", "fixe"}};
  person.email = "marie@example.fr";
  person.languages = {"fr", "pt-br"};
  return person;
}

std::string FieldOf(const Person& person) {
  auto status = ValidatePerson(person, kToday);
  return status ? std::string("ok") : status.error().field;
}

TEST(PersonRules, DatesAreRealAndWrittenIso) {
  EXPECT_EQ(FormatDate(*ParseDate("1938-04-12")), "1938-04-12");
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("1938-4-12"));
  EXPECT_FALSE(ParseDate("12/04/1938"));
  EXPECT_FALSE(ParseDate("1938-04-12x"));
  EXPECT_EQ(DayOf(0), (Date{year{1970}, month{1}, day{1}}));
  EXPECT_EQ(AgeOn(*ParseDate("1938-11-24"), kToday), 87);
  EXPECT_EQ(AgeOn(*ParseDate("1938-11-23"), kToday), 88);
}

TEST(PersonRules, ValidationNamesTheOffendingField) {
  EXPECT_EQ(FieldOf(Valid()), "ok");
  auto person = Valid();
  person.last_name = "  ";
  EXPECT_EQ(FieldOf(person), "last_name");
  person = Valid();
  person.birth_date = Date{year{2027}, month{1}, day{1}};
  EXPECT_EQ(FieldOf(person), "birth_date");
  person = Valid();
  person.address.postcode = "8000A";
  EXPECT_EQ(FieldOf(person), "address.postcode");
  person = Valid();
  person.email = "marie@example";
  EXPECT_EQ(FieldOf(person), "email");
  person = Valid();
  person.languages = {"français"};
  EXPECT_EQ(FieldOf(person), "languages[0]");
  person = Valid();
  person.phones.push_back(Phone{"+33322016310", "encore"});
  EXPECT_EQ(FieldOf(person), "phones[1]");
  person = Valid();
  person.status_until = kToday;
  EXPECT_EQ(FieldOf(person), "status_until");
  person.status = PersonStatus::kInHospital;
  EXPECT_EQ(FieldOf(person), "ok");
  person = Valid();
  person.address.coordinates = GeoPoint{91, 2};
  EXPECT_EQ(FieldOf(person), "address.latitude");
  person = Valid();
  person.address.access_notes.assign(1001, 'x');
  EXPECT_EQ(FieldOf(person), "address.access_notes");
}

TEST(PersonRules, DiffListsTheChangedFieldsWithBothValues) {
  auto before = Valid();
  auto after = before;
  EXPECT_TRUE(DiffPersons(before, after).empty());
  after.address.street = "rue Victor Hugo";
  after.phones.push_back(Phone{"+33612345678", ""});
  after.status = PersonStatus::kAway;
  after.version = 7;  // not a field of the record
  const auto changes = DiffPersons(before, after);
  ASSERT_EQ(changes.size(), 3U);
  EXPECT_EQ(changes[0].field, "address.street");
  EXPECT_EQ(changes[0].from, "");
  EXPECT_EQ(changes[0].to, "rue Victor Hugo");
  EXPECT_EQ(changes[1].field, "phones");
  EXPECT_EQ(changes[1].to, "+33322016310 (fixe), +33612345678");
  EXPECT_EQ(changes[2].field, "status");
  EXPECT_EQ(changes[2].from, "active");
  EXPECT_EQ(GroupOfField("status_until"), "situation");
  EXPECT_EQ(GroupOfField("address.town"), "contact");
  EXPECT_EQ(GroupOfField("birth_date"), "identity");
}

TEST(PersonRules, CodesRoundTrip) {
  for (auto status : {PersonStatus::kActive, PersonStatus::kAway, PersonStatus::kInHospital, PersonStatus::kMoved,
                      PersonStatus::kDeceased}) {
    EXPECT_EQ(ParseStatus(StatusCode(status)), status);
  }
  EXPECT_EQ(ParseCivility("mme"), Civility::kMadame);
  EXPECT_FALSE(ParseCivility("Mme"));
  EXPECT_EQ(ParseHearing("hard_of_hearing"), HearingDifficulty::kHardOfHearing);
}

TEST(PersonSearchKeys, TokensCoverWordsCompactFormsAndSound) {
  Person person;
  person.last_name = "Le Fèvre";
  person.first_names = "Jean-Pierre";
  const auto tokens = NameTokensOf(person);
  for (const char* expected : {"le", "fevre", "lefevre", "jean", "pierre", "jeanpierre"}) {
    EXPECT_NE(std::find(tokens.begin(), tokens.end(), expected), tokens.end()) << expected;
  }
  for (const auto& phonetic : PhoneticTokensOf("Le Fèvre")) {
    EXPECT_NE(std::find(tokens.begin(), tokens.end(), phonetic), tokens.end()) << phonetic;
  }
  EXPECT_EQ(PhoneticTokensOf("Lefebvre").front(), PhoneticTokensOf("Le Fèvre").front());
  EXPECT_EQ(PhoneticTokensOf("Fèvre").front(), PhoneticTokensOf("Le Fèvre").back());
  EXPECT_EQ(NameKeyOf(person), "le fevre / jean pierre");
}

TEST(PersonSearchKeys, QueriesDropParticlesAndKeepACompactForm) {
  auto query = ParseNameQuery("de la Fontaine");
  EXPECT_EQ(query.words, std::vector<std::string>{"fontaine"});
  EXPECT_EQ(query.compact, "delafontaine");
  query = ParseNameQuery("LEFÈVRE");
  EXPECT_EQ(query.words, std::vector<std::string>{"lefevre"});
  EXPECT_EQ(query.compact, "");
  EXPECT_EQ(ParseNameQuery("Le").words, std::vector<std::string>{"le"});
  EXPECT_TRUE(ParseNameQuery(" -- ").words.empty());
}

TEST(PersonSearchKeys, PrefixBoundsStayWithinLettersAndDigits) {
  EXPECT_EQ(PrefixUpperBound("fev"), "few");
  EXPECT_EQ(PrefixUpperBound("abz"), "ac");
  EXPECT_EQ(PrefixUpperBound("ab9"), "aba");
  EXPECT_EQ(PrefixUpperBound("zz"), "");
  EXPECT_EQ(FormatDate(LatestBirthDateForAge(kToday, 65)), "1961-11-23");
  EXPECT_EQ(FormatDate(LatestBirthDateForAge(Date{year{2028}, month{2}, day{29}}, 1)), "2027-02-28");
}

TEST(PersonViews, EachRoleReadsItsGroups) {
  const auto social = ViewOf(auth::Role::kSocialWorker, false);
  EXPECT_TRUE(social.Has(FieldGroup::kSituation));
  EXPECT_TRUE(social.Has(FieldGroup::kHousehold));
  EXPECT_FALSE(social.Has(FieldGroup::kRegister));
  EXPECT_TRUE(ViewOf(auth::Role::kCoordinator, true).Has(FieldGroup::kRegister));
  const auto intake = ViewOf(auth::Role::kIntake, false);
  EXPECT_TRUE(intake.Has(FieldGroup::kContact));
  EXPECT_FALSE(intake.Has(FieldGroup::kSituation));
  EXPECT_FALSE(intake.Has(FieldGroup::kHistory));
  EXPECT_FALSE(intake.Has(FieldGroup::kHousehold));
  for (auto role : {auth::Role::kCaller, auth::Role::kDpo, auth::Role::kAdmin, auth::Role::kDriver,
                    auth::Role::kPartner, auth::Role::kLogistics}) {
    EXPECT_TRUE(ViewOf(role, true).Empty()) << auth::RoleName(role);
  }
  EXPECT_EQ(PurposeOf(social), "follow_up");
  EXPECT_EQ(PurposeOf(intake), "contact");
}

}  // namespace
}  // namespace lien::registry
