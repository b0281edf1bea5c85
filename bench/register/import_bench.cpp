// The import of a large register file: a synthetic register (registry::GenerateRegister, with its injected
// duplicates) written as the CSV a French town exports from Excel (BOM, `;`, dd/mm/yyyy, phones as typed,
// "12 bis rue …" in one column), then the dry run, the import and the same import again, timed. Usage:
//   import_bench [--rows N] [--db LOCATION] [--seed S] [--csv FILE]
// Each phase prints its wall-clock time and the process's CPU time (user + system).
// Defaults: 100000 rows, a new SQLite file in /tmp (removed afterwards), seed 7. --db takes a PostgreSQL URL
// of an empty database too. --csv also writes the generated file there.

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/phone.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "register/import_service.hpp"
#include "register/synthetic.hpp"

using namespace lien;

namespace {

// CPU seconds (user + system) of this process: on the shared machine the wall clock mostly measures the load.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Field(const std::string& value) {
  if (value.find_first_of(";\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string RegisterCsv(const std::vector<registry::Person>& persons) {
  std::string csv = "\xEF\xBB\xBF";
  csv +=
      "Civilité;Nom;Nom de naissance;Prénom(s);Né(e) le;Adresse;Complément;CP;Ville;Téléphone;Tél. portable;"
      "Courriel\r\n";
  for (const registry::Person& p : persons) {
    char birth[16] = "";
    if (p.birth_date) {
      std::snprintf(birth, sizeof birth, "%02u/%02u/%04d", static_cast<unsigned>(p.birth_date->day()),
                    static_cast<unsigned>(p.birth_date->month()), static_cast<int>(p.birth_date->year()));
    }
    std::string fixed;
    std::string mobile;
    for (const registry::Phone& phone : p.phones) {
      std::string& target = core::IsMobilePhone(phone.e164) ? mobile : fixed;
      if (!target.empty()) target += " / ";
      target += core::FormatPhoneForDisplay(phone.e164);
    }
    const std::string civility = p.civility == registry::Civility::kMadame     ? "Mme"
                                 : p.civility == registry::Civility::kMonsieur ? "M."
                                                                               : "";
    const std::string address = p.address.number.empty() ? p.address.street : p.address.number + " " + p.address.street;
    for (const std::string& value : {civility, p.last_name, p.birth_name, p.first_names, std::string(birth), address,
                                     p.address.complement, p.address.postcode, p.address.town, fixed, mobile}) {
      csv += Field(value);
      csv += ';';
    }
    csv += Field(p.email);
    csv += "\r\n";
  }
  return csv;
}

void Print(const char* what, const registry::ImportReport& report, double seconds, double cpu) {
  const registry::ImportPlan& plan = report.plan;
  std::printf(
      "%-14s %7.2f s wall, %6.2f s CPU  read %zu, create %zu, update %zu, unchanged %zu, flagged %zu, rejected %zu%s\n",
      what, seconds, cpu, plan.rows_read, plan.created, plan.updated, plan.unchanged, plan.flagged, plan.rejected_rows,
      report.imported ? " (imported)" : "");
  for (std::size_t i = 0; i < plan.rejected.size() && i < 5; ++i) {
    std::printf("    rejected line %zu column '%s': %s\n", plan.rejected[i].line, plan.rejected[i].column.c_str(),
                plan.rejected[i].message_key.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t rows = 100'000;
  std::uint64_t seed = 7;
  std::string location;
  std::string csv_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") {
      rows = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--db") {
      location = argv[i + 1];
    } else if (flag == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--csv") {
      csv_path = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: import_bench [--rows N] [--db LOCATION] [--seed S] [--csv FILE]\n");
      return 1;
    }
  }
  const bool temporary = location.empty();
  if (temporary) location = "/tmp/lien-import-bench-" + std::to_string(::getpid()) + ".db";

  auto start = std::chrono::steady_clock::now();
  registry::SyntheticOptions options;
  options.persons = rows;
  options.seed = seed;
  const auto synthetic = registry::GenerateRegister(options);
  registry::ImportRequest request;
  request.file_name = "registre-synthetique.csv";
  request.content = RegisterCsv(synthetic.persons);
  std::printf("generated %zu rows (%.1f MB of CSV) in %.2f s\n", rows,
              static_cast<double>(request.content.size()) / 1e6, SecondsSince(start));
  if (!csv_path.empty()) std::ofstream(csv_path, std::ios::binary) << request.content;

  auto database = db::Open(location, 2);
  db::Migrate(*database);
  std::printf("database: %s\n", database->dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL");
  audit::Event event;
  event.actor_login = "bench";
  event.actor_role = "system";
  const registry::ChangeAuthor author{std::nullopt, "bench"};
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  int status = 0;
  for (const auto& [what, dry_run] :
       {std::pair<const char*, bool>{"dry run", true}, {"import", false}, {"same file", false}}) {
    request.dry_run = dry_run;
    start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    auto report = registry::RunImport(*database, request, event, author, now);
    const double seconds = SecondsSince(start);
    const double cpu = CpuSeconds() - cpu_start;
    if (!report) {
      std::fprintf(stderr, "%s failed: %s\n", what, report.error().message_key.c_str());
      status = 1;
      break;
    }
    Print(what, *report, seconds, cpu);
  }
  database.reset();
  if (temporary) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(location + suffix);
  }
  return status;
}
