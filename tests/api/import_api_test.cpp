// The import of a register file over HTTP: dry run, then the import, all or nothing; the same file twice creates
// nothing; a broken file gets line-numbered errors and imports nothing; Windows-1252 files; permissions.

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api_fixture.hpp"
#include "documents/base64.hpp"
#include "documents/csv_reader.hpp"

namespace lien::api_test {
namespace {

// A register as a town keeps it in Excel, saved as "CSV UTF-8": BOM, `;`, CRLF, a quoted field with a line
// break, phones in several notations, "12 bis rue …" addresses, a blank line.
const std::string kRegisterCsv =
    "\xEF\xBB\xBF"
    "Civilité;NOM;Prénom(s);Né(e) le;Adresse;CP;Ville;Téléphone;Tél. portable;Observations\r\n"
    "Mme;Lefèvre;Éloïse;09/03/1941;12 bis rue Victor Hugo;80000;Amiens;03 22 01 63 10;;\"Sonner fort\r\nchien\"\r\n"
    "M.;Martin;Jean-Pierre;1938-11-02;3, place Gambetta;80000;Amiens;0322456789;06.12.34.56.78;\r\n"
    "\r\n"
    "Mme;Durand;Marie;01/01/1950;5 allée des Pins;80090;Amiens;;+33 6 98 76 54 32;\r\n";

nlohmann::json ImportBody(const std::string& content, bool dry_run, const std::string& file_name = "registre.csv") {
  return {{"file_name", file_name}, {"content_base64", documents::EncodeBase64(content)}, {"dry_run", dry_run}};
}

class ImportApi : public ApiTest {
 protected:
  std::unique_ptr<HttpClient> SocialWorker() {
    CreateUser("sophie.social", "social_worker");
    StartServer();
    return SignIn("sophie.social");
  }
};

TEST_P(ImportApi, DryRunThenImportThenTheSameFileCreatesNothing) {
  auto sophie = SocialWorker();
  auto dry = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(kRegisterCsv, true));
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto report = dry.Json();
  EXPECT_EQ(report["encoding"], "utf-8-bom");
  EXPECT_EQ(report["separator"], ";");
  EXPECT_EQ(report["rows_read"], 3);
  EXPECT_EQ(report["created"], 3);
  EXPECT_EQ(report["rejected"].size(), 0U);
  EXPECT_EQ(report["imported"], false);
  EXPECT_EQ(report["mapping"]["NOM"], "last_name");
  EXPECT_EQ(report["mapping"]["Né(e) le"], "birth_date");
  EXPECT_EQ(report["mapping"]["Tél. portable"], "phone");
  EXPECT_EQ(report["mapping"]["Observations"], "access_notes");
  EXPECT_EQ(sophie->Get("/api/v1/persons?q=lefevre").Json()["items"].size(), 0U) << "a dry run writes nothing";

  auto done = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(kRegisterCsv, false));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["imported"], true);
  EXPECT_EQ(done.Json()["created"], 3);
  EXPECT_FALSE(done.Json()["batch_id"].is_null());

  auto found = sophie->Get("/api/v1/persons?q=lefevre");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.Json()["items"].size(), 1U);
  const std::string id = found.Json()["items"][0]["id"].is_string()
                             ? found.Json()["items"][0]["id"].get<std::string>()
                             : std::to_string(found.Json()["items"][0]["id"].get<std::int64_t>());
  auto person = sophie->Get("/api/v1/persons/" + id).Json();
  EXPECT_EQ(person["first_names"], "Éloïse");
  EXPECT_EQ(person["birth_date"], "1941-03-09");
  EXPECT_EQ(person["address"]["number"], "12 bis");
  EXPECT_EQ(person["address"]["street"], "rue Victor Hugo");
  EXPECT_EQ(person["address"]["access_notes"], "Sonner fort\nchien");
  EXPECT_EQ(person["phones"][0]["number"], "+33322016310");

  auto again = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(kRegisterCsv, false));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["created"], 0);
  EXPECT_EQ(again.Json()["updated"], 0);
  EXPECT_EQ(again.Json()["unchanged"], 3);
  EXPECT_EQ(sophie->Get("/api/v1/persons?q=lefevre").Json()["items"].size(), 1U);

  // Another file about the same people: the exact match (names and birth date) updates, never duplicates.
  const std::string update =
      "Nom;Prénom;Date de naissance;Tél.\n"
      "LEFEVRE;Eloise;09/03/1941;06 11 22 33 44\n"
      "Martin;Jean-Pierre;02/11/1938;\n";
  auto updated = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(update, false, "maj.csv"));
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.Json()["created"], 0);
  EXPECT_EQ(updated.Json()["updated"], 1);
  EXPECT_EQ(updated.Json()["unchanged"], 1);
  auto phones = sophie->Get("/api/v1/persons/" + id).Json()["phones"];
  EXPECT_EQ(phones.size(), 2U);

  auto audit_check = sophie->Get("/api/v1/audit?action=import.commit");
  EXPECT_EQ(audit_check.status, 403) << "a social worker does not read the trail; the DPO does";
}

