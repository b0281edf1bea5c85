#include "http/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace lien::http {
namespace {

// Prometheus text format: label values escape backslash, double quote and newline; HELP escapes backslash and
// newline.
std::string Escape(std::string_view value, bool quote) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

bool ValidMetricName(std::string_view name) {
  if (name.empty()) return false;
  auto head = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; };
  if (!head(name.front())) return false;
  return std::all_of(name.begin(), name.end(), [&](char c) { return head(c) || (c >= '0' && c <= '9'); });
}

std::string Number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  // Shortest text that reads back as the same double: "0.005", not "0.0050000000000000001".
  std::array<char, 32> text{};
  const auto result = std::to_chars(text.data(), text.data() + text.size(), value);
  return std::string(text.data(), result.ptr);
}

}  // namespace

void Metrics::RecordRequest(const std::string& route, const char* method, int status, double seconds) {
  std::string key = route;
  key += '\t';
  key += method;
  key += '\t';
  key += std::to_string(status);
  const auto bucket = static_cast<std::size_t>(std::lower_bound(kBounds.begin(), kBounds.end(), seconds) -
                                               kBounds.begin());  // le: seconds <= bound
  std::lock_guard lock(mutex_);
  ++requests_[std::move(key)];
  ++latency_buckets_[bucket];
  latency_sum_ += seconds;
  ++latency_count_;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  if (!ValidMetricName(name)) throw std::invalid_argument("invalid metric name: " + name);
  if (!read) throw std::invalid_argument("gauge " + name + " has no reader");
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::vector<Gauge> gauges;
  std::ostringstream out;
  {
    std::lock_guard lock(mutex_);
    out << "# HELP lien_http_requests_total HTTP requests served, by route pattern, method and status.\n"
        << "# TYPE lien_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto first = key.find('\t');
      const auto second = key.find('\t', first + 1);
      out << "lien_http_requests_total{route=\"" << Escape(key.substr(0, first), true) << "\",method=\""
          << Escape(key.substr(first + 1, second - first - 1), true) << "\",status=\"" << key.substr(second + 1)
          << "\"} " << count << '\n';
    }
    out << "# HELP lien_http_request_duration_seconds Time from the request header to the response written.\n"
        << "# TYPE lien_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBounds.size(); ++i) {
      cumulative += latency_buckets_[i];
      out << "lien_http_request_duration_seconds_bucket{le=\"" << Number(kBounds[i]) << "\"} " << cumulative << '\n';
    }
    out << "lien_http_request_duration_seconds_bucket{le=\"+Inf\"} " << latency_count_ << '\n'
        << "lien_http_request_duration_seconds_sum " << Number(latency_sum_) << '\n'
        << "lien_http_request_duration_seconds_count " << latency_count_ << '\n';
    gauges = gauges_;
  }
  out << "# HELP lien_http_open_connections HTTP connections currently open.\n"
      << "# TYPE lien_http_open_connections gauge\n"
      << "lien_http_open_connections " << open_connections_.load() << '\n';
  // Gauge readers run outside the lock: they may take their own locks (the database pool's).
  for (const auto& gauge : gauges) {
    out << "# HELP " << gauge.name << ' ' << Escape(gauge.help, false) << '\n'
        << "# TYPE " << gauge.name << " gauge\n"
        << gauge.name << ' ' << Number(gauge.read()) << '\n';
  }
  return out.str();
}

}  // namespace lien::http
