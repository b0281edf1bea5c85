#include "documents/csv_reader.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "documents/text_encoding.hpp"

namespace lien::documents {
namespace {

using Fields = std::vector<std::string>;

CsvTable Read(std::string_view text) {
  auto table = ReadCsvTable(text);
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().message_key);
  return table ? *table : CsvTable{};
}

TEST(CsvSeparator, DetectsSemicolonCommaAndTab) {
  EXPECT_EQ(DetectSeparator("Nom;Prénom;Ville\nDupont;Jean;Amiens\n"), ';');
  EXPECT_EQ(DetectSeparator("Nom,Prénom,Ville\nDupont,Jean,Amiens\n"), ',');
  EXPECT_EQ(DetectSeparator("Nom\tPrénom\tVille\nDupont\tJean\tAmiens\n"), '\t');
  EXPECT_EQ(DetectSeparator("Nom\n"), ';');
  EXPECT_EQ(DetectSeparator(""), ';');
}

TEST(CsvSeparator, CommasInsideAddressesDoNotWinOverSemicolons) {
  const std::string text =
      "Nom;Adresse;Ville\n"
      "Dupont;12, rue Victor Hugo;Amiens\n"
      "Martin;3 place Gambetta;Amiens\n"
      "\"Durand, Marie\";1, allée des Pins, bât. B;Albert\n";
  EXPECT_EQ(DetectSeparator(text), ';');
}

TEST(CsvSeparator, SeparatorsInsideQuotesAreNotCounted) { EXPECT_EQ(DetectSeparator("\"a;b;c\",d\n\"e;f\",g\n"), ','); }

TEST(CsvReader, QuotesDoubledQuotesAndLineBreaksInsideFields) {
  const std::string text =
      "Nom;Observations;Ville\r\n"
      "\"Dupont\";\"Dit \"\"Jeannot\"\"; sourd\";Amiens\r\n"
      "Martin;\"Première ligne\r\nDeuxième ligne\nTroisième\";Albert\r\n"
      "Durand;;\r\n";
  const CsvTable table = Read(text);
  EXPECT_EQ(table.separator, ';');
  EXPECT_EQ(table.header, (Fields{"Nom", "Observations", "Ville"}));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"Dupont", "Dit \"Jeannot\"; sourd", "Amiens"}));
  EXPECT_EQ(table.rows[0].line, 2u);
  EXPECT_EQ(table.rows[1].fields, (Fields{"Martin", "Première ligne\nDeuxième ligne\nTroisième", "Albert"}));
  EXPECT_EQ(table.rows[1].line, 3u);
  // The record after a field spanning three lines starts on line 6.
  EXPECT_EQ(table.rows[2].line, 6u);
  EXPECT_EQ(table.rows[2].fields, (Fields{"Durand", "", ""}));
  for (const CsvRecord& row : table.rows) EXPECT_EQ(row.issue, CsvIssue::kNone);
}

TEST(CsvReader, BlankLinesAreSkippedAndLineNumbersKept) {
  const std::string text = "Nom;Prénom\n\nDupont;Jean\n;\n\r\n  \nMartin;Paul\n\n";
  const CsvTable table = Read(text);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 3u);
  EXPECT_EQ(table.rows[1].line, 7u);
  EXPECT_EQ(table.rows[1].fields, (Fields{"Martin", "Paul"}));
  EXPECT_EQ(table.rows[1].issue, CsvIssue::kNone);
}

TEST(CsvReader, OldMacLineEndsAndNoFinalLineEnd) {
  const CsvTable table = Read("Nom;Prénom\rDupont;Jean\rMartin;Paul");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].line, 3u);
  EXPECT_EQ(table.rows[1].fields, (Fields{"Martin", "Paul"}));
}