TEST_P(ImportApi, ABrokenFileGetsLineNumberedErrorsAndImportsNothing) {
  auto sophie = SocialWorker();
  const std::string broken =
      "Nom;Prénom;Date de naissance;Téléphone\n"
      "Dupont;Jean;01/02/1940;03 22 01 63 10\n"
      "Petit;Luc;31/02/1940;\n"
      "\n"
      "Roux;Anne\n"
      ";Sans nom;01/01/1945;\n"
      "Blanc;Paul;01/01/1945;12\n"
      "Noir;\"Marc;01/01/1945;\n"
      "Vert;Léa;01/01/1945;\n";
  auto done = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(broken, false));
  ASSERT_EQ(done.status, 400) << done.body;
  EXPECT_EQ(done.Json()["error"]["code"], "invalid_input");
  const auto report = done.Json()["report"];
  EXPECT_EQ(report["imported"], false);
  EXPECT_EQ(report["rejected_rows"], 5);
  std::vector<std::pair<int, std::string>> lines;
  for (const auto& r : report["rejected"]) lines.emplace_back(r["line"].get<int>(), r["column"].get<std::string>());
  const std::vector<std::pair<int, std::string>> expected = {
      {3, "Date de naissance"}, {5, ""}, {6, "Nom"}, {7, "Téléphone"}, {8, ""}};
  EXPECT_EQ(lines, expected) << report["rejected"].dump();
  EXPECT_NE(report["rejected"][0]["reason"].get<std::string>().find("31/02/1940"), std::string::npos);
  EXPECT_EQ(sophie->Get("/api/v1/persons?q=dupont").Json()["items"].size(), 0U) << "all or nothing";

  auto dry = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(broken, true));
  ASSERT_EQ(dry.status, 200);
  EXPECT_EQ(dry.Json()["created"], 1);
  EXPECT_EQ(dry.Json()["rejected_rows"], 5);
}

TEST_P(ImportApi, Windows1252FileWithCommas) {
  auto sophie = SocialWorker();
  const std::string cp1252 =
      "Nom,Pr\xE9nom,N\xE9(e) le,Adresse,Code postal,Commune\r\n"
      "L\xE9vy,H\xE9l\xE8ne,05/06/1939,\"8, rue de l'\xC9glise\",80000,Amiens\r\n";
  auto done = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(cp1252, false));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["encoding"], "windows-1252");
  EXPECT_EQ(done.Json()["separator"], ",");
  EXPECT_EQ(done.Json()["created"], 1);
  auto found = sophie->Get("/api/v1/persons?q=levy");
  ASSERT_EQ(found.Json()["items"].size(), 1U);
  EXPECT_EQ(found.Json()["items"][0]["first_names"], "Hélène");
}

TEST_P(ImportApi, MappingCorrectionsAndBadRequests) {
  auto sophie = SocialWorker();
  const std::string odd = "Famille;Petit nom;Jour\nDupont;Jean;01/02/1940\n";
  auto no_name = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(odd, true));
  EXPECT_EQ(no_name.status, 400);
  EXPECT_EQ(no_name.Json()["error"]["field"], "mapping");
  auto body = ImportBody(odd, true);
  body["mapping"] = {{"Famille", "last_name"}, {"Petit nom", "first_names"}, {"Jour", "birth_date"}};
  auto mapped = sophie->SendJson("POST", "/api/v1/imports/register", body);
  ASSERT_EQ(mapped.status, 200) << mapped.body;
  EXPECT_EQ(mapped.Json()["created"], 1);
  EXPECT_EQ(mapped.Json()["mapping"]["Jour"], "birth_date");
  body["mapping"] = {{"Absente", "last_name"}};
  EXPECT_EQ(sophie->SendJson("POST", "/api/v1/imports/register", body).status, 400);
  auto not_base64 = ImportBody(odd, true);
  not_base64["content_base64"] = "*** pas du base64 ***";
  EXPECT_EQ(sophie->SendJson("POST", "/api/v1/imports/register", not_base64).status, 400);
  auto empty = sophie->SendJson("POST", "/api/v1/imports/register", ImportBody("", true));
  EXPECT_EQ(empty.status, 400);
  auto extra = ImportBody(odd, true);
  extra["owner"] = "me";
  EXPECT_EQ(sophie->SendJson("POST", "/api/v1/imports/register", extra).status, 400);
}

