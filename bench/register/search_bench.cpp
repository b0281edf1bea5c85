// Search latency of the persons' store on a synthetic register (docs/PERFORMANCE.md, "Register search"):
// inserts the register through registry::InsertPersons (the store the routes and the import use), then times
// registry::SearchPersons on a mix of the searches offices make, first page of 20, each in its own read
// transaction. Prints p50, p99 and max per kind and overall (wall clock), and p50 and p99 of the thread's CPU
// time. Usage:
//   search_bench [--persons N] [--queries Q] [--db LOCATION] [--seed S] [--filled yes]
// Defaults: 100,000 persons, 500 queries of each kind, a temporary SQLite file, seed 3. LOCATION may be a
// postgresql:// URL of an empty database (it is migrated here). `--filled yes` skips the insert: LOCATION already
// holds the register of an earlier run with the same --persons and --seed (to time the searches again).

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/phone.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "register/person_store.hpp"
#include "register/synthetic.hpp"

using namespace lien;

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU time of this thread in ms: on the shared machine the wall clock also counts the time spent waiting for a
// core; on SQLite (in-process) the CPU time is what an idle machine's wall clock would show. PostgreSQL's work
// happens in the server and is not in it.
double ThreadCpuMillis() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Kind {
  std::string name;
  std::vector<registry::PersonQuery> queries;
  std::vector<double> millis;
  std::size_t results = 0;
  std::vector<double> cpu_millis;
};

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

