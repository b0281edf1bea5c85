// The server over real sockets: a plain POSIX client, so the test needs no Asio and reads the raw bytes.
#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

namespace lien::http {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // Lower-case names; repeated ones joined with ", ".
  std::string body;

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  nlohmann::json Json() const { return nlohmann::json::parse(body); }
};

class TestClient {
 public:
  explicit TestClient(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("connect");
    }
    SetTimeout(5s);
  }
  ~TestClient() { ::close(fd_); }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const auto sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  /// One response; nullopt when the connection closes or times out first.
  std::optional<RawResponse> Read(bool head = false) {
    while (true) {
      std::size_t end;
      while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!Fill()) return std::nullopt;
      }
      RawResponse response;
      std::string header_text = buffer_.substr(0, end);
      buffer_.erase(0, end + 4);
      response.status = std::stoi(header_text.substr(9, 3));
      std::size_t line_start = header_text.find("\r\n");
      while (line_start != std::string::npos) {
        line_start += 2;
        const auto line_end = header_text.find("\r\n", line_start);
        const std::string line = header_text.substr(line_start, line_end - line_start);
        const auto colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 2);
        auto& slot = response.headers[name];
        slot = slot.empty() ? value : slot + ", " + value;
        line_start = line_end;
      }
      if (response.status == 100) continue;
      const bool no_body = head || response.status == 304 || response.status == 204;
      const std::size_t length = no_body ? 0 : std::stoul(response.Header("content-length"));
      while (buffer_.size() < length) {
        if (!Fill()) return std::nullopt;
      }
      response.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
      return response;
    }
  }

  /// True when the server closes the connection (or resets it) within `within`.
  bool Closed(std::chrono::milliseconds within) {
    SetTimeout(within);
    char byte;
    const auto received = ::recv(fd_, &byte, 1, 0);
    SetTimeout(5s);
    return received == 0 || (received < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }

 private:
  bool Fill() {
    char chunk[4096];
    const auto received = ::recv(fd_, chunk, sizeof chunk, 0);
    if (received <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(received));
    return true;
  }
  void SetTimeout(std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }

  int fd_ = -1;
  std::string buffer_;
};

std::string Get(const std::string& target, const std::string& extra_headers = {}) {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

std::string Post(const std::string& target, const std::string& body) {
  return "POST " + target +
         " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

std::string Chunked(const std::string& target, const std::string& body) {
  std::string request = "POST " + target + " HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (std::size_t i = 0; i < body.size(); i += 500) {
    const auto part = body.substr(i, 500);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    request += std::string(size) + "\r\n" + part + "\r\n";
  }
  return request + "0\r\n\r\n";
}

void ExpectSecurityHeaders(const RawResponse& response) {
  EXPECT_EQ(response.Header("content-security-policy").rfind("default-src 'self'; script-src 'self';", 0), 0u);
  EXPECT_NE(response.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.Header("x-frame-options"), "DENY");
  EXPECT_EQ(response.Header("cross-origin-opener-policy"), "same-origin");
  EXPECT_EQ(response.Header("permissions-policy"), "camera=(), microphone=(), geolocation=()");
  EXPECT_FALSE(response.Header("x-request-id").empty());
}

// A throw-away self-signed certificate for localhost (P-256, one hour).
void WriteSelfSignedCertificate(const fs::path& cert_file, const fs::path& key_file) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  ASSERT_NE(key, nullptr);
  X509* cert = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  ASSERT_GT(X509_sign(cert, key, EVP_sha256()), 0);
  FILE* out = std::fopen(key_file.c_str(), "w");
  PEM_write_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(out);
  out = std::fopen(cert_file.c_str(), "w");
  PEM_write_X509(out, cert);
  std::fclose(out);
  X509_free(cert);
  EVP_PKEY_free(key);
}

