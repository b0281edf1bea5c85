#include <array>
#include <cstdio>
#include <memory>
#include <random>
#include <string>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "core/messages.hpp"

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
    {"restos.amiens", "Restos du Cœur — antenne d'Amiens", "partner"},
    {"helene.roux", "Hélène Roux", "dpo"},
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

int Demo(const std::string& location, std::uint64_t seed) {
  auto services = OpenServices(location, 1, {}, /*migrate=*/true);
  std::mt19937_64 random(seed);
  std::printf("Demo town (seed %llu) in %s\n\n", static_cast<unsigned long long>(seed), location.c_str());
  std::printf("  %-16s %-15s %s\n", "login", "role", "password");
  int created = 0;
  for (const auto& account : kAccounts) {
    const auto password = Passphrase(random);
    if (services.accounts->FindByLogin(account.login)) {
      std::printf("  %-16s %-15s (already there: password unchanged)\n", account.login, account.role);
      continue;
    }
    auto user = services.accounts->Create(auth::Actor::System(), {account.login, account.name, account.role, password});
    if (!user) {
      std::fprintf(stderr, "lien: cannot create %s: %s\n", account.login,
                   core::Translate(user.error().message_key, core::Language::kEnglish, user.error().args).c_str());
      return 1;
    }
    ++created;
    std::printf("  %-16s %-15s %s\n", account.login, account.role, password.c_str());
  }
  std::printf(
      "\n%d account(s) created. Admin and DPO accounts set up two-factor sign-in (any authenticator app)\n"
      "at their first sign-in.\n",
      created);
  return 0;
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
