#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "core/messages.hpp"

namespace lien::app {
namespace {

struct UserOptions {
  std::string db = "lien.db";
  std::string login;
  std::string name;
  std::string role;
  bool password_stdin = false;
};

// Reads a password: one line from stdin when piped, or typed twice without echo at a terminal.
std::string ReadPassword(bool from_stdin) {
  std::string password;
  if (from_stdin || !isatty(STDIN_FILENO)) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
  }
  termios old_settings{};
  tcgetattr(STDIN_FILENO, &old_settings);
  termios silent = old_settings;
  silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  std::string again;
  std::fprintf(stderr, "Password: ");
  std::getline(std::cin, password);
  std::fprintf(stderr, "\nPassword again: ");
  std::getline(std::cin, again);
  std::fprintf(stderr, "\n");
  tcsetattr(STDIN_FILENO, TCSANOW, &old_settings);
  if (password != again) throw std::runtime_error("the two passwords differ");
  return password;
}

int PrintError(const core::Error& error) {
  std::string message = core::Translate(error.message_key, core::Language::kEnglish, error.args);
  if (!error.field.empty()) message = error.field + ": " + message;
  std::fprintf(stderr, "lien: %s\n", message.c_str());
  return 1;
}

Services Open(const UserOptions& options) { return OpenServices(options.db, 1, {}, /*migrate=*/true); }

void PrintUser(const auth::User& user) {
  std::printf("%-6lld %-24s %-14s %-9s %-4s %s\n", static_cast<long long>(user.id), user.login.c_str(),
              std::string(auth::RoleName(user.role)).c_str(), user.disabled ? "disabled" : "active",
              user.totp_enabled ? "2FA" : "-", user.display_name.c_str());
}

int Add(const UserOptions& options) {
  auto services = Open(options);
  const auto password = ReadPassword(options.password_stdin);
  auto user = services.accounts->Create(auth::Actor::System(), {options.login, options.name, options.role, password});
  if (!user) return PrintError(user.error());
  std::printf("Created account %s (%s).\n", user->login.c_str(), std::string(auth::RoleName(user->role)).c_str());
  if (auth::TotpRequired(user->role)) std::printf("Two-factor sign-in will be set up at the first sign-in.\n");
  return 0;
}

template <class Action>
int WithUser(const UserOptions& options, Action action) {
  auto services = Open(options);
  auto user = services.accounts->FindByLogin(options.login);
  if (!user) return PrintError(user.error());
  return action(services, *user);
}

}  // namespace

void AddUserCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("user", "Manage accounts from the server's shell");
  command->require_subcommand(1);
  auto options = std::make_shared<UserOptions>();

  auto* add = command->add_subcommand("add", "Create an account (password from stdin or typed twice)");
  AddDbOption(*add, options->db);
  add->add_option("--login", options->login, "Login: 3-64 of a-z 0-9 . - _")->envname("LIEN_USER_LOGIN")->required();
  add->add_option("--name", options->name, "Display name")->envname("LIEN_USER_NAME")->required();
  add->add_option("--role", options->role,
                  "Role: admin, coordinator, social_worker, caller, intake, logistics, driver, partner, dpo")
      ->envname("LIEN_USER_ROLE")
      ->required();
  add->add_flag("--password-stdin", options->password_stdin, "Read the password from the first line of stdin");
  add->callback([&run, options] { run = [options] { return Add(*options); }; });

  auto* passwd = command->add_subcommand("passwd", "Set a new password for an account (ends its sessions)");
  AddDbOption(*passwd, options->db);
  passwd->add_option("--login", options->login, "Login")->envname("LIEN_USER_LOGIN")->required();
  passwd->add_flag("--password-stdin", options->password_stdin, "Read the password from the first line of stdin");
  passwd->callback([&run, options] {
    run = [options] {
      return WithUser(*options, [&](Services& services, const auth::User& user) {
        auto done =
            services.accounts->ResetPassword(auth::Actor::System(), user.id, ReadPassword(options->password_stdin));
        if (!done) return PrintError(done.error());
        std::printf("Password of %s changed.\n", user.login.c_str());
        return 0;
      });
    };
  });

  for (bool disable : {true, false}) {
    auto* toggle = command->add_subcommand(
        disable ? "disable" : "enable",
        disable ? "Disable an account (ends its sessions)" : "Enable an account again (and lift a throttle)");
    AddDbOption(*toggle, options->db);
    toggle->add_option("--login", options->login, "Login")->envname("LIEN_USER_LOGIN")->required();
    toggle->callback([&run, options, disable] {
      run = [options, disable] {
        return WithUser(*options, [&](Services& services, const auth::User& user) {
          auto done = services.accounts->SetDisabled(auth::Actor::System(), user.id, disable);
          if (!done) return PrintError(done.error());
          std::printf("Account %s %s.\n", user.login.c_str(), disable ? "disabled" : "enabled");
          return 0;
        });
      };
    });
  }

  auto* totp = command->add_subcommand("totp-reset", "Turn off an account's second factor (set up again at sign-in)");
  AddDbOption(*totp, options->db);
  totp->add_option("--login", options->login, "Login")->envname("LIEN_USER_LOGIN")->required();
  totp->callback([&run, options] {
    run = [options] {
      return WithUser(*options, [&](Services& services, const auth::User& user) {
        auto done = services.accounts->ResetTotp(auth::Actor::System(), user.id);
        if (!done) return PrintError(done.error());
        std::printf("Second factor of %s reset.\n", user.login.c_str());
        return 0;
      });
    };
  });

  auto* list = command->add_subcommand("list", "List the accounts");
  AddDbOption(*list, options->db);
  list->callback([&run, options] {
    run = [options] {
      auto services = Open(*options);
      std::int64_t cursor = 0;
      for (;;) {
        auto page = services.accounts->List(auth::Actor::System(), "", cursor, 200);
        if (!page) return PrintError(page.error());
        for (const auto& user : page->users) PrintUser(user);
        if (!page->next_cursor) return 0;
        cursor = *page->next_cursor;
      }
    };
  });
}

}  // namespace lien::app