// One request over TLS with "Connection: close"; returns everything the server sent.
std::string TlsExchange(unsigned short port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return {};
  SSL_CTX* context = SSL_CTX_new(TLS_client_method());
  SSL* ssl = SSL_new(context);
  SSL_set_fd(ssl, fd);
  std::string received;
  if (SSL_connect(ssl) == 1 && SSL_write(ssl, request.data(), static_cast<int>(request.size())) > 0) {
    char chunk[4096];
    int n;
    while ((n = SSL_read(ssl, chunk, sizeof chunk)) > 0) received.append(chunk, static_cast<std::size_t>(n));
  }
  SSL_free(ssl);
  SSL_CTX_free(context);
  ::close(fd);
  return received;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web_ = fs::temp_directory_path() / ("lien_http_test_" + std::to_string(std::random_device{}()));
    fs::create_directories(web_ / "web" / "assets");
    std::ofstream(web_ / "web" / "index.html") << "<!doctype html><title>Lien</title>";
    std::ofstream(web_ / "web" / "assets" / "index-4f3a2b.js") << "console.log(1)";
    std::ofstream(web_ / "web" / "assets" / "index-4f3a2b.css") << "body{}";
    std::ofstream(web_ / "web" / "favicon.ico") << "ico";
    std::ofstream(web_ / "secret.txt") << "TOP SECRET";

    router_.Add(
        {Method::kGet, "/api/v1/hello", "public", [](Request&) { return JsonResponse(200, R"({"hello":"world"})"); }});
    router_.Add({Method::kGet, "/api/v1/items/{id}", "public", [](Request& request) {
                   nlohmann::json body = {{"id", request.path_params.at("id")},
                                          {"q", request.query.count("q") ? request.query.at("q") : ""}};
                   return JsonResponse(200, body.dump());
                 }});
    router_.Add({Method::kPost, "/api/v1/items", "public", [](Request& request) {
                   return JsonResponse(201, nlohmann::json{{"size", request.body.size()}}.dump());
                 }});
    router_.Add({Method::kPost, "/api/v1/small", "public",
                 [](Request& request) {
                   return JsonResponse(200, nlohmann::json{{"size", request.body.size()}}.dump());
                 },
                 1024});
    router_.Add({Method::kPost, "/api/v1/large", "public",
                 [](Request& request) {
                   return JsonResponse(200, nlohmann::json{{"size", request.body.size()}}.dump());
                 },
                 4096});
    router_.Add({Method::kGet, "/api/v1/boom", "public", [](Request&) -> Response {
                   throw std::runtime_error("SELECT secret FROM persons WHERE name='Dupont'");
                 }});
    router_.Add({Method::kGet, "/api/v1/slow", "public", [](Request&) {
                   std::this_thread::sleep_for(300ms);
                   return JsonResponse(200, R"({"slow":true})");
                 }});
    router_.Add({Method::kGet, "/api/v1/whoami", "public", [](Request& request) {
                   nlohmann::json body = {{"client", request.client_address},
                                          {"secure", request.secure},
                                          {"request_id", request.request_id},
                                          {"english", request.language == core::Language::kEnglish}};
                   return JsonResponse(200, body.dump());
                 }});
  }

  void TearDown() override {
    StopServer();
    fs::remove_all(web_);
  }

  void Start(ServerOptions options = {}) {
    options.port = 0;
    options.threads = 2;
    if (options.web_root.empty()) options.web_root = (web_ / "web").string();
    server_ = std::make_unique<Server>(options, router_, metrics_);
    thread_ = std::thread([this] { server_->Run(false); });
    port_ = server_->BoundPort();
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  std::optional<RawResponse> Exchange(const std::string& request, bool head = false) {
    TestClient client(port_);
    client.Send(request);
    return client.Read(head);
  }

  fs::path web_;
  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(client.Send(Get("/api/v1/hello")));
  const auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->Json()["hello"], "world");
  EXPECT_EQ(first->Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(first->Header("cache-control"), "no-store");
  ExpectSecurityHeaders(*first);
  EXPECT_EQ(first->Header("strict-transport-security"), "");  // Plain HTTP.
  ASSERT_TRUE(client.Send(Get("/api/v1/items/42?q=a+b%21")));
  const auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->Json()["id"], "42");
  EXPECT_EQ(second->Json()["q"], "a b!");
  EXPECT_NE(first->Header("x-request-id"), second->Header("x-request-id"));
  EXPECT_EQ(first->Header("x-request-id").size(), 32u);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(client.Send(Get("/api/v1/items/1") + Get("/api/v1/items/2")));
  const auto first = client.Read();
  const auto second = client.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->Json()["id"], "1");
  EXPECT_EQ(second->Json()["id"], "2");
}

