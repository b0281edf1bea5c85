#include "auth/common_passwords.hpp"

#include <algorithm>
#include <iterator>

namespace lien::auth {
namespace {

// Lower case.
constexpr std::string_view kPasswords[] = {
    "1q2w3e4r5t6y",  "1qaz2wsx3edc",  "a1b2c3d4e5f6",   "abc123abc123",     "administrateur",     "administrator",
    "bienvenue2020", "bienvenue2021", "bienvenue2022",  "bienvenue2023",    "bienvenue2024",      "bienvenue2025",
    "bienvenue2026", "changeme1234",  "iloveyou1234",   "jesuislemeilleur", "jetaimeatoutjamais", "letmein12345",
    "mot de passe",  "motdepasse123", "motdepasse1234", "onetwothreefour",  "p@ssw0rd1234",       "passw0rd1234",
    "password1234",  "password12345", "password123456", "q1w2e3r4t5y6",     "qwerty123456",       "qwertyuiop123",
    "soleil123456",  "test12345678",  "testtesttest",   "unedeuxtrois",     "welcome12345",       "zaq12wsxcde3",
    "zxcvbnm12345",  "azerty123456",  "azertyuiop12",   "azertyuiop123",
};

// The words common passwords are built from (a repetition of one, with digits or symbols, is refused).
constexpr std::string_view kWords[] = {
    "password", "passw",      "pass",           "motdepasse",    "motdepass", "mdp",      "azerty",      "qwerty",
    "qwertz",   "admin",      "administrateur", "administrator", "root",      "user",     "utilisateur", "login",
    "welcome",  "bienvenue",  "bonjour",        "hello",         "salut",     "soleil",   "doudou",      "loulou",
    "chouchou", "jetaime",    "iloveyou",       "princesse",     "princess",  "football", "marseille",   "paris",
    "amiens",   "lille",      "lyon",           "toulouse",      "nicolas",   "camille",  "julien",      "thomas",
    "marie",    "sophie",     "chocolat",       "dragon",        "monkey",    "master",   "secret",      "secure",
    "test",     "demo",       "changeme",       "letmein",       "ccas",      "lien",     "mairie",      "canicule",
    "abc",      "azertyuiop", "qwertyuiop",     "trustno",       "sunshine",  "superman",
};

}  // namespace

bool IsCommonPassword(const std::string& lower) {
  return std::find(std::begin(kPasswords), std::end(kPasswords), lower) != std::end(kPasswords);
}

std::span<const std::string_view> CommonWords() { return kWords; }

}  // namespace lien::auth