// The searches an office makes, drawn from the register itself so that they find someone.
std::vector<Kind> MakeQueries(const std::vector<registry::Person>& persons, std::size_t per_kind, std::uint64_t seed,
                              const registry::Date& today) {
  std::mt19937_64 random(seed);
  auto pick = [&]() -> const registry::Person& { return persons[random() % persons.size()]; };
  std::vector<Kind> kinds = {{"name prefix (3-4 letters)", {}, {}, 0, {}},
                             {"full name", {}, {}, 0, {}},
                             {"phone (national notation)", {}, {}, 0, {}},
                             {"street + town", {}, {}, 0, {}},
                             {"age range + status", {}, {}, 0, {}}};
  for (std::size_t i = 0; i < per_kind; ++i) {
    registry::PersonQuery query;
    query.today = today;
    const auto compact = core::FoldCompact(pick().last_name);
    query.name = compact.substr(0, 3 + i % 2);
    kinds[0].queries.push_back(query);

    query = {};
    query.today = today;
    const auto& named = pick();
    query.name = named.last_name + " " + named.first_names;
    kinds[1].queries.push_back(query);

    query = {};
    query.today = today;
    const registry::Person* with_phone = &pick();
    while (with_phone->phones.empty()) with_phone = &pick();
    // Typed as the office reads it aloud, then parsed as the route does.
    query.phone_e164 = *core::ParsePhone(core::FormatPhoneForDisplay(with_phone->phones.front().e164));
    kinds[2].queries.push_back(query);

    query = {};
    query.today = today;
    const registry::Person* housed = &pick();
    while (housed->address.street.empty()) housed = &pick();
    query.street = housed->address.street;
    query.town = housed->address.town;
    kinds[3].queries.push_back(query);

    query = {};
    query.today = today;
    query.age_min = 70 + static_cast<int>(i % 15);
    query.age_max = *query.age_min + 5;
    query.statuses = {i % 3 == 0 ? registry::PersonStatus::kAway : registry::PersonStatus::kActive};
    kinds[4].queries.push_back(query);
  }
  return kinds;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 100'000;
  std::size_t per_kind = 500;
  std::uint64_t seed = 3;
  std::string location;
  bool filled = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--persons") {
      count = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--queries") {
      per_kind = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--db") {
      location = argv[i + 1];
    } else if (flag == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--filled") {
      filled = std::string(argv[i + 1]) == "yes";
    } else {
      std::fprintf(stderr,
                   "usage: search_bench [--persons N] [--queries Q] [--db LOCATION] [--seed S] [--filled yes]\n");
      return 1;
    }
  }
  const bool temporary = location.empty();
  if (temporary && filled) {
    std::fprintf(stderr, "--filled needs --db\n");
    return 1;
  }
  if (temporary) location = "/tmp/lien-search-bench-" + std::to_string(::getpid()) + ".db";

  auto start = Clock::now();
  registry::SyntheticOptions options;
  options.persons = count;
  options.seed = seed;
  auto synthetic = registry::GenerateRegister(options);
  std::printf("generated %zu persons in %.2f s\n", count, SecondsSince(start));

  auto database = db::Open(location, 2);
  db::Migrate(*database);
  std::printf("database: %s\n", database->dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL");
  const registry::ChangeAuthor author{std::nullopt, "bench"};
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  start = Clock::now();
  constexpr std::size_t kBatch = 1000;
  for (std::size_t first = 0; !filled && first < synthetic.persons.size(); first += kBatch) {
    db::InWriteTransaction(*database, [&](db::Connection& c) {
      const auto last = std::min(first + kBatch, synthetic.persons.size());
      std::vector<registry::Person> persons(synthetic.persons.begin() + static_cast<std::ptrdiff_t>(first),
                                            synthetic.persons.begin() + static_cast<std::ptrdiff_t>(last));
      for (auto& person : persons) person.id = 0;
      registry::InsertPersons(c, persons, author, now, "import");
    });
  }
  if (!filled)
    std::printf("inserted %zu persons (phones, name tokens, history) in %.1f s\n", count, SecondsSince(start));
  if (database->dialect() == db::Dialect::kPostgres) database->Acquire()->ExecuteScript("VACUUM ANALYZE");

  auto kinds = MakeQueries(synthetic.persons, per_kind, seed + 1, registry::DayOf(now));
  // Warm-up: the first queries of a fresh connection pay for statement preparation and cold pages.
  for (auto& kind : kinds) {
    for (std::size_t i = 0; i < std::min<std::size_t>(20, kind.queries.size()); ++i) {
      db::InReadTransaction(*database, [&](db::Connection& c) { return registry::SearchPersons(c, kind.queries[i]); });
    }
  }
  std::vector<double> all;
  std::vector<double> all_cpu;
  // Interleave the kinds as a working day would.
  for (std::size_t i = 0; i < per_kind; ++i) {
    for (auto& kind : kinds) {
      const auto begin = Clock::now();
      const double cpu_begin = ThreadCpuMillis();
      auto page = db::InReadTransaction(*database,
                                        [&](db::Connection& c) { return registry::SearchPersons(c, kind.queries[i]); });
      const double millis = SecondsSince(begin) * 1000;
      const double cpu_millis = ThreadCpuMillis() - cpu_begin;
      kind.millis.push_back(millis);
      kind.cpu_millis.push_back(cpu_millis);
      all_cpu.push_back(cpu_millis);
      kind.results += page.items.size();
      all.push_back(millis);
    }
  }
  std::printf("%-28s %8s %8s %8s %10s %8s %8s\n", "search (first page of 20)", "p50 ms", "p99 ms", "max ms",
              "hits/query", "cpu p50", "cpu p99");
  for (const auto& kind : kinds) {
    std::printf("%-28s %8.2f %8.2f %8.2f %10.1f %8.2f %8.2f\n", kind.name.c_str(), Percentile(kind.millis, 0.5),
                Percentile(kind.millis, 0.99), Percentile(kind.millis, 1.0),
                static_cast<double>(kind.results) / static_cast<double>(kind.millis.size()),
                Percentile(kind.cpu_millis, 0.5), Percentile(kind.cpu_millis, 0.99));
  }
  std::printf("%-28s %8.2f %8.2f %8.2f %10s %8.2f %8.2f\n", "all", Percentile(all, 0.5), Percentile(all, 0.99),
              Percentile(all, 1.0), "", Percentile(all_cpu, 0.5), Percentile(all_cpu, 0.99));
  database.reset();
  if (temporary) {
    std::remove(location.c_str());
    std::remove((location + "-wal").c_str());
    std::remove((location + "-shm").c_str());
  }
  return 0;
}