TEST_P(ImportApi, OnlyRolesWithTheImportPermission) {
  CreateUser("carl.caller", "caller");
  CreateUser("ines.intake", "intake");
  StartServer();
  for (const char* login : {"carl.caller", "ines.intake"}) {
    auto client = SignIn(login);
    EXPECT_EQ(client->SendJson("POST", "/api/v1/imports/register", ImportBody(kRegisterCsv, true)).status, 403)
        << login;
  }
}

TEST_P(ImportApi, ExportsNeutraliseFormulasAndFollowTheFilters) {
  auto sophie = SocialWorker();
  const std::string hostile =
      "Nom;Prénom;Né le;Complément;Observations\n"
      "Lefèvre;Éloïse;09/03/1941;+ bât B;\"=HYPERLINK(\"\"http://evil.example\"\";\"\"clic\"\")\"\n"
      "Martin;Jean;02/11/1938;;@SUM(A1)\n";
  ASSERT_EQ(sophie->SendJson("POST", "/api/v1/imports/register", ImportBody(hostile, false)).status, 200);

  auto csv = sophie->Get("/api/v1/persons/export.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("attachment; filename=\"personnes-"), std::string::npos);
  ASSERT_TRUE(csv.body.starts_with("\xEF\xBB\xBF"));
  auto table = documents::ReadCsvTable(std::string_view(csv.body).substr(3));
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->separator, ';');
  ASSERT_EQ(table->rows.size(), 2U);
  EXPECT_EQ(table->header.front(), "Civilité");
  EXPECT_EQ(table->header.back(), "Jusqu'au") << "a social worker reads the situation";
  EXPECT_NE(csv.body.find("'=HYPERLINK(\"\"http://evil.example\"\";\"\"clic\"\")"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("'@SUM(A1)"), std::string::npos);
  EXPECT_NE(csv.body.find("'+ bât B"), std::string::npos);
  EXPECT_EQ(csv.body.find(";=HYPERLINK"), std::string::npos);

  auto filtered = sophie->Get("/api/v1/persons/export.csv?q=lefevre");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(documents::ReadCsvTable(std::string_view(filtered.body).substr(3))->rows.size(), 1U);
  EXPECT_EQ(sophie->Get("/api/v1/persons/export.csv?ground=aged_65").status, 403)
      << "the register is never a filter for someone who is not a designated agent";

  auto xlsx = sophie->Get("/api/v1/persons/export.xlsx?town=");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.body.starts_with("PK\x03\x04"));

  auto found = sophie->Get("/api/v1/persons?q=lefevre").Json()["items"][0]["id"];
  const std::string id = found.is_string() ? found.get<std::string>() : std::to_string(found.get<std::int64_t>());
  auto pdf = sophie->Get("/api/v1/persons/" + id + "/visit-sheet.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_NE(pdf.body.find("/Count 1"), std::string::npos);
  EXPECT_EQ(sophie->Get("/api/v1/persons/999999/visit-sheet.pdf").status, 404);
}

TEST_P(ImportApi, AnExistingRegisterCreatesEntriesOnceWithItsSource) {
  auto sophie = SocialWorker();
  const std::string register_file =
      "Nom;Prénom;Né(e) le;Motif d'inscription;Personne à prévenir;Tél. personne à prévenir\n"
      "Lefèvre;Éloïse;09/03/1941;65 ans et plus;Anne Lefèvre;06 12 34 56 78\n"
      "Martin;Paul;02/11/1970;AAH;;\n"
      "Roux;Anne;01/01/1950;Adulte handicapé;;\n";
  auto body = ImportBody(register_file, true, "registre-canicule-2025.csv");
  body["existing_register"] = true;
  auto dry = sophie->SendJson("POST", "/api/v1/imports/register", body);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Json()["rejected_rows"], 1) << "a bare \"handicapé\" does not say which ground";
  EXPECT_EQ(dry.Json()["rejected"][0]["line"], 4);
  EXPECT_EQ(dry.Json()["rejected"][0]["column"], "Motif d'inscription");

  const std::string fixed = register_file.substr(0, register_file.rfind("Roux")) + "Roux;Anne;01/01/1950;RQTH;;\n";
  body = ImportBody(fixed, false, "registre-canicule-2025.csv");
  body["existing_register"] = true;
  auto done = sophie->SendJson("POST", "/api/v1/imports/register", body);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["created"], 3);
  EXPECT_EQ(done.Json()["register_entries"]["created"], 3);

  auto again = sophie->SendJson("POST", "/api/v1/imports/register", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["created"], 0);
  EXPECT_EQ(again.Json()["register_entries"]["created"], 0);
  EXPECT_EQ(again.Json()["register_entries"]["existing"], 3);

  auto plain = ImportBody("Nom;Prénom;Motif\nPetit;Luc;65 ans\n", false, "liste.csv");
  auto without = sophie->SendJson("POST", "/api/v1/imports/register", plain);
  ASSERT_EQ(without.status, 200) << without.body;
  EXPECT_EQ(without.Json()["register_entries"]["created"], 0) << "no entry unless the user declares a register";
}

