#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "app/commands.hpp"
#include "app/services.hpp"
#include "calls/escalation_job.hpp"
#include "http/server.hpp"
#include "register/retention_job.hpp"

namespace lien::app {
namespace {

struct ServeOptions {
  std::string db = "lien.db";
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string web_root;
  std::string tls_cert;
  std::string tls_key;
  bool trust_proxy = false;
  std::size_t max_connections = 1024;
  double header_timeout_s = 10;
  double body_timeout_s = 30;
  double idle_timeout_s = 60;
  double shutdown_grace_s = 10;
  std::int64_t session_idle_s = std::int64_t{30} * 60;
  std::int64_t session_lifetime_s = std::int64_t{12} * 3600;
  registry::RetentionPolicy retention;
  double retention_interval_h = 24;    ///< 0: no retention job in this server
  double escalation_interval_min = 5;  ///< 0: no escalation sweep in this server
  bool test_clock = false;             ///< a manual clock and POST /api/v1/test/clock (loopback only)
};

// "127.0.0.1:8080", "[::1]:8080" or ":8080" (all interfaces).
void ParseListen(const std::string& text, http::ServerOptions& options) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--listen must be HOST:PORT, got '" + text + "'");
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    throw std::invalid_argument("--listen port must be a number from 0 to 65535, got '" + port + "'");
  }
  options.listen_address = host.empty() ? "0.0.0.0" : host;
  options.port = static_cast<unsigned short>(std::stoi(port));
}

// The test clock lets anyone who can reach the server move its time: loopback only.
bool IsLoopback(const std::string& address) {
  return address == "::1" || address == "localhost" || address.rfind("127.", 0) == 0;
}

std::chrono::milliseconds Millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

