#include "register/import_plan.hpp"

#include <gtest/gtest.h>

namespace lien::registry {
namespace {

using namespace std::chrono;
constexpr Date kToday{year(2026), month(11), day(23)};

documents::CsvTable Table(std::string_view text) {
  auto table = documents::ReadCsvTable(text);
  EXPECT_TRUE(table.has_value());
  return *table;
}

ImportPlan Plan(std::string_view text, std::span<const Person> existing = {},
                const std::unordered_map<std::string, std::int64_t>& hashes = {}, ImportSettings settings = {}) {
  const auto table = Table(text);
  auto columns = CheckedMapping(table, settings);
  EXPECT_TRUE(columns.has_value()) << (columns ? "" : columns.error().message_key);
  return PlanImport(table, *columns, settings, existing, hashes, kToday);
}

Person Stored(std::int64_t id, std::string last, std::string first, Date birth) {
  Person p;
  p.id = id;
  p.version = 3;
  p.last_name = std::move(last);
  p.first_names = std::move(first);
  p.birth_date = birth;
  return p;
}

TEST(ImportPlan, CreatesUpdatesAndLeavesUnchanged) {
  const std::vector<Person> existing = {Stored(7, "Lefèvre", "Éloïse", Date{year(1941), month(3), day(9)}),
                                        Stored(8, "Martin", "Jean", Date{year(1938), month(11), day(2)})};
  const ImportPlan plan = Plan(
      "Nom;Prénom;Né le;Ville\n"
      "LEFEVRE;Eloise;09/03/1941;Amiens\n"  // exact match, brings the town: update
      "Martin;Jean;02/11/1938;\n"           // exact match, nothing new: unchanged
      "Durand;Marie;01/01/1950;Albert\n"    // new
      "Durand;Marie;01/01/1950;Albert\n",   // the same row again: unchanged, not created twice
      existing);
  EXPECT_EQ(plan.rows_read, 4U);
  EXPECT_EQ(plan.updated, 1U);
  EXPECT_EQ(plan.unchanged, 2U);
  EXPECT_EQ(plan.created, 1U);
  EXPECT_EQ(plan.rejected_rows, 0U);
  ASSERT_EQ(plan.rows.size(), 3U);
  EXPECT_EQ(plan.rows[0].action, RowAction::kUpdate);
  EXPECT_EQ(plan.rows[0].person.id, 7);
  EXPECT_EQ(plan.rows[0].expected_version, 3);
  EXPECT_EQ(plan.rows[0].person.last_name, "LEFEVRE");
  EXPECT_EQ(plan.rows[0].person.address.town, "Amiens");
}

TEST(ImportPlan, RowsImportedBeforeAreUnchangedByTheirHash) {
  const std::string text = "Nom;Prénom;Né le\nDurand;Marie;01/01/1950\n";
  const ImportPlan first = Plan(text);
  ASSERT_EQ(first.rows.size(), 1U);
  Person stored = first.rows[0].person;
  stored.id = 42;
  stored.last_name = "Durand-Petit";  // edited since: the same file must not undo the edit
  const std::vector<Person> existing = {stored};
  const ImportPlan again = Plan(text, existing, {{first.rows[0].row_hash, 42}});
  EXPECT_EQ(again.created, 0U);
  EXPECT_EQ(again.unchanged, 1U);
}

TEST(ImportPlan, RejectionsCarryLineColumnAndReason) {
  const ImportPlan plan = Plan(
      "Nom;Prénom;Date de naissance;CP\n"
      "Dupont;Jean;01/02/1940;80000\n"
      "Petit;Luc;01/02/2040;80000\n"
      "Roux;Anne;01/02/1940;8000A\n"
      ";Sans nom;01/02/1940;80000\n");
  EXPECT_EQ(plan.created, 1U);
  EXPECT_EQ(plan.rejected_rows, 3U);
  ASSERT_EQ(plan.rejected.size(), 3U);
  EXPECT_EQ(plan.rejected[0].line, 3U);
  EXPECT_EQ(plan.rejected[0].column, "Date de naissance");
  EXPECT_EQ(plan.rejected[1].line, 4U);
  EXPECT_EQ(plan.rejected[1].column, "CP");
  EXPECT_EQ(plan.rejected[2].line, 5U);
  EXPECT_EQ(plan.rejected[2].column, "Nom");
}

TEST(ImportPlan, FlagsLikelyDuplicatesInTheRegisterAndInTheFile) {
  Person stored = Stored(9, "Lefèvre", "Marie-Thérèse", Date{year(1941), month(3), day(9)});
  stored.phones = {{"+33322016310", ""}};
  const std::vector<Person> existing = {stored};
  const ImportPlan plan = Plan(
      "Nom;Prénom;Né le;Tél\n"
      "Lefebvre;Marie-Therese;09/03/1941;\n"  // a spelling variant of the stored person
      "Bertiot;Paul;05/05/1935;0321987654\n"
      "Bertiot;Paul;05/05/1935;03 21 98 76 55\n",  // same name and birth date as the row above
      existing);
  EXPECT_EQ(plan.created, 3U);
  EXPECT_EQ(plan.flagged, 2U);
  ASSERT_EQ(plan.flags.size(), 2U);
  EXPECT_EQ(plan.flags[0].line, 2U);
  EXPECT_EQ(plan.flags[0].person_id, 9);
  EXPECT_EQ(plan.flags[1].line, 4U);
  EXPECT_EQ(plan.flags[1].other_line, 3U);
}

TEST(ImportPlan, MappingErrors) {
  const auto table = Table("Famille;Jour\nDupont;01/01/1940\n");
  EXPECT_EQ(CheckedMapping(table, {}).error().message_key, "import.no_name_column");
  ImportSettings settings;
  settings.mapping = {{"Famille", "last_name"}};
  EXPECT_TRUE(CheckedMapping(table, settings).has_value());
  settings.existing_register = true;
  EXPECT_EQ(CheckedMapping(table, settings).error().message_key, "import.register_needs_ground");
  settings = {};
  settings.mapping = {{"Famille", "surname"}};
  EXPECT_EQ(CheckedMapping(table, settings).error().message_key, "import.mapping_unknown_field");
  settings.mapping = {{"Absent", "last_name"}};
  EXPECT_EQ(CheckedMapping(table, settings).error().message_key, "import.mapping_unknown_heading");
  settings.mapping = {{"Famille", "last_name"}, {"Jour", ""}};
  const auto columns = CheckedMapping(table, settings);
  ASSERT_TRUE(columns.has_value());
  EXPECT_EQ((*columns)[1].field, ImportField::kIgnore);
}

TEST(ImportPlan, ExistingRegisterNeedsAGroundOnEveryRow) {
  ImportSettings settings;
  settings.existing_register = true;
  const ImportPlan plan = Plan(
      "Nom;Prénom;Motif\n"
      "Dupont;Jean;65 ans et plus\n"
      "Petit;Luc;\n"
      "Roux;Anne;voisine inquiète\n",
      {}, {}, settings);
  EXPECT_EQ(plan.created, 1U);
  EXPECT_EQ(plan.rejected_rows, 2U);
  EXPECT_EQ(plan.rows[0].register_fields.ground, "age_65");
}

}  // namespace
}  // namespace lien::registry
