#include "rounds/solver_json/osrm_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace lien::rounds::solver_json {
namespace {

const char* kTable = R"({"code": "Ok", "durations": [[0, 12.4], [13.6, null]], "distances": [[0, 100.2], [99.5, 0]]})";

TEST(OsrmClientTest, BuildsTheTableUrl) {
  EXPECT_EQ(OsrmTableUrl("http://localhost:5000/", "car", {{2.5, 50.25}, {2.75, 50.5}}),
            "http://localhost:5000/table/v1/car/2.500000,50.250000;2.750000,50.500000?annotations=duration,distance");
}

TEST(OsrmClientTest, ParsesDurationsAndDistancesWithInjectedHttp) {
  std::string asked;
  HttpGet fake = [&](const std::string& url) -> core::Result<std::string> {
    asked = url;
    return std::string(kTable);
  };
  auto prof = FetchOsrmTable("http://osrm", "car", {{1, 2}, {3, 4}}, fake);
  ASSERT_TRUE(prof);
  EXPECT_EQ(prof->durations.At(0, 1), 12);
  EXPECT_EQ(prof->durations.At(1, 0), 14);
  EXPECT_EQ(prof->durations.At(1, 1), 1'000'000'000);  // unreachable
  EXPECT_EQ(prof->distances.At(1, 0), 100);
  EXPECT_NE(asked.find("/table/v1/car/"), std::string::npos);
}

TEST(OsrmClientTest, BadAnswersAreUnavailableErrors) {
  EXPECT_FALSE(ParseOsrmTable("not json", 2));
  EXPECT_FALSE(ParseOsrmTable(R"({"code": "NoRoute"})", 2));
  EXPECT_FALSE(ParseOsrmTable(R"({"code": "Ok", "durations": [[0]]})", 2));
  auto e = ParseOsrmTable(R"({"code": "Ok"})", 1);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, core::ErrorCode::kUnavailable);
}

// A one-shot HTTP server on 127.0.0.1 that answers `body` to the first request.
class StubServer {
 public:
  explicit StubServer(std::string body) : body_(std::move(body)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 1);
    thread_ = std::thread([this] {
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      char buf[4096];
      (void)::recv(client, buf, sizeof buf, 0);
      const std::string reply =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body_.size()) +
          "\r\nConnection: close\r\n\r\n" + body_;
      (void)::send(client, reply.data(), reply.size(), 0);
      ::close(client);
    });
  }
  ~StubServer() {
    thread_.join();
    ::close(fd_);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  std::string body_;
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

TEST(OsrmClientTest, FetchesOverHttpFromALocalStub) {
  StubServer server(kTable);
  auto prof = FetchOsrmTable(server.Url(), "car", {{1, 2}, {3, 4}}, CurlHttpGet(5));
  ASSERT_TRUE(prof) << prof.error().args["detail"];
  EXPECT_EQ(prof->durations.At(0, 1), 12);
}

TEST(OsrmClientTest, UnreachableServerIsAnError) {
  auto prof = FetchOsrmTable("http://127.0.0.1:1", "car", {{1, 2}}, CurlHttpGet(2));
  ASSERT_FALSE(prof);
  EXPECT_EQ(prof.error().code, core::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace lien::rounds::solver_json
