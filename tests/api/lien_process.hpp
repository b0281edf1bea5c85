#pragma once
// Runs the real `lien` binary for the API tests: one-shot commands, and `lien serve` on a free loopback port.

#include <sys/types.h>

#include <string>
#include <vector>

namespace lien::api_test {

struct CommandResult {
  int exit_code = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs `lien <args>` with `input` on stdin and waits for it.
CommandResult RunLien(const std::vector<std::string>& args, const std::string& input = "");

/// A `lien serve` process. Starts on 127.0.0.1 port 0 and learns the port from its log line.
class LienServer {
 public:
  /// Throws std::runtime_error (with the server's log) when it does not start within 30 s.
  LienServer(const std::string& db_location, const std::vector<std::string>& extra_args = {});
  ~LienServer();
  LienServer(const LienServer&) = delete;
  LienServer& operator=(const LienServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return pid_; }

  /// Sends SIGTERM and waits up to `timeout_s`; returns the exit code (-1 if it had to be killed).
  int Stop(double timeout_s = 15);
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace lien::api_test
