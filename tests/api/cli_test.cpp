// The command line: clear one-line failures and non-zero exits, never a stack of exceptions.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lien_process.hpp"

namespace lien::api_test {
namespace {

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(RunLien({"--help"}).exit_code, 0);
  EXPECT_EQ(RunLien({"serve", "--help"}).exit_code, 0);
  auto version = RunLien({"version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output.rfind("lien ", 0), 0U);
}

TEST(Cli, UnknownSubcommandOrOptionFails) {
  auto unknown = RunLien({"frobnicate"});
  EXPECT_NE(unknown.exit_code, 0);
  auto bad_option = RunLien({"serve", "--no-such-option"});
  EXPECT_NE(bad_option.exit_code, 0);
  auto bad_listen = RunLien({"serve", "--db", "/tmp/lien-cli-test.db", "--listen", "nowhere"});
  EXPECT_NE(bad_listen.exit_code, 0);
  EXPECT_LE(Lines(bad_listen.output), 2U) << bad_listen.output;
}

TEST(Cli, UnopenableDatabaseIsOneLine) {
  auto result = RunLien({"migrate", "--db", "/nonexistent-dir/sub/lien.db"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(Lines(result.output), 1U) << result.output;
  EXPECT_EQ(result.output.find("terminate"), std::string::npos);
}

TEST(Cli, UnreachablePostgresIsOneLine) {
  auto result = RunLien({"migrate", "--db", "postgresql://lien@127.0.0.1:1/lien"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_EQ(Lines(result.output), 1U) << result.output;
  EXPECT_NE(result.output.find("127.0.0.1"), std::string::npos) << result.output;
}

TEST(Cli, PortInUseIsOneLine) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  const auto port = std::to_string(ntohs(address.sin_port));
  const std::string db = "/tmp/lien-cli-port-" + std::to_string(::getpid()) + ".db";
  auto result = RunLien({"serve", "--db", db, "--listen", "127.0.0.1:" + port});
  close(fd);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("in use"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("terminate"), std::string::npos);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

TEST(Cli, UserAddRefusesAWeakPasswordInOneLine) {
  const std::string db = "/tmp/lien-cli-user-" + std::to_string(::getpid()) + ".db";
  auto result =
      RunLien({"user", "add", "--db", db, "--login", "x.y", "--name", "X", "--role", "caller", "--password-stdin"},
              "password1234\n");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("too common"), std::string::npos) << result.output;
  auto role =
      RunLien({"user", "add", "--db", db, "--login", "x.y", "--name", "X", "--role", "king", "--password-stdin"},
              "une phrase assez longue\n");
  EXPECT_NE(role.exit_code, 0);
  EXPECT_NE(role.output.find("Unknown role"), std::string::npos) << role.output;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

}  // namespace
}  // namespace lien::api_test
