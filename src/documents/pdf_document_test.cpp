#include "documents/pdf_document.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace lien::documents {
namespace {

// The page count as the PDF's page tree declares it ("/Type /Pages ... /Count N"); libharu writes the
// dictionaries uncompressed, only content streams are compressed.
int DeclaredPages(const std::string& pdf) {
  const std::regex count("/Count (\\d+)");
  int pages = -1;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), count); it != std::sregex_iterator(); ++it) {
    pages = std::max(pages, std::stoi((*it)[1]));
  }
  return pages;
}

PdfOptions Options() {
  PdfOptions options;
  options.title = "Fiche de visite – Éloïse Lefèvre";
  options.footer = "Mairie d'Amiens – document confidentiel";
  return options;
}

TEST(PdfDocument, OnePageWithFrenchTextAndEuroSign) {
  auto document = PdfDocument::Create(Options());
  ASSERT_TRUE(document.has_value()) << document.error().args.at("reason");
  document->Title("Fiche de visite à domicile – Éloïse Lefèvre");
  document->Heading("Coordonnées");
  document->KeyValues({{"Adresse", "12 bis rue Victor Hugo, 80000 Amiens"},
                       {"Code de la porte", "1234A — 3e étage, ascenseur en panne"},
                       {"Téléphones", "03 21 01 63 10\n06 12 34 56 78"},
                       {"Langues", ""}});
  document->Paragraph("Aide ménagère : 12,50 € de l'heure. Œuvre, cœur, naïf, çà et là, « guillemets ».");
  EXPECT_EQ(document->page_count(), 1);
  const auto pdf = document->Finish();
  ASSERT_TRUE(pdf.has_value()) << pdf.error().args.at("reason");
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->find("%%EOF"), std::string::npos);
  EXPECT_EQ(DeclaredPages(*pdf), 1);
  EXPECT_NE(pdf->find("DejaVuSans"), std::string::npos);
}

TEST(PdfDocument, LongTableRepeatsOverPagesAndCountsThem) {
  auto document = PdfDocument::Create(Options());
  ASSERT_TRUE(document.has_value());
  document->Title("Registre – liste");
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 300; ++i) {
    rows.push_back({"Lefèvre " + std::to_string(i), "Jean-Éric", "12 bis rue Victor Hugo 80000 Amiens",
                    i % 10 == 0 ? std::string(400, 'x') : "03 21 01 63 10"});
  }
  document->Table({{"Nom", 2}, {"Prénom", 2}, {"Adresse", 4}, {"Téléphone", 2}}, rows);
  const int pages = document->page_count();
  EXPECT_GT(pages, 5);
  const auto pdf = document->Finish();
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(DeclaredPages(*pdf), pages);
}

TEST(PdfDocument, WrapsLongParagraphsAndBreaksPages) {
  auto document = PdfDocument::Create(Options());
  ASSERT_TRUE(document.has_value());
  std::string long_text;
  for (int i = 0; i < 800; ++i) long_text += "personne vulnérable ";
  document->Paragraph(long_text);
  document->Paragraph(std::string(3000, 'W'));  // one word wider than the page
  document->PageBreak();
  document->Paragraph("fin");
  EXPECT_GE(document->page_count(), 3);
  const int pages = document->page_count();
  const auto pdf = document->Finish();
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(DeclaredPages(*pdf), pages);
}

TEST(PdfDocument, BrokenUtf8AndControlCharactersDoNotFail) {
  auto document = PdfDocument::Create(Options());
  ASSERT_TRUE(document.has_value());
  document->Paragraph("Pr\xE9nom\x01\x02\tfin");
  document->Table({{"a"}}, {{"\xC3"}, {}});
  const auto pdf = document->Finish();
  ASSERT_TRUE(pdf.has_value());
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
}

TEST(PdfDocument, MissingFontsAreAnErrorNotACrash) {
  PdfOptions options = Options();
  options.font_directory = "/nonexistent";
  const auto document = PdfDocument::Create(options);
  ASSERT_FALSE(document.has_value());
  EXPECT_EQ(document.error().message_key, "documents.pdf_failed");
}

TEST(PdfDocument, FinishTwiceIsAnError) {
  auto document = PdfDocument::Create(Options());
  ASSERT_TRUE(document.has_value());
  ASSERT_TRUE(document->Finish().has_value());
  EXPECT_FALSE(document->Finish().has_value());
}

}  // namespace
}  // namespace lien::documents