TEST_F(ServerTest, UnknownApiPathIsJson404) {
  Start();
  const auto response = Exchange(Get("/api/v1/nothing"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->Json()["error"]["code"], "not_found");
  EXPECT_TRUE(response->Json()["error"]["field"].is_null());
  EXPECT_EQ(response->Header("cache-control"), "no-store");
  ExpectSecurityHeaders(*response);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Start();
  const auto response = Exchange("DELETE /api/v1/hello HTTP/1.1\r\nHost: test\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(response->Header("allow"), "GET, HEAD");
  EXPECT_EQ(response->Json()["error"]["code"], "method_not_allowed");
}

TEST_F(ServerTest, HeadAnswersGetRoutesWithoutBody) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(client.Send("HEAD /api/v1/hello HTTP/1.1\r\nHost: test\r\n\r\n"));
  const auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "17");
  // No body bytes were sent: the next response on the connection parses cleanly.
  ASSERT_TRUE(client.Send(Get("/api/v1/hello")));
  const auto get = client.Read();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->body, R"({"hello":"world"})");
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(client.Send("GARBAGE\r\n\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(response->Json()["error"]["code"], "invalid_input");
  EXPECT_EQ(response->Header("connection"), "close");
  ExpectSecurityHeaders(*response);
  EXPECT_TRUE(client.Closed(2s));
}

TEST_F(ServerTest, OversizedHeaderIs400) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  Start(options);
  const auto response = Exchange(Get("/api/v1/hello", "X-Big: " + std::string(2000, 'x') + "\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->Json()["error"]["message"].get<std::string>().find("1024"), std::string::npos);
}

TEST_F(ServerTest, AnnouncedBodyOverTheLimitIs413BeforeReadingIt) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(
      client.Send("POST /api/v1/items HTTP/1.1\r\nHost: test\r\nAccept-Language: en\r\n"
                  "Content-Length: 2097152\r\n\r\n{\"a\":"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->Json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(response->Json()["error"]["message"], "The request is too large (limit: 1048576 bytes).");
  EXPECT_TRUE(client.Closed(3s));
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  Start();
  const auto response = Exchange(Chunked("/api/v1/small", std::string(2000, 'x')));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_NE(response->Json()["error"]["message"].get<std::string>().find("1024"), std::string::npos);
}

TEST_F(ServerTest, RouteWithALargerLimitAcceptsTheBody) {
  Start();
  const std::string body(2000, 'x');
  const auto small = Exchange(Post("/api/v1/small", body));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 413);
  const auto large = Exchange(Post("/api/v1/large", body));
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 200);
  EXPECT_EQ(large->Json()["size"], 2000);
  const auto chunked = Exchange(Chunked("/api/v1/large", body));
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 200);
  EXPECT_EQ(chunked->Json()["size"], 2000);
}

TEST_F(ServerTest, ExpectContinueGetsA100ThenTheAnswer) {
  Start();
  TestClient client(port_);
  ASSERT_TRUE(
      client.Send("POST /api/v1/items HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\n"
                  "Content-Length: 2\r\n\r\n"));
  ASSERT_TRUE(client.Send("{}"));
  const auto response = client.Read();  // Read() skips the interim 100.
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 201);
}

TEST_F(ServerTest, SlowHeaderIsCutAfterTheHeaderTimeout) {
  ServerOptions options;
  options.header_timeout = 300ms;
  Start(options);
  TestClient client(port_);
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(client.Send("GET /api/v1/hello HTTP/1.1\r\nHost: te"));
  EXPECT_TRUE(client.Closed(3s));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
}

TEST_F(ServerTest, TricklingBodyIsCutAfterTheBodyTimeout) {
  ServerOptions options;
  options.body_timeout = 300ms;
  Start(options);
  TestClient client(port_);
  ASSERT_TRUE(client.Send("POST /api/v1/items HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n{\"a\""));
  EXPECT_TRUE(client.Closed(3s));
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerOptions options;
  options.idle_timeout = 300ms;
  Start(options);
  TestClient client(port_);
  ASSERT_TRUE(client.Send(Get("/api/v1/hello")));
  ASSERT_TRUE(client.Read());
  EXPECT_TRUE(client.Closed(3s));
}

