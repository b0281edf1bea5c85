#include "documents/spreadsheet.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <map>

#include "documents/csv_reader.hpp"

namespace lien::documents {
namespace {

// The members of a zip archive (stored or deflated), read through its central directory: enough to open the
// .xlsx again and look at the XML libxlsxwriter wrote.
std::uint32_t Le(const std::string& bytes, std::size_t at, int width) {
  std::uint32_t value = 0;
  for (int i = width - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes.at(at + static_cast<std::size_t>(i)));
  return value;
}

std::map<std::string, std::string> Unzip(const std::string& zip) {
  std::map<std::string, std::string> members;
  const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return members;
  const std::uint32_t entries = Le(zip, end + 10, 2);
  std::size_t at = Le(zip, end + 16, 4);
  for (std::uint32_t e = 0; e < entries; ++e) {
    if (Le(zip, at, 4) != 0x02014b50) break;
    const std::uint32_t method = Le(zip, at + 10, 2);
    const std::uint32_t compressed = Le(zip, at + 20, 4);
    const std::uint32_t size = Le(zip, at + 24, 4);
    const std::uint32_t name_length = Le(zip, at + 28, 2);
    const std::uint32_t extra_length = Le(zip, at + 30, 2);
    const std::uint32_t comment_length = Le(zip, at + 32, 2);
    const std::uint32_t local = Le(zip, at + 42, 4);
    const std::string name = zip.substr(at + 46, name_length);
    at += 46 + name_length + extra_length + comment_length;
    const std::size_t data = local + 30 + Le(zip, local + 26, 2) + Le(zip, local + 28, 2);
    std::string content(size, '\0');
    if (method == 0) {
      content = zip.substr(data, size);
    } else {
      z_stream stream{};
      inflateInit2(&stream, -MAX_WBITS);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      stream.avail_in = compressed;
      stream.next_out = reinterpret_cast<Bytef*>(content.data());
      stream.avail_out = size;
      const int status = inflate(&stream, Z_FINISH);
      inflateEnd(&stream);
      if (status != Z_STREAM_END) content = "<inflate failed>";
    }
    members[name] = content;
  }
  return members;
}

Sheet PersonsSheet() {
  Sheet sheet;
  sheet.name = "Personnes";
  sheet.columns = {{"Nom", 20, CellKind::kText},
                   {"Prénom", 16, CellKind::kText},
                   {"Né(e) le", 12, CellKind::kDate},
                   {"Âge", 6, CellKind::kNumber},
                   {"Observations", 40, CellKind::kText}};
  sheet.rows = {
      {"Lefèvre", "Éloïse", "1941-03-09", "85", "=HYPERLINK(\"http://evil\";\"clic\")"},
      {"@SUM(A1)", "+33 3 21 01 63 10", "pas une date", "-3", "-2+3"},
      {"Martin; \"dit Pépé\"", "Jean\nPierre", "", "", "ordinaire"},
      {"Court"},
  };
  return sheet;
}

TEST(Spreadsheet, NeutraliseFormula) {
  EXPECT_EQ(NeutraliseFormula("=1+1"), "'=1+1");
  EXPECT_EQ(NeutraliseFormula("+33 3 21"), "'+33 3 21");
  EXPECT_EQ(NeutraliseFormula("-2+3"), "'-2+3");
  EXPECT_EQ(NeutraliseFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(NeutraliseFormula("\t=1"), "'\t=1");
  EXPECT_EQ(NeutraliseFormula("\r=1"), "'\r=1");
  EXPECT_EQ(NeutraliseFormula("Lefèvre = chef"), "Lefèvre = chef");
  EXPECT_EQ(NeutraliseFormula(""), "");
}

TEST(Spreadsheet, CsvForFrenchExcelReadsBackAndIsNeutralised) {
  const std::string csv = WriteCsv(PersonsSheet());
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.find("Nom;Prénom;Né(e) le;Âge;Observations\r\n"), std::string::npos);
  const auto table = ReadCsvTable(std::string_view(csv).substr(3));
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->separator, ';');
  ASSERT_EQ(table->rows.size(), 4u);
  using Fields = std::vector<std::string>;
  EXPECT_EQ(table->rows[0].fields,
            (Fields{"Lefèvre", "Éloïse", "09/03/1941", "85", "'=HYPERLINK(\"http://evil\";\"clic\")"}));
  EXPECT_EQ(table->rows[1].fields, (Fields{"'@SUM(A1)", "'+33 3 21 01 63 10", "pas une date", "-3", "'-2+3"}));
  EXPECT_EQ(table->rows[2].fields, (Fields{"Martin; \"dit Pépé\"", "Jean\nPierre", "", "", "ordinaire"}));
  EXPECT_EQ(table->rows[3].fields, (Fields{"Court", "", "", "", ""}));
  for (const CsvRecord& row : table->rows) EXPECT_EQ(row.issue, CsvIssue::kNone);
}

TEST(Spreadsheet, XlsxIsAZipWithTheCellsNeutralisedAndTheHeaderFrozen) {
  const auto xlsx = WriteXlsx(PersonsSheet());
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().args.at("reason");
  ASSERT_TRUE(xlsx->starts_with("PK\x03\x04"));
  const auto members = Unzip(*xlsx);
  ASSERT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(members.contains("xl/workbook.xml"));
  EXPECT_NE(members.at("xl/workbook.xml").find("name=\"Personnes\""), std::string::npos);
  const std::string& sheet = members.at("xl/worksheets/sheet1.xml");
  // constant_memory mode writes strings inline, so the sheet's XML holds them.
  EXPECT_NE(sheet.find("<t>'=HYPERLINK(\"http://evil\";\"clic\")</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("'@SUM(A1)"), std::string::npos);
  EXPECT_NE(sheet.find("'+33 3 21 01 63 10"), std::string::npos);
  EXPECT_EQ(sheet.find("<t>="), std::string::npos);
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);  // no formula anywhere
  EXPECT_NE(sheet.find("Lefèvre"), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:E5\"/>"), std::string::npos);
  // 9 March 1941 is Excel day 15044; -3 a number.
  EXPECT_NE(sheet.find("<v>15044</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>-3</v>"), std::string::npos);
}

TEST(Spreadsheet, EmptySheetStillWrites) {
  Sheet sheet;
  sheet.columns = {{"Nom"}};
  const auto xlsx = WriteXlsx(sheet);
  ASSERT_TRUE(xlsx.has_value());
  EXPECT_TRUE(xlsx->starts_with("PK"));
  EXPECT_EQ(WriteCsv(sheet), "\xEF\xBB\xBFNom\r\n");
}

TEST(Spreadsheet, InvalidSheetNameIsAnError) {
  Sheet sheet;
  sheet.name = "a/b";
  sheet.columns = {{"Nom"}};
  const auto xlsx = WriteXlsx(sheet);
  ASSERT_FALSE(xlsx.has_value());
  EXPECT_EQ(xlsx.error().message_key, "export.write_failed");
}

}  // namespace
}  // namespace lien::documents