int Serve(const ServeOptions& options) {
  http::ServerOptions server_options;
  ParseListen(options.listen, server_options);
  server_options.threads =
      options.threads > 0 ? options.threads : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 16);
  server_options.web_root = options.web_root;
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;
  server_options.trust_proxy = options.trust_proxy;
  server_options.max_connections = options.max_connections;
  server_options.header_timeout = Millis(options.header_timeout_s);
  server_options.body_timeout = Millis(options.body_timeout_s);
  server_options.idle_timeout = Millis(options.idle_timeout_s);
  server_options.shutdown_grace = Millis(options.shutdown_grace_s);
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    throw std::invalid_argument("--tls-cert and --tls-key go together");
  }
  if (options.test_clock && !IsLoopback(server_options.listen_address)) {
    throw std::invalid_argument(
        "--test-clock is for tests only: it needs --listen on loopback (127.0.0.1 or [::1]), got '" + options.listen +
        "'");
  }

  auth::AuthSettings settings;
  settings.idle_timeout = options.session_idle_s * 1000;
  settings.absolute_lifetime = options.session_lifetime_s * 1000;
  settings.touch_interval = std::min<core::EpochMillis>(settings.touch_interval, settings.idle_timeout / 4);
  // One connection per request thread, plus two for background work.
  auto services = OpenServices(options.db, server_options.threads + 2, settings, /*migrate=*/true, options.test_clock);
  services.retention = options.retention;

  http::Metrics metrics;
  auto* database = services.database.get();
  metrics.AddGauge("lien_db_pool_size", "Connections the database pool may open.",
                   [database] { return static_cast<double>(database->Stats().size); });
  metrics.AddGauge("lien_db_pool_in_use", "Database connections in use.",
                   [database] { return static_cast<double>(database->Stats().in_use); });
  metrics.AddGauge("lien_db_pool_waiting", "Requests waiting for a database connection.",
                   [database] { return static_cast<double>(database->Stats().waiting); });
  http::Router router;
  AddAllRoutes(router, services, metrics);

  http::Server server(server_options, router, metrics);
  std::unique_ptr<registry::RetentionJob> retention_job;
  if (options.retention_interval_h > 0) {
    retention_job = std::make_unique<registry::RetentionJob>(
        *services.database, *services.clock, services.retention,
        std::chrono::milliseconds(static_cast<std::int64_t>(options.retention_interval_h * 3600 * 1000)));
  }
  std::unique_ptr<calls::EscalationJob> escalation_job;
  if (options.escalation_interval_min > 0) {
    escalation_job = std::make_unique<calls::EscalationJob>(
        *services.database, *services.clock,
        std::chrono::milliseconds(static_cast<std::int64_t>(options.escalation_interval_min * 60 * 1000)));
  }
  const bool tls = !options.tls_cert.empty();
  spdlog::info("Lien {} listening on {}://{}:{} ({} threads, database {})", LIEN_VERSION, tls ? "https" : "http",
               server_options.listen_address, server.BoundPort(), server_options.threads,
               services.database->dialect() == db::Dialect::kSqlite ? "SQLite" : "PostgreSQL");
  if (services.test_clock != nullptr) {
    spdlog::warn(
        "TEST CLOCK: time is manual (now {} epoch ms) and POST /api/v1/test/clock moves it; never in production",
        services.test_clock->Now());
  }
  server.Run(/*handle_signals=*/true);
  spdlog::info("Lien stopped");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, CommandRunner& run) {
  auto* command = app.add_subcommand("serve", "Serve the web application and its API");
  auto options = std::make_shared<ServeOptions>();
  AddDbOption(*command, options->db);
  command->add_option("--listen", options->listen, "Address and port to listen on, HOST:PORT")
      ->envname("LIEN_LISTEN")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Request threads (0: one per core)")
      ->envname("LIEN_THREADS")
      ->check(CLI::Range(0, 256));
  command->add_option("--web-root", options->web_root, "Folder of the built web interface (web/dist)")
      ->envname("LIEN_WEB_ROOT")
      ->check(CLI::ExistingDirectory);
  command->add_option("--tls-cert", options->tls_cert, "TLS certificate chain (PEM); serves HTTPS with --tls-key")
      ->envname("LIEN_TLS_CERT")
      ->check(CLI::ExistingFile);
  command->add_option("--tls-key", options->tls_key, "TLS private key (PEM)")
      ->envname("LIEN_TLS_KEY")
      ->check(CLI::ExistingFile);
  command
      ->add_flag("--trust-proxy", options->trust_proxy,
                 "Read the client address and scheme from X-Forwarded-For/-Proto sent by a local reverse proxy")
      ->envname("LIEN_TRUST_PROXY");
  command->add_option("--max-connections", options->max_connections, "Open connections at most")
      ->envname("LIEN_MAX_CONNECTIONS")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--header-timeout", options->header_timeout_s, "Seconds a client has to send request headers")
      ->envname("LIEN_HEADER_TIMEOUT")
      ->check(CLI::Range(0.05, 3600.0))
      ->capture_default_str();
  command->add_option("--body-timeout", options->body_timeout_s, "Seconds a client has to send a request body")
      ->envname("LIEN_BODY_TIMEOUT")
      ->check(CLI::Range(0.05, 3600.0))
      ->capture_default_str();
  command->add_option("--idle-timeout", options->idle_timeout_s, "Seconds an idle keep-alive connection is kept")
      ->envname("LIEN_IDLE_TIMEOUT")
      ->check(CLI::Range(0.05, 3600.0))
      ->capture_default_str();
  command
      ->add_option("--shutdown-grace", options->shutdown_grace_s,
                   "Seconds in-flight requests may take to finish on SIGTERM")
      ->envname("LIEN_SHUTDOWN_GRACE")
      ->check(CLI::Range(0.0, 600.0))
      ->capture_default_str();
  command->add_option("--session-idle-timeout", options->session_idle_s, "Seconds of inactivity that end a session")
      ->envname("LIEN_SESSION_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 7 * 24 * 3600))
      ->capture_default_str();
  command->add_option("--session-lifetime", options->session_lifetime_s, "Seconds after sign-in a session ends anyway")
      ->envname("LIEN_SESSION_LIFETIME")
      ->check(CLI::Range(1, 30 * 24 * 3600))
      ->capture_default_str();
  AddRetentionPolicyOptions(*command, options->retention);
  command
      ->add_option("--retention-interval", options->retention_interval_h,
                   "Hours between two runs of the retention purge (0: this server runs none)")
      ->envname("LIEN_RETENTION_INTERVAL")
      ->check(CLI::Range(0.0, 24.0 * 365))
      ->capture_default_str();
  command
      ->add_option("--escalation-interval", options->escalation_interval_min,
                   "Minutes between two sweeps raising escalations of people not reached (0: this server runs none)")
      ->envname("LIEN_ESCALATION_INTERVAL")
      ->check(CLI::Range(0.0, 24.0 * 60))
      ->capture_default_str();
  command
      ->add_flag(
          "--test-clock", options->test_clock,
          "Tests only: a manual clock starting now, moved by POST /api/v1/test/clock (needs a loopback --listen)")
      ->envname("LIEN_TEST_CLOCK");
  command->callback([&run, options] { run = [options] { return Serve(*options); }; });
}

}  // namespace lien::app