TEST_F(ServerTest, ConnectionsOverTheCapGet503) {
  ServerOptions options;
  options.max_connections = 1;
  Start(options);
  TestClient first(port_);
  ASSERT_TRUE(first.Send(Get("/api/v1/hello")));
  ASSERT_TRUE(first.Read());
  TestClient second(port_);
  second.Send(Get("/api/v1/hello"));
  const auto refused = second.Read();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->Json()["error"]["code"], "unavailable");
  ExpectSecurityHeaders(*refused);
  // The first connection is still served.
  ASSERT_TRUE(first.Send(Get("/api/v1/hello")));
  const auto again = first.Read();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServerTest, HandlerExceptionIs500WithRequestIdAndNoDetail) {
  Start();
  const auto response = Exchange(Get("/api/v1/boom", "Accept-Language: en-GB,en;q=0.9\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->Json()["error"]["code"], "internal");
  const std::string message = response->Json()["error"]["message"];
  EXPECT_NE(message.find(response->Header("x-request-id")), std::string::npos);
  EXPECT_EQ(response->body.find("SELECT"), std::string::npos);
  EXPECT_EQ(response->body.find("Dupont"), std::string::npos);
}

TEST_F(ServerTest, ErrorsFollowAcceptLanguage) {
  Start();
  const auto french = Exchange(Get("/api/v1/nothing", "Accept-Language: fr-FR,fr;q=0.9,en;q=0.5\r\n"));
  const auto english = Exchange(Get("/api/v1/nothing", "Accept-Language: en-US\r\n"));
  const auto none = Exchange(Get("/api/v1/nothing"));
  ASSERT_TRUE(french && english && none);
  EXPECT_EQ(french->Json()["error"]["message"], "Cette adresse n'existe pas.");
  EXPECT_EQ(english->Json()["error"]["message"], "This address does not exist.");
  EXPECT_EQ(none->Json()["error"]["message"], "Cette adresse n'existe pas.");
}

TEST_F(ServerTest, IncomingRequestIdIsKeptWhenWellFormed) {
  Start();
  const auto kept = Exchange(Get("/api/v1/whoami", "X-Request-Id: proxy-abc-123\r\n"));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->Header("x-request-id"), "proxy-abc-123");
  EXPECT_EQ(kept->Json()["request_id"], "proxy-abc-123");
  const auto replaced = Exchange(Get("/api/v1/whoami", "X-Request-Id: <script>\r\n"));
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->Header("x-request-id").size(), 32u);
}

