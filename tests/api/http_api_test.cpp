// The HTTP contract of the real server: errors as JSON, limits, timeouts, headers, static files, shutdown.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "api_fixture.hpp"

namespace lien::api_test {
namespace {

class HttpApi : public ApiTest {};

// A raw TCP connection, for what a well-behaved client library will not do.
int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Reads until the peer closes or `timeout` passes; returns what came and whether the peer closed.
std::pair<std::string, bool> ReadUntilClosed(int fd, std::chrono::milliseconds timeout) {
  timeval tv{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  std::string data;
  char buffer[4096];
  for (;;) {
    const auto n = recv(fd, buffer, sizeof(buffer), 0);
    if (n == 0) return {data, true};
    if (n < 0) return {data, false};
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

TEST_P(HttpApi, ErrorsAreJsonInTheUsersLanguage) {
  StartServer();
  auto client = Client();
  auto missing = client->Get("/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Json()["error"]["code"], "not_found");
  EXPECT_EQ(missing.ErrorMessage(), "Cette adresse n'existe pas.");
  client->set_language("en");
  EXPECT_EQ(client->Get("/api/v1/nothing-here").ErrorMessage(), "This address does not exist.");
  auto wrong_method = client->Send("PUT", "/api/v1/session", "{}", {"Content-Type: application/json"});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.Json()["error"]["code"], "method_not_allowed");
  EXPECT_FALSE(wrong_method.Header("allow").empty());
  auto malformed = client->Send("POST", "/api/v1/session", "{\"login\": ", {"Content-Type: application/json"});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.ErrorMessage(), "The request body is not valid JSON.");
  auto not_json =
      client->Send("POST", "/api/v1/session", "login=a", {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(not_json.status, 415);
}

TEST_P(HttpApi, OversizeBodiesAreRefusedWith413) {
  StartServer();
  const std::string big(2 * 1024 * 1024, 'x');
  auto response =
      Client()->Send("POST", "/api/v1/session", "{\"login\":\"" + big + "\"}", {"Content-Type: application/json"});
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.Json()["error"]["code"], "payload_too_large");
}

TEST_P(HttpApi, SecurityHeadersOnEveryResponseAndNoStoreOnPersonalData) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  auto client = SignIn("marie.dupont");
  for (const auto& response : {client->Get("/healthz"), client->Get("/api/v1/session"), client->Get("/api/v1/x")}) {
    EXPECT_NE(response.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_NE(response.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
    EXPECT_FALSE(response.Header("x-request-id").empty());
    EXPECT_TRUE(response.Header("strict-transport-security").empty()) << "HSTS only under TLS";
  }
  EXPECT_EQ(client->Get("/api/v1/session").Header("cache-control"), "no-store");
}

TEST_P(HttpApi, HealthAndMetrics) {
  StartServer();
  auto client = Client();
  auto health = client->Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.Json()["status"], "ok");
  client->Get("/api/v1/nothing-here");
  auto metrics = client->Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.Header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics.body.find("lien_http_requests_total{"), std::string::npos);
  EXPECT_NE(metrics.body.find("route=\"/healthz\""), std::string::npos);
  EXPECT_NE(metrics.body.find("lien_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("lien_http_open_connections"), std::string::npos);
  EXPECT_NE(metrics.body.find("lien_db_pool_in_use"), std::string::npos);
}

TEST_P(HttpApi, SlowClientIsCutOffAfterTheHeaderTimeout) {
  StartServer({"--header-timeout", "0.5"});
  const int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  const std::string partial = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  ASSERT_EQ(send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  const auto start = std::chrono::steady_clock::now();
  const auto [data, closed] = ReadUntilClosed(fd, std::chrono::seconds(5));
  const auto waited = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_TRUE(closed) << "the server must drop a client that never finishes its headers";
  EXPECT_LT(waited, std::chrono::seconds(3));
  EXPECT_EQ(Client()->Get("/healthz").status, 200) << "and keep serving others";
}

TEST_P(HttpApi, KeepAliveServesSeveralRequestsOnOneConnection) {
  StartServer();
  const int fd = Connect(server_->port());
  ASSERT_GE(fd, 0);
  const std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  send(fd, two.data(), two.size(), 0);
  const auto [data, closed] = ReadUntilClosed(fd, std::chrono::seconds(5));
  close(fd);
  std::size_t count = 0;
  for (auto at = data.find("HTTP/1.1 200"); at != std::string::npos; at = data.find("HTTP/1.1 200", at + 1)) ++count;
  EXPECT_EQ(count, 2U) << data;
}

TEST_P(HttpApi, GracefulShutdownFinishesTheRequestInFlight) {
  CreateUser("marie.dupont", "coordinator");
  StartServer();
  const auto base = server_->base_url();
  // A sign-in takes a while (argon2id): the server is stopped while it computes.
  auto in_flight = std::async(std::launch::async, [base] {
    HttpClient client(base);
    return client.Login("marie.dupont", PasswordFor("marie.dupont")).status;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  const int exit_code = server_->Stop(20);
  EXPECT_EQ(in_flight.get(), 200) << server_->Log();
  EXPECT_EQ(exit_code, 0) << server_->Log();
  EXPECT_LT(Connect(server_->port()), 0) << "no longer accepting";
}

TEST_P(HttpApi, ServesTheWebInterfaceWithTheSpaFallback) {
  const auto root = std::filesystem::temp_directory_path() / ("lien-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html><title>Lien</title>";
  std::ofstream(root / "assets" / "app-abc123.js") << "console.log('lien')";
  StartServer({"--web-root", root.string()});
  auto client = Client();
  auto index = client->Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.Header("content-type").find("text/html"), std::string::npos);
  auto script = client->Get("/assets/app-abc123.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_NE(script.Header("content-type").find("javascript"), std::string::npos);
  EXPECT_NE(script.Header("cache-control").find("immutable"), std::string::npos);
  auto deep_link = client->Get("/admin/accounts");
  EXPECT_EQ(deep_link.status, 200);
  EXPECT_EQ(deep_link.body, index.body);
  EXPECT_EQ(client->Get("/api/v1/unknown").status, 404) << "no SPA fallback under /api";
  EXPECT_EQ(client->Get("/assets/../../etc/passwd").status, 404);
  std::filesystem::remove_all(root);
}

INSTANTIATE_TEST_SUITE_P(Engines, HttpApi, ::testing::Values(LIEN_TEST_ENGINES), EngineName);

}  // namespace
}  // namespace lien::api_test
