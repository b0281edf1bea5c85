#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace lien::http {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(MetricsTest, CountsRequestsByRouteMethodAndStatus) {
  Metrics metrics;
  metrics.RecordRequest("/api/v1/users/{id}", "GET", 200, 0.003);
  metrics.RecordRequest("/api/v1/users/{id}", "GET", 200, 0.2);
  metrics.RecordRequest("unmatched", "POST", 404, 0.0001);
  const auto text = metrics.Render();
  EXPECT_TRUE(Contains(text, "# TYPE lien_http_requests_total counter\n"));
  EXPECT_TRUE(
      Contains(text, "lien_http_requests_total{route=\"/api/v1/users/{id}\",method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(text, "lien_http_requests_total{route=\"unmatched\",method=\"POST\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE lien_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(Contains(text, "lien_http_request_duration_seconds_bucket{le=\"0.001\"} 1\n"));
  EXPECT_TRUE(Contains(text, "lien_http_request_duration_seconds_bucket{le=\"0.005\"} 2\n"));  // Cumulative.
  EXPECT_TRUE(Contains(text, "lien_http_request_duration_seconds_bucket{le=\"0.25\"} 3\n"));
  EXPECT_TRUE(Contains(text, "lien_http_request_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(text, "lien_http_request_duration_seconds_count 3\n"));
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics;
  metrics.RecordRequest("a\"b\\c\nd", "GET", 200, 0.01);
  EXPECT_TRUE(Contains(metrics.Render(), "route=\"a\\\"b\\\\c\\nd\""));
}

TEST(MetricsTest, OpenConnectionsAndGauges) {
  Metrics metrics;
  metrics.ConnectionOpened();
  metrics.ConnectionOpened();
  metrics.ConnectionClosed();
  double in_use = 3;
  metrics.AddGauge("lien_db_pool_in_use", "Connections lent out.", [&] { return in_use; });
  const auto text = metrics.Render();
  EXPECT_TRUE(Contains(text, "lien_http_open_connections 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE lien_db_pool_in_use gauge\nlien_db_pool_in_use 3\n"));
  EXPECT_THROW(metrics.AddGauge("bad name", "", [] { return 0.0; }), std::invalid_argument);
  EXPECT_THROW(metrics.AddGauge("1bad", "", [] { return 0.0; }), std::invalid_argument);
}

}  // namespace
}  // namespace lien::http