TEST_P(ImportApi, TheVisitSheetShowsTheEmergencyContactOnlyToADesignatedAgent) {
  CreateUser("paul.admin", "admin");
  CreateUser("sophie.social", "social_worker");
  CreateUser("denise.dpo", "dpo");
  StartServer();
  auto sophie = SignIn("sophie.social");
  auto body = ImportBody(
      "Nom;Prénom;Né(e) le;Motif;Personne à prévenir;Tél. personne à prévenir\n"
      "Lefèvre;Éloïse;09/03/1941;65 ans et plus;Anne Lefèvre;06 12 34 56 78\n",
      false);
  body["existing_register"] = true;
  ASSERT_EQ(sophie->SendJson("POST", "/api/v1/imports/register", body).status, 200);
  auto found = sophie->Get("/api/v1/persons?q=lefevre").Json()["items"][0]["id"];
  const std::string id = found.is_string() ? found.get<std::string>() : std::to_string(found.get<std::int64_t>());
  ASSERT_EQ(sophie->Get("/api/v1/persons/" + id + "/visit-sheet.pdf").status, 200);

  auto admin = SignIn("paul.admin");
  auto users = admin->Get("/api/v1/users?q=sophie.social").Json()["items"];
  ASSERT_EQ(users.size(), 1U);
  ASSERT_EQ(admin->Send("PUT", "/api/v1/register/agents/" + std::to_string(users[0]["id"].get<std::int64_t>())).status,
            200);
  ASSERT_EQ(sophie->Send("POST", "/api/v1/register/me/secrecy").status, 200);
  ASSERT_EQ(sophie->Get("/api/v1/persons/" + id + "/visit-sheet.pdf").status, 200);

  auto dpo = SignIn("denise.dpo");
  auto trail = dpo->Get("/api/v1/audit?action=person.visit_sheet");
  ASSERT_EQ(trail.status, 200) << trail.body;
  const auto items = trail.Json()["items"];
  ASSERT_EQ(items.size(), 2U);  // newest first
  EXPECT_EQ(items[0]["details"]["emergency_contact"], "shown");
  EXPECT_EQ(items[0]["purpose"], "register");
  EXPECT_EQ(items[1]["details"]["emergency_contact"], "absent");
}

TEST_P(ImportApi, TheCommandLineReportsInFrenchAndExitsTwoOnRejectedRows) {
  const auto directory = std::filesystem::temp_directory_path() / ("lien-import-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  const std::string good = (directory / "registre.csv").string();
  const std::string broken = (directory / "casse.csv").string();
  std::ofstream(good, std::ios::binary) << kRegisterCsv;
  std::ofstream(broken, std::ios::binary) << "Nom;Prénom;Né le\nDupont;Jean;01/02/1940\nPetit;Luc;31/02/1940\n";
  const std::string db = database_->location();

  auto dry = RunLien({"import", "register", good, "--dry-run", "--db", db});
  EXPECT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_NE(dry.output.find("Personnes à créer : 3"), std::string::npos) << dry.output;
  auto refused = RunLien({"import", "register", broken, "--yes", "--db", db});
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("ligne 3, colonne Né le"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("Rien n'a été importé"), std::string::npos);
  auto done = RunLien({"import", "register", good, "--yes", "--db", db});
  EXPECT_EQ(done.exit_code, 0) << done.output;
  EXPECT_NE(done.output.find("Personnes créées : 3"), std::string::npos) << done.output;
  auto again = RunLien({"import", "register", good, "--yes", "--db", db});
  EXPECT_NE(again.output.find("Sans changement : 3"), std::string::npos) << again.output;
  std::filesystem::remove_all(directory);
}

TEST_P(ImportApi, ExportsNeedTheExportPermission) {
  CreateUser("carl.caller", "caller");
  CreateUser("ines.intake", "intake");
  StartServer();
  for (const char* login : {"carl.caller", "ines.intake"}) {
    auto client = SignIn(login);
    EXPECT_EQ(client->Get("/api/v1/persons/export.csv").status, 403) << login;
    EXPECT_EQ(client->Get("/api/v1/persons/export.xlsx").status, 403) << login;
    EXPECT_EQ(client->Get("/api/v1/persons/1/visit-sheet.pdf").status, 403) << login;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ImportApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
