#pragma once
// Counters exported at GET /metrics in the Prometheus text format. Thread-safe, lock-cheap.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace lien::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1,    2.5,   5};

  /// Records one finished request: the route pattern (not the raw path, to bound cardinality), method,
  /// status and duration.
  void RecordRequest(const std::string& route, const char* method, int status, double seconds);
  void ConnectionOpened() { ++open_connections_; }
  void ConnectionClosed() { --open_connections_; }
  long OpenConnections() const { return open_connections_.load(); }

  /// Extra gauges read at scrape time (database pool use...): name → value. Name must be a valid metric name.
  void AddGauge(std::string name, std::string help, std::function<double()> read);

  /// The whole exposition text.
  std::string Render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // key: route\tmethod\tstatus
  std::vector<std::uint64_t> latency_buckets_ = std::vector<std::uint64_t>(kBounds.size() + 1, 0);
  double latency_sum_ = 0;
  std::uint64_t latency_count_ = 0;
  std::atomic<long> open_connections_{0};
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
};

}  // namespace lien::http
