#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "calls/demo_calls_store.hpp"
#include "core/messages.hpp"
#include "register/demo_town.hpp"
#include "register/demo_town_store.hpp"
#include "register/person_rules.hpp"
#include "register/register_agents.hpp"

namespace lien::app {
namespace {

struct DemoAccount {
  const char* login;
  const char* name;
  const char* role;
};

// One account a role, with the kind of names a CCAS team has.
constexpr std::array<DemoAccount, 9> kAccounts = {{
    {"sophie.martin", "Sophie Martin", "admin"},
    {"marc.lefebvre", "Marc Lefebvre", "coordinator"},
    {"nadia.benali", "Nadia Benali", "social_worker"},
    {"julien.moreau", "Julien Moreau", "caller"},
    {"claire.petit", "Claire Petit", "intake"},
    {"karim.haddad", "Karim Haddad", "logistics"},
    {"luc.bernard", "Luc Bernard", "driver"},
    {"restos.bethune", "Restos du Cœur — antenne de Béthune", "partner"},
    {"helene.roux", "Hélène Roux", "dpo"},
}};

// The twenty callers of the demo's wellbeing campaign (CCAS staff and volunteers).
constexpr std::array<DemoAccount, 20> kCallers = {{
    {"ines.garnier", "Inès Garnier", "caller"},   {"paul.renard", "Paul Renard", "caller"},
    {"lea.fontaine", "Léa Fontaine", "caller"},   {"hugo.marchand", "Hugo Marchand", "caller"},
    {"emma.lambert", "Emma Lambert", "caller"},   {"louis.girard", "Louis Girard", "caller"},
    {"chloe.bonnet", "Chloé Bonnet", "caller"},   {"nathan.dupuis", "Nathan Dupuis", "caller"},
    {"manon.lemoine", "Manon Lemoine", "caller"}, {"theo.mercier", "Théo Mercier", "caller"},
    {"camille.robin", "Camille Robin", "caller"}, {"yanis.brunet", "Yanis Brunet", "caller"},
    {"sarah.perrin", "Sarah Perrin", "caller"},   {"lucas.morel", "Lucas Morel", "caller"},
    {"jade.masson", "Jade Masson", "caller"},     {"adam.dumont", "Adam Dumont", "caller"},
    {"louise.picard", "Louise Picard", "caller"}, {"gabriel.roger", "Gabriel Roger", "caller"},
    {"alice.noel", "Alice Noël", "caller"},       {"raphael.meyer", "Raphaël Meyer", "caller"},
}};

constexpr std::array<const char*, 24> kWords = {"tilleul", "ardoise", "marmite",  "lavande", "brioche", "falaise",
                                                "girafe",  "horloge", "myrtille", "pelouse", "quinoa",  "rivage",
                                                "sapin",   "tambour", "velours",  "abricot", "cerceau", "dentelle",
                                                "etoile",  "fougere", "grenier",  "houblon", "iris",    "jonquille"};

// A passphrase drawn from the seed: the same seed gives the same demo town, passwords included.
std::string Passphrase(std::mt19937_64& random) {
  std::uniform_int_distribution<std::size_t> word(0, kWords.size() - 1);
  std::uniform_int_distribution<int> number(10, 99);
  return std::string(kWords[word(random)]) + "-" + kWords[word(random)] + "-" + std::to_string(number(random)) + "-" +
         kWords[word(random)];
}

// The accounts that handle the register in the demo: designated by the admin, secrecy acknowledged, so that the
// register pages work at the first sign-in.
constexpr std::array<const char*, 3> kRegisterAgents = {"marc.lefebvre", "nadia.benali", "claire.petit"};

// The town and its register agents, in one transaction: all of it or nothing.
int FillTown(Services& services, std::uint64_t seed) {
  registry::DemoTownOptions options;
  options.seed = seed;
  const auto now = services.clock->Now();
  options.today = registry::DayOf(now);
  const auto town = registry::GenerateDemoTown(options);
  const auto admin = services.accounts->FindByLogin(kAccounts[0].login);
  if (!admin) {
    std::fprintf(stderr, "lien: no %s account to designate the register agents\n", kAccounts[0].login);
    return 1;
  }
  std::vector<std::int64_t> agents;
  for (const char* login : kRegisterAgents) {
    if (const auto agent = services.accounts->FindByLogin(login)) agents.push_back(agent->id);
  }
  const auto counts = db::InWriteTransaction(*services.database, [&](db::Connection& c) {
    for (const auto agent : agents) {
      if (registry::DesignateRegisterAgent(c, agent, admin->id, now)) (void)registry::AcknowledgeSecrecy(c, agent, now);
    }
    return registry::StoreDemoTown(c, town, now);
  });
  if (counts.already_filled) {
    std::printf("\nThe database already holds persons: the town was left as it is.\n");
    return 0;
  }
  std::printf(
      "\nTown of %s (%s): %lld persons on %zu streets, %lld register entries, %lld households, %zu deliberate\n"
      "duplicates. Register agents (designated, secrecy acknowledged): marc.lefebvre, nadia.benali, claire.petit.\n",
      town.name.c_str(), town.postcode.c_str(), static_cast<long long>(counts.persons), town.streets.size(),
      static_cast<long long>(counts.register_entries), static_cast<long long>(counts.households),
      town.duplicate_pairs.size());
  return 0;
}

// Creates the accounts that are not there yet, printing each one's password; -1 when one cannot be created.
template <std::size_t N>
int CreateAccounts(Services& services, const std::array<DemoAccount, N>& accounts, std::mt19937_64& random) {
  int created = 0;
  for (const auto& account : accounts) {
    const auto password = Passphrase(random);
    if (services.accounts->FindByLogin(account.login)) {
      std::printf("  %-16s %-15s (already there: password unchanged)\n", account.login, account.role);
      continue;
    }
    auto user = services.accounts->Create(auth::Actor::System(), {account.login, account.name, account.role, password});
    if (!user) {
      std::fprintf(stderr, "lien: cannot create %s: %s\n", account.login,
                   core::Translate(user.error().message_key, core::Language::kEnglish, user.error().args).c_str());
      return -1;
    }
    ++created;
    std::printf("  %-16s %-15s %s\n", account.login, account.role, password.c_str());
  }
  return created;
}

std::int64_t AccountId(Services& services, const char* login) {
  const auto user = services.accounts->FindByLogin(login);
  return user ? user->id : 0;
}

// The call platform on the town: campaign, callers' roster, enrolments, a week of calls, escalations, needs,
// referrals and inbound requests (src/calls/demo_calls*.cpp), in one transaction.
int FillCallPlatform(Services& services, std::uint64_t seed) {
  calls::DemoCallsAccounts accounts;
  accounts.coordinator = AccountId(services, "marc.lefebvre");
  accounts.social_worker = AccountId(services, "nadia.benali");
  accounts.intake = AccountId(services, "claire.petit");
  accounts.partner = AccountId(services, "restos.bethune");
  for (const auto& caller : kCallers) {
    if (const auto id = AccountId(services, caller.login)) accounts.callers.push_back(id);
  }
  const auto stored = db::InWriteTransaction(*services.database, [&](db::Connection& c) {
    return calls::StoreDemoCalls(c, accounts, seed, services.clock->Now());
  });
  if (!stored) {
    std::fprintf(stderr, "lien: the demo's call platform was refused (nothing written): %s%s%s\n",
                 core::Translate(stored.error().message_key, core::Language::kEnglish, stored.error().args).c_str(),
                 stored.error().field.empty() ? "" : " — ", stored.error().field.c_str());
    return 1;
  }
  const calls::DemoCallsCounts& counts = *stored;
  if (counts.already_filled) {
    std::printf("The demo campaign is already there: the call platform was left as it is.\n");
    return 0;
  }
  std::printf(
      "Call platform: an active wellbeing campaign (%lld questions), %lld callers on the roster, %lld people\n"
      "enrolled, %lld calls over the last two weeks (%lld reached), %lld open escalations (%lld closed), %lld needs,\n"
      "%lld referrals to %lld partners, %lld inbound requests.\n",
      static_cast<long long>(counts.questions), static_cast<long long>(counts.callers),
      static_cast<long long>(counts.enrolments), static_cast<long long>(counts.calls),
      static_cast<long long>(counts.reached), static_cast<long long>(counts.escalations_open),
      static_cast<long long>(counts.escalations_closed), static_cast<long long>(counts.needs),
      static_cast<long long>(counts.referrals), static_cast<long long>(counts.partners),
      static_cast<long long>(counts.inbound));
  return 0;
}

int Demo(const std::string& location, std::uint64_t seed) {
  auto services = OpenServices(location, 1, {}, /*migrate=*/true);
  std::mt19937_64 random(seed);
  std::printf("Demo town (seed %llu) in %s\n\n", static_cast<unsigned long long>(seed), location.c_str());
  std::printf("  %-16s %-15s %s\n", "login", "role", "password");
  const int created = CreateAccounts(services, kAccounts, random);
  if (created < 0) return 1;
  std::printf("\n  The callers of the wellbeing campaign:\n");
  const int callers = CreateAccounts(services, kCallers, random);
  if (callers < 0) return 1;
  std::printf(
      "\n%d account(s) created. Admin and DPO accounts set up two-factor sign-in (any authenticator app)\n"
      "at their first sign-in.\n",
      created + callers);
  if (const int town = FillTown(services, seed); town != 0) return town;
  return FillCallPlatform(services, seed);
}

}  // namespace

void AddDemoCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("demo", "Fill a database with a realistic synthetic town (demo and tests)");
  auto location = std::make_shared<std::string>("lien.db");
  auto seed = std::make_shared<std::uint64_t>(2026);
  AddDbOption(*command, *location);
  command->add_option("--seed", *seed, "Random seed: the same seed makes the same town")
      ->envname("LIEN_DEMO_SEED")
      ->capture_default_str();
  command->callback([&run, location, seed] { run = [location, seed] { return Demo(*location, *seed); }; });
}

}  // namespace lien::app
