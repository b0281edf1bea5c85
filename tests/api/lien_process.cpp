#include "lien_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace lien::api_test {
namespace {

std::string TempPath(const char* stem) {
  static int counter = 0;
  return "/tmp/lien-api-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" + stem;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Spawns the binary with stdin from `input_path` (or /dev/null) and stdout+stderr to `log_path`.
pid_t Spawn(const std::vector<std::string>& args, const std::string& input_path, const std::string& log_path) {
  std::vector<std::string> argv_storage = {LIEN_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input_path.empty() ? "/dev/null" : input_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(std::string("cannot start ") + LIEN_BINARY);
  return pid;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

CommandResult RunLien(const std::vector<std::string>& args, const std::string& input) {
  const auto input_path = TempPath("stdin");
  const auto log_path = TempPath("out");
  { std::ofstream(input_path) << input; }
  const pid_t pid = Spawn(args, input_path, log_path);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result{ExitCode(status), ReadFile(log_path)};
  std::remove(input_path.c_str());
  std::remove(log_path.c_str());
  return result;
}

LienServer::LienServer(const std::string& db_location, const std::vector<std::string>& extra_args)
    : log_path_(TempPath("serve.log")) {
  std::vector<std::string> args = {"serve", "--db", db_location, "--listen", "127.0.0.1:0", "--threads", "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, "", log_path_);
  const std::regex listening(R"(listening on https?://127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const auto log = Log();
    if (std::regex_search(log, match, listening)) {
      port_ = std::stoi(match[1]);
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("lien serve exited at start: " + log);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  Stop(1);
  throw std::runtime_error("lien serve did not start within 30 s: " + Log());
}

LienServer::~LienServer() {
  Stop();
  std::remove(log_path_.c_str());
}

int LienServer::Stop(double timeout_s) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(timeout_s * 1000));
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return ExitCode(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

std::string LienServer::Log() const { return ReadFile(log_path_); }

}  // namespace lien::api_test
