#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio with C++20 coroutines, keep-alive, optional TLS, limits and
// timeouts, security headers, static files with SPA fallback, metrics, graceful shutdown.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace lien::http {

struct ServerOptions {
  std::string listen_address = "127.0.0.1";
  unsigned short port = 8080;  ///< 0 picks a free port (tests); BoundPort() tells which.
  int threads = 2;
  std::string web_root;       ///< Folder of the built SPA; empty serves no static files.
  std::string tls_cert_file;  ///< PEM; TLS is on when both are set.
  std::string tls_key_file;
  std::chrono::milliseconds header_timeout{10'000};  ///< Time to receive the whole request header.
  std::chrono::milliseconds body_timeout{30'000};    ///< Time to receive the body once the header is in.
  std::chrono::milliseconds idle_timeout{60'000};    ///< Keep-alive wait between requests.
  std::chrono::milliseconds shutdown_grace{10'000};  ///< How long in-flight requests may finish on stop.
  std::size_t max_connections = 1024;                ///< Beyond this, new connections get 503 and are closed.
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  bool trust_proxy = false;  ///< Read X-Forwarded-For / X-Forwarded-Proto from a loopback peer.
};

class Server {
 public:
  /// `router` must outlive the server. Binds at construction: throws std::runtime_error with a one-line
  /// reason ("address 127.0.0.1:8080 already in use") when it cannot listen or load the TLS files.
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short BoundPort() const;

  /// Serves until Stop() or SIGTERM/SIGINT (when `handle_signals`), then stops accepting, lets in-flight
  /// requests finish (up to shutdown_grace) and returns.
  void Run(bool handle_signals = true);

  /// Asks Run() to return; thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lien::http