TEST(CsvReader, ExtraAndMissingColumnsAreReportedPerRow) {
  const std::string text =
      "Nom;Prénom;Ville;;\n"  // trailing empty headings, as Excel writes after formatted columns
      "Dupont;Jean;Amiens;;\n"
      "Martin;Paul\n"
      "Durand;Marie;Albert;en trop\n"
      "Petit;Luc;Corbie\n";
  const CsvTable table = Read(text);
  EXPECT_EQ(table.header, (Fields{"Nom", "Prénom", "Ville"}));
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0].issue, CsvIssue::kNone);
  EXPECT_EQ(table.rows[0].fields.size(), 3u);
  EXPECT_EQ(table.rows[1].issue, CsvIssue::kTooFewFields);
  EXPECT_EQ(table.rows[1].line, 3u);
  EXPECT_EQ(table.rows[2].issue, CsvIssue::kTooManyFields);
  EXPECT_EQ(table.rows[2].line, 4u);
  EXPECT_EQ(table.rows[2].fields.back(), "en trop");
  EXPECT_EQ(table.rows[3].issue, CsvIssue::kNone);
}

TEST(CsvReader, UnterminatedQuoteIsReportedWithItsLine) {
  const std::string text =
      "Nom;Observations\n"
      "Dupont;ok\n"
      "Martin;\"ouvert\n"
      "Durand;jamais fermé\n"
      "Petit;rien\n";
  const CsvTable table = Read(text);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].issue, CsvIssue::kNone);
  EXPECT_EQ(table.rows[1].issue, CsvIssue::kUnterminatedQuote);
  EXPECT_EQ(table.rows[1].line, 3u);
  EXPECT_EQ(table.rows[1].issue_line, 3u);
}

TEST(CsvReader, UnterminatedQuoteInTheHeaderFails) {
  const auto table = ReadCsvTable("\"Nom;Prénom\nDupont;Jean\n");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().message_key, "import.header_unterminated_quote");
  EXPECT_EQ(table.error().args.at("line"), "1");
}

TEST(CsvReader, EmptyFileFails) {
  for (const std::string_view text : {"", "\n\n", ";;;\r\n;;\r\n"}) {
    const auto table = ReadCsvTable(text);
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(table.error().message_key, "import.empty_file");
  }
}

TEST(CsvReader, TextAfterAClosingQuoteIsKept) {
  const CsvTable table = Read("a;b\n\"x\"y;z\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"xy", "z"}));
}

TEST(CsvReader, Windows1252FileWithCommasThroughTheDecoder) {
  const DecodedText text = DecodeToUtf8("Nom,Pr\xE9nom,Ville\r\nL\xE9vy,H\xE9l\xE8ne,\"Saint-\xC9tienne, centre\"\r\n");
  const CsvTable table = Read(text.utf8);
  EXPECT_EQ(table.separator, ',');
  EXPECT_EQ(table.header, (Fields{"Nom", "Prénom", "Ville"}));
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"Lévy", "Hélène", "Saint-Étienne, centre"}));
}

TEST(CsvReader, FiftyThousandRowsInLinearTime) {
  std::string text = "Nom;Prénom;Date de naissance;Adresse;CP;Ville;Observations\r\n";
  constexpr int kRows = 50'000;
  for (int i = 0; i < kRows; ++i) {
    text += "Lefèvre" + std::to_string(i) + ";Jean-Éric;01/02/1940;\"12 bis, rue Victor Hugo\";80000;Amiens;";
    text += (i % 100 == 0) ? "\"Note sur\r\ndeux lignes \"\"importante\"\"\"\r\n" : "\r\n";
    if (i % 1000 == 0) text += "\r\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const CsvTable table = Read(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(table.rows.size(), static_cast<std::size_t>(kRows));
  std::size_t line = 2;
  for (int i = 0; i < kRows; ++i) {
    const CsvRecord& row = table.rows[static_cast<std::size_t>(i)];
    ASSERT_EQ(row.issue, CsvIssue::kNone) << i;
    ASSERT_EQ(row.line, line) << i;
    ASSERT_EQ(row.fields[0], "Lefèvre" + std::to_string(i));
    line += (i % 100 == 0) ? 2 : 1;
    if (i % 1000 == 0) ++line;
  }
  EXPECT_EQ(table.rows[100].fields[6], "Note sur\ndeux lignes \"importante\"");
  // About 5 MB: a debug build reads it in well under a second; the bound only catches quadratic behaviour.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 5000);
}

}  // namespace
}  // namespace lien::documents
