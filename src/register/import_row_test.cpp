#include "register/import_row.hpp"

#include <gtest/gtest.h>

#include "register/import_mapping.hpp"

namespace lien::registry {
namespace {

using namespace std::chrono;
constexpr Date kToday{year(2026), month(11), day(23)};

TEST(ImportMapping, UsualFrenchHeadings) {
  const std::vector<std::pair<const char*, ImportField>> cases = {
      {"NOM", ImportField::kLastName},
      {"Nom d'usage", ImportField::kLastName},
      {"Nom de naissance", ImportField::kBirthName},
      {"Nom de jeune fille", ImportField::kBirthName},
      {"Prénom(s)", ImportField::kFirstNames},
      {"PRENOM", ImportField::kFirstNames},
      {"Nom Prénom", ImportField::kFullName},
      {"Civilité", ImportField::kCivility},
      {"Date de naissance", ImportField::kBirthDate},
      {"Date de naissance (jj/mm/aaaa)", ImportField::kBirthDate},
      {"Né(e) le", ImportField::kBirthDate},
      {"Adresse", ImportField::kAddress},
      {"N°", ImportField::kAddressNumber},
      {"Rue", ImportField::kStreet},
      {"Voie", ImportField::kStreet},
      {"Complément d'adresse", ImportField::kComplement},
      {"CP", ImportField::kPostcode},
      {"Code postal", ImportField::kPostcode},
      {"Ville", ImportField::kTown},
      {"Commune", ImportField::kTown},
      {"Téléphone", ImportField::kPhone},
      {"Tél.", ImportField::kPhone},
      {"Tél. portable", ImportField::kPhone},
      {"Fixe", ImportField::kPhone},
      {"Mail", ImportField::kEmail},
      {"Courriel", ImportField::kEmail},
      {"Motif d'inscription", ImportField::kGround},
      {"Critère d'inscription", ImportField::kGround},
      {"Observations", ImportField::kAccessNotes},
      {"Personne à prévenir", ImportField::kEmergencyContactName},
      {"Tél. personne à prévenir", ImportField::kEmergencyContactPhone},
      {"Digicode", ImportField::kDoorCode},
      {"Étage", ImportField::kFloor},
      {"Langues parlées", ImportField::kLanguages},
      {"Pointure", ImportField::kIgnore},
      {"", ImportField::kIgnore},
  };
  for (const auto& [heading, field] : cases) {
    EXPECT_EQ(ImportFieldCode(GuessField(heading)), std::string(ImportFieldCode(field))) << heading;
  }
}

TEST(ImportMapping, UserMappingOverridesAndReportsUnknowns) {
  const std::vector<std::string> headings = {"Nom", "Prénom", "Remarque", "Tél portable", "Tél fixe", "Nom usuel"};
  const MappingResult result =
      MapColumns(headings, {{"REMARQUE", "access_notes"}, {"Absente", "town"}, {"Prénom", "pointure"}});
  ASSERT_EQ(result.columns.size(), 6u);
  EXPECT_EQ(result.columns[0].field, ImportField::kLastName);
  EXPECT_EQ(result.columns[1].field, ImportField::kIgnore);  // unknown code: not guessed either
  EXPECT_EQ(result.columns[2].field, ImportField::kAccessNotes);
  EXPECT_TRUE(result.columns[2].from_user);
  EXPECT_EQ(result.columns[3].field, ImportField::kPhone);
  EXPECT_EQ(result.columns[3].phone_label, "portable");
  EXPECT_EQ(result.columns[4].phone_label, "fixe");
  EXPECT_EQ(result.columns[5].field, ImportField::kIgnore);  // last_name already taken by "Nom"
  EXPECT_EQ(result.unknown_headings, std::vector<std::string>{"Absente"});
  EXPECT_EQ(result.unknown_fields, std::vector<std::string>{"pointure"});
}

TEST(ImportMapping, UserChoiceWinsOverAGuessedColumn) {
  const MappingResult result = MapColumns({"Nom", "Nom usuel"}, {{"Nom usuel", "last_name"}, {"Nom", "birth_name"}});
  EXPECT_EQ(result.columns[0].field, ImportField::kBirthName);
  EXPECT_EQ(result.columns[1].field, ImportField::kLastName);
}

TEST(ImportRow, FrenchDates) {
  EXPECT_EQ(ParseFrenchDate("09/03/1941", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("9/3/1941", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("09-03-1941", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("09.03.1941", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("1941-03-09", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate(" 09/03/41 ", kToday), Date(year(1941), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("09/03/26", kToday), Date(year(2026), month(3), day(9)));
  EXPECT_EQ(ParseFrenchDate("09/03/27", kToday), Date(year(1927), month(3), day(9)));
  EXPECT_FALSE(ParseFrenchDate("31/02/1941", kToday));
  EXPECT_FALSE(ParseFrenchDate("1941", kToday));
  EXPECT_FALSE(ParseFrenchDate("09/03-1941", kToday));
  EXPECT_FALSE(ParseFrenchDate("09/13/1941", kToday));
  EXPECT_FALSE(ParseFrenchDate("le 9 mars", kToday));
  EXPECT_FALSE(ParseFrenchDate("09/03/1941x", kToday));
  EXPECT_FALSE(ParseFrenchDate("-1/03/1941", kToday));
}

TEST(ImportRow, StreetAddresses) {
  using Split = std::pair<std::string, std::string>;
  EXPECT_EQ(SplitStreetAddress("12 bis rue Victor Hugo"), (Split{"12 bis", "rue Victor Hugo"}));
  EXPECT_EQ(SplitStreetAddress("12, rue Victor Hugo"), (Split{"12", "rue Victor Hugo"}));
  EXPECT_EQ(SplitStreetAddress("12B rue Victor Hugo"), (Split{"12 B", "rue Victor Hugo"}));
  EXPECT_EQ(SplitStreetAddress("3 TER, place Gambetta"), (Split{"3 ter", "place Gambetta"}));
  EXPECT_EQ(SplitStreetAddress("7 r Victor Hugo"), (Split{"7", "r Victor Hugo"}));
  EXPECT_EQ(SplitStreetAddress("5 allée des Pins"), (Split{"5", "allée des Pins"}));
  EXPECT_EQ(SplitStreetAddress("Place de la Mairie"), (Split{"", "Place de la Mairie"}));
  EXPECT_EQ(SplitStreetAddress("Lieu-dit Le Bois"), (Split{"", "Lieu-dit Le Bois"}));
}

TEST(ImportRow, Grounds) {
  EXPECT_EQ(ParseGround("65 ans et plus"), "age_65");
  EXPECT_EQ(ParseGround("Personne âgée"), "age_65");
  EXPECT_EQ(ParseGround("Plus de 60 ans, inapte au travail"), "age_60_unfit");
  EXPECT_EQ(ParseGround("AAH"), "disabled_aah");
  EXPECT_EQ(ParseGround("Handicap (PCH)"), "disabled_pch_actp");
  EXPECT_EQ(ParseGround("Carte d'invalidité"), "disabled_card");
  EXPECT_EQ(ParseGround("RQTH"), "disabled_rqth");
  EXPECT_EQ(ParseGround("Pension d'invalidité"), "disabled_pension");
  EXPECT_EQ(ParseGround("age_60_unfit"), "age_60_unfit");
  EXPECT_FALSE(ParseGround("Adulte handicapé"));
  EXPECT_FALSE(ParseGround("voisin inquiet"));
}

TEST(ImportRow, ARowBecomesAPerson) {
  const std::vector<std::string> headings = {"Civilité", "Nom Prénom",    "Né(e) le", "Adresse",  "CP Ville",
                                             "Tél.",     "Tél. portable", "Langues",  "Audition", "Motif"};
  const auto mapping = MapColumns(headings, {});
  const std::vector<std::string> fields = {"Mme",
                                           "DE LA FONTAINE Marie-Thérèse",
                                           "09/03/1941",
                                           "12 bis rue Victor Hugo",
                                           "80000 Amiens",
                                           "03 21 01 63 10 / 06 12 34 56 78",
                                           "06.12.34.56.78",
                                           "français, arabe",
                                           "malentendante",
                                           "65 ans et plus"};
  const ParsedRow row = ParseImportRow(fields, mapping.columns, true, kToday);
  EXPECT_TRUE(row.problems.empty());
  const Person& p = row.person;
  EXPECT_EQ(p.civility, Civility::kMadame);
  EXPECT_EQ(p.last_name, "DE LA FONTAINE");
  EXPECT_EQ(p.first_names, "Marie-Thérèse");
  EXPECT_EQ(p.birth_date, Date(year(1941), month(3), day(9)));
  EXPECT_EQ(p.address.number, "12 bis");
  EXPECT_EQ(p.address.street, "rue Victor Hugo");
  EXPECT_EQ(p.address.postcode, "80000");
  EXPECT_EQ(p.address.town, "Amiens");
  ASSERT_EQ(p.phones.size(), 2u);  // the mobile given twice is kept once
  EXPECT_EQ(p.phones[0].e164, "+33321016310");
  EXPECT_EQ(p.phones[1].e164, "+33612345678");
  EXPECT_EQ(p.languages, (std::vector<std::string>{"fr", "ar"}));
  EXPECT_EQ(p.hearing, HearingDifficulty::kHardOfHearing);
  EXPECT_EQ(row.register_fields.ground, "age_65");
  // Without the user's "existing register" declaration, register columns are not read.
  EXPECT_FALSE(ParseImportRow(fields, mapping.columns, false, kToday).register_fields.any());
}

TEST(ImportRow, BadValuesAreProblemsNamingTheirColumn) {
  const std::vector<std::string> headings = {"Nom", "Date de naissance", "Téléphone", "Civilité", "Langue"};
  const auto mapping = MapColumns(headings, {});
  const ParsedRow row =
      ParseImportRow({"Dupont", "31/02/1941", "12", "Docteur", "klingon"}, mapping.columns, false, kToday);
  ASSERT_EQ(row.problems.size(), 4u);
  EXPECT_EQ(row.problems[0].column, "Date de naissance");
  EXPECT_EQ(row.problems[0].message_key, "import.row.date_invalid");
  EXPECT_EQ(row.problems[0].args.at("value"), "31/02/1941");
  EXPECT_EQ(row.problems[1].message_key, "import.row.phone_invalid");
  EXPECT_EQ(row.problems[2].message_key, "import.row.civility_invalid");
  EXPECT_EQ(row.problems[3].message_key, "import.row.language_unknown");
}

TEST(ImportRow, HashDependsOnWhatTheRowSaysNotHowItIsWritten) {
  const auto mapping = MapColumns({"Nom", "Prénom", "Né le", "Tél"}, {});
  const ParsedRow a = ParseImportRow({"Dupont", "Jean", "01/02/1940", "0321016310"}, mapping.columns, false, kToday);
  const ParsedRow b =
      ParseImportRow({" Dupont ", "Jean", "1940-02-01", "+33 3 21 01 63 10"}, mapping.columns, false, kToday);
  const ParsedRow c = ParseImportRow({"Dupont", "Jeanne", "01/02/1940", "0321016310"}, mapping.columns, false, kToday);
  EXPECT_EQ(RowHash(a), RowHash(b));
  EXPECT_NE(RowHash(a), RowHash(c));
  EXPECT_EQ(RowHash(a).size(), 64u);
}

TEST(ImportRow, PostcodeWithoutItsLeadingZero) {
  const auto mapping = MapColumns({"Nom", "CP"}, {});
  EXPECT_EQ(ParseImportRow({"Dupont", "1000"}, mapping.columns, false, kToday).person.address.postcode, "01000");
}

}  // namespace
}  // namespace lien::registry
