#include "register/export_documents.hpp"

#include <gtest/gtest.h>

#include "documents/csv_reader.hpp"

namespace lien::registry {
namespace {

using namespace std::chrono;
constexpr Date kToday{year(2026), month(11), day(23)};

Person Eloise() {
  Person p;
  p.civility = Civility::kMadame;
  p.last_name = "=Lefèvre";
  p.first_names = "Éloïse";
  p.birth_date = Date{year(1941), month(3), day(9)};
  p.address = {"12 bis", "rue Victor Hugo", "Résidence les Tilleuls",   "B",         "3e", "1234A",
               "80000",  "Amiens",          "@sonner deux fois, chien", std::nullopt};
  p.phones = {{"+33322016310", "fixe"}, {"+33612345678", "fille"}};
  p.languages = {"fr", "pt"};
  p.hearing = HearingDifficulty::kHardOfHearing;
  p.status = PersonStatus::kInHospital;
  p.status_until = Date{year(2026), month(12), day(1)};
  return p;
}

TEST(ExportDocuments, SheetHoldsOnlyTheGroupsOfTheView) {
  const auto identity_only = PersonsSheet({Eloise()}, {}, kToday);
  ASSERT_EQ(identity_only.columns.size(), 6U);
  EXPECT_EQ(identity_only.rows[0][5], "85");
  const auto everything = PersonsSheet({Eloise()}, {true, true}, kToday);
  EXPECT_EQ(everything.columns.size(), 21U);
  EXPECT_EQ(everything.columns.back().heading, "Jusqu'au");
  const std::string csv = documents::WriteCsv(everything);
  EXPECT_EQ(csv.find("=Lefèvre"), csv.find("'=Lefèvre") + 1) << "neutralised";
  EXPECT_NE(csv.find("'@sonner deux fois, chien"), std::string::npos);
  EXPECT_NE(csv.find("03 22 01 63 10 (fixe), 06 12 34 56 78 (fille)"), std::string::npos);
  EXPECT_NE(csv.find("09/03/1941"), std::string::npos);
  EXPECT_EQ(PersonsSheet({Eloise()}, {true, false}, kToday).columns.size(), 19U);
}

TEST(ExportDocuments, VisitSheetIsOnePage) {
  VisitSheetOptions options;
  options.footer = "Lien – fiche de visite – confidentiel";
  const auto without = VisitSheetPdf(Eloise(), options, kToday);
  ASSERT_TRUE(without.has_value());
  EXPECT_TRUE(without->starts_with("%PDF-"));
  EXPECT_NE(without->find("/Count 1"), std::string::npos);
  options.emergency_contact = EmergencyContact{"Anne Lefèvre", "fille", "+33612345678"};
  const auto with = VisitSheetPdf(Eloise(), options, kToday);
  ASSERT_TRUE(with.has_value());
  EXPECT_NE(with->find("/Count 1"), std::string::npos);
}

}  // namespace
}  // namespace lien::registry
