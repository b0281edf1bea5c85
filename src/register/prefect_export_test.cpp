// The register's documents: the acknowledgement letter fits on one page, the prefect's list is a real .xlsx or
// PDF whatever the number of rows.

#include "register/prefect_export.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "register/acknowledgement_letter.hpp"

namespace lien::registry {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{7}, day{15}};

// The page count as the PDF's page tree declares it ("/Type /Pages ... /Count N").
int DeclaredPages(const std::string& pdf) {
  static const std::regex count(R"(/Count (\d+))");
  int pages = -1;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), count); it != std::sregex_iterator(); ++it) {
    pages = std::max(pages, std::stoi((*it)[1]));
  }
  return pages;
}

store::DueAcknowledgement Row(int n) {
  store::DueAcknowledgement row;
  row.person.id = n;
  row.person.civility = "mme";
  row.person.last_name = "Lefèvre-" + std::to_string(n);
  row.person.first_names = "Marie-Thérèse";
  row.person.birth_date = "1938-04-12";
  row.person.address_number = "12 bis";
  row.person.street = "rue Victor Hugo";
  row.person.address_complement = "Résidence les Tilleuls";
  row.person.floor = "3";
  row.person.postcode = "80000";
  row.person.town = "Amiens";
  row.person.phones = {"+33322016310", "+33612345678"};
  row.entry.ground = n % 2 == 0 ? "age_65" : "disabled_pch_actp";
  row.entry.requested_by = "third_party";
  row.entry.requester_name = "Paul Voisin";
  row.entry.requested_on = Date{year{2026}, month{7}, day{1}};
  row.entry.home_care_service = "ADMR";
  row.entry.emergency_contact_name = "Sophie Lefèvre";
  row.entry.emergency_contact_relation = "fille";
  row.entry.emergency_contact_phone = "+33611223344";
  return row;
}

TEST(RegisterDocuments, TheAcknowledgementLetterIsOnePageInFrench) {
  const auto row = Row(1);
  auto pdf = AcknowledgementLetterPdf(row.person, row.entry, kToday);
  ASSERT_TRUE(pdf.has_value()) << pdf.error().message_key;
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(DeclaredPages(*pdf), 1);
  EXPECT_EQ(AddressedName(row.person), "Mme Marie-Thérèse Lefèvre-1");
  EXPECT_EQ(AddressLines(row.person),
            (std::vector<std::string>{"12 bis rue Victor Hugo", "Résidence les Tilleuls", "étage 3", "80000 Amiens"}));
  EXPECT_EQ(FrenchDate(kToday), "15/07/2026");
}

TEST(RegisterDocuments, ThePrefectsListIsASpreadsheetOrAPdfOfAnySize) {
  alerts::Alert alert;
  alert.id = 3;
  alert.kind = alerts::AlertKind::kHeatwave;
  alert.area = "Somme";
  const PrefectRequest request{alert, "Préfecture de la Somme", "Plan canicule", "Claire Coord", kToday};
  for (int count : {0, 1, 150}) {
    std::vector<store::DueAcknowledgement> rows;
    for (int i = 0; i < count; ++i) rows.push_back(Row(i));
    auto xlsx = PrefectListFile(rows, request, PrefectFormat::kXlsx);
    ASSERT_TRUE(xlsx.has_value()) << xlsx.error().message_key;
    EXPECT_EQ(xlsx->substr(0, 2), "PK");
    auto pdf = PrefectListFile(rows, request, PrefectFormat::kPdf);
    ASSERT_TRUE(pdf.has_value()) << pdf.error().message_key;
    EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
    if (count == 150) {
      EXPECT_GT(DeclaredPages(*pdf), 5) << "a long list runs over pages";
    }
  }
  EXPECT_EQ(AlertKindLabel(alerts::AlertKind::kCold), "Grand froid");
}

}  // namespace
}  // namespace lien::registry