TEST_F(ServerTest, ForwardedHeadersAreIgnoredUnlessTheProxyIsTrusted) {
  Start();
  const auto response = Exchange(Get("/api/v1/whoami", "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Json()["client"], "127.0.0.1");
  EXPECT_EQ(response->Json()["secure"], false);
  EXPECT_EQ(response->Header("strict-transport-security"), "");
}

TEST_F(ServerTest, TrustedProxyGivesClientAddressAndScheme) {
  ServerOptions options;
  options.trust_proxy = true;
  Start(options);
  const auto response =
      Exchange(Get("/api/v1/whoami", "X-Forwarded-For: 203.0.113.7, 10.0.0.2\r\nX-Forwarded-Proto: https\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Json()["client"], "203.0.113.7");
  EXPECT_EQ(response->Json()["secure"], true);
  EXPECT_EQ(response->Header("strict-transport-security"), "max-age=31536000");
  const auto junk = Exchange(Get("/api/v1/whoami", "X-Forwarded-For: not-an-ip\r\n"));
  ASSERT_TRUE(junk);
  EXPECT_EQ(junk->Json()["client"], "127.0.0.1");
}

TEST_F(ServerTest, StaticFilesWithTypesCachingAndSecurityHeaders) {
  Start();
  const auto index = Exchange(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("cache-control"), "no-cache");
  EXPECT_EQ(index->body, "<!doctype html><title>Lien</title>");
  ExpectSecurityHeaders(*index);

  const auto script = Exchange(Get("/assets/index-4f3a2b.js"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->Header("cache-control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(*script);
  const auto style = Exchange(Get("/assets/index-4f3a2b.css"));
  ASSERT_TRUE(style);
  EXPECT_EQ(style->Header("content-type"), "text/css; charset=utf-8");
  const auto icon = Exchange(Get("/favicon.ico"));
  ASSERT_TRUE(icon);
  EXPECT_EQ(icon->Header("content-type"), "image/x-icon");

  const auto cached = Exchange(Get("/assets/index-4f3a2b.js", "If-None-Match: " + script->Header("etag") + "\r\n"));
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->status, 304);

  const auto head = Exchange("HEAD /favicon.ico HTTP/1.1\r\nHost: test\r\n\r\n", /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->Header("content-length"), "3");
}

TEST_F(ServerTest, SpaFallbackButNotForApiOrMissingAssets) {
  Start();
  const auto route = Exchange(Get("/persons/12/calls"));
  ASSERT_TRUE(route);
  EXPECT_EQ(route->status, 200);
  EXPECT_EQ(route->Header("content-type"), "text/html; charset=utf-8");
  const auto asset = Exchange(Get("/assets/gone-123.js"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->status, 404);
  EXPECT_EQ(asset->Json()["error"]["code"], "not_found");
  const auto api = Exchange(Get("/api/v2/whatever"));
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(api->Header("content-type"), "application/json; charset=utf-8");
  const auto post = Exchange(Post("/persons/12", "{}"));
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
}

TEST_F(ServerTest, TraversalIsRefused) {
  Start();
  for (const std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                                   "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt"}) {
    const auto response = Exchange(Get(target));
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->body.find("TOP SECRET"), std::string::npos) << target;
    EXPECT_NE(response->status, 200) << target;
  }
}

TEST_F(ServerTest, StopLetsTheRequestInFlightFinish) {
  Start();
  TestClient idle(port_);  // An idle keep-alive connection: closed at once by the stop.
  ASSERT_TRUE(idle.Send(Get("/api/v1/hello")));
  ASSERT_TRUE(idle.Read());
  TestClient busy(port_);
  ASSERT_TRUE(busy.Send(Get("/api/v1/slow")));
  std::this_thread::sleep_for(100ms);  // The handler is sleeping now.
  const auto stop_started = std::chrono::steady_clock::now();
  server_->Stop();
  const auto response = busy.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->Header("connection"), "close");
  EXPECT_TRUE(idle.Closed(2s));
  thread_.join();  // Run() returned.
  server_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 3s);
  EXPECT_THROW(TestClient{port_}, std::runtime_error);  // No longer listening.
}

TEST_F(ServerTest, MetricsCountRequests) {
  Start();
  ASSERT_TRUE(Exchange(Get("/api/v1/items/1")));
  ASSERT_TRUE(Exchange(Get("/api/v1/nothing")));
  ASSERT_TRUE(Exchange(Get("/")));
  StopServer();  // Every request recorded, every connection closed.
  const auto text = metrics_.Render();
  EXPECT_NE(text.find("lien_http_requests_total{route=\"/api/v1/items/{id}\",method=\"GET\",status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("lien_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("lien_http_requests_total{route=\"static\",method=\"GET\",status=\"200\"} 1"), std::string::npos);
  EXPECT_NE(text.find("lien_http_request_duration_seconds_count 3"), std::string::npos);
  EXPECT_NE(text.find("lien_http_open_connections 0"), std::string::npos);
}

TEST_F(ServerTest, BindingAnUsedPortThrowsOneLine) {
  Start();
  ServerOptions options;
  options.port = port_;
  try {
    Server second(options, router_, metrics_);
    FAIL() << "expected a binding error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(port_) + ": address already in use");
  }
}

TEST_F(ServerTest, ServesOverTlsWithHsts) {
  ServerOptions options;
  options.tls_cert_file = (web_ / "cert.pem").string();
  options.tls_key_file = (web_ / "key.pem").string();
  WriteSelfSignedCertificate(options.tls_cert_file, options.tls_key_file);
  Start(options);
  const auto text = TlsExchange(port_, "GET /api/v1/whoami HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(text.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << text;
  EXPECT_NE(text.find("Strict-Transport-Security: max-age=31536000\r\n"), std::string::npos);
  EXPECT_NE(text.find("\"secure\":true"), std::string::npos);
  // A plain HTTP client on the TLS port gets no HTTP answer.
  const auto plain = Exchange(Get("/api/v1/hello"));
  EXPECT_FALSE(plain);
}

TEST_F(ServerTest, MissingTlsFilesThrow) {
  ServerOptions options;
  options.port = 0;
  options.tls_cert_file = "/nonexistent/cert.pem";
  options.tls_key_file = "/nonexistent/key.pem";
  EXPECT_THROW(Server(options, router_, metrics_), std::runtime_error);
}

}  // namespace
}  // namespace lien::http
