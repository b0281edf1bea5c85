#include "rounds/solver_json/osrm_client.hpp"

#include <curl/curl.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace lien::rounds::solver_json {

namespace {

constexpr std::int64_t kUnreachable = 1'000'000'000;
constexpr std::size_t kMaxBody = std::size_t{512} * 1024 * 1024;

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  if (body->size() + size * count > kMaxBody) return 0;
  body->append(data, size * count);
  return size * count;
}

core::Error Unavailable(const std::string& detail) {
  return core::Error(core::ErrorCode::kUnavailable, "solver.routing_unavailable", "options.osrm_url",
                     {{"detail", detail}});
}

}  // namespace

HttpGet CurlHttpGet(long timeout_s) {
  return [timeout_s](const std::string& url) -> core::Result<std::string> {
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return core::Fail(Unavailable("cannot initialise libcurl"));
    std::string body;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_s);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK) return core::Fail(Unavailable(std::string("OSRM request failed: ") + curl_easy_strerror(rc)));
    if (status != 200) return core::Fail(Unavailable("OSRM answered HTTP " + std::to_string(status)));
    return body;
  };
}

std::string OsrmTableUrl(const std::string& base_url, const std::string& profile,
                         const std::vector<solver::Coordinates>& points) {
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/table/v1/" + profile + "/";
  char buf[64];
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.6f,%.6f", i == 0 ? "" : ";", points[i].lon, points[i].lat);
    url += buf;
  }
  return url + "?annotations=duration,distance";
}

core::Result<solver::Profile> ParseOsrmTable(const std::string& body, std::size_t size) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception&) {
    return core::Fail(Unavailable("OSRM answer is not JSON"));
  }
  if (!root.is_object() || root.value("code", "") != "Ok") {
    return core::Fail(Unavailable("OSRM answer code is not Ok"));
  }
  solver::Profile profile;
  profile.durations = solver::Matrix(static_cast<int>(size));
  const bool has_distances = root.contains("distances");
  if (has_distances) profile.distances = solver::Matrix(static_cast<int>(size));
  for (const char* kind : {"durations", "distances"}) {
    if (!root.contains(kind)) {
      if (std::string(kind) == "durations") return core::Fail(Unavailable("OSRM answer has no durations"));
      continue;
    }
    const auto& rows = root[kind];
    if (!rows.is_array() || rows.size() != size) return core::Fail(Unavailable("OSRM matrix has the wrong size"));
    solver::Matrix& m = std::string(kind) == "durations" ? profile.durations : profile.distances;
    for (std::size_t i = 0; i < size; ++i) {
      if (!rows[i].is_array() || rows[i].size() != size)
        return core::Fail(Unavailable("OSRM matrix has the wrong size"));
      for (std::size_t j = 0; j < size; ++j) {
        const auto& x = rows[i][j];
        std::int64_t value = kUnreachable;
        if (x.is_number()) value = std::min<std::int64_t>(kUnreachable, std::llround(std::max(0.0, x.get<double>())));
        m.Set(static_cast<int>(i), static_cast<int>(j), value);
      }
    }
  }
  return profile;
}

core::Result<solver::Profile> FetchOsrmTable(const std::string& base_url, const std::string& profile,
                                             const std::vector<solver::Coordinates>& points, const HttpGet& get) {
  auto body = get(OsrmTableUrl(base_url, profile, points));
  if (!body) return core::Fail(body.error());
  return ParseOsrmTable(*body, points.size());
}

std::function<core::Result<solver::Profile>(const std::string&, const std::vector<solver::Coordinates>&)>
MakeOsrmTableProvider(const std::string& base_url, HttpGet get) {
  return [base_url, get = std::move(get)](const std::string& profile, const std::vector<solver::Coordinates>& points) {
    return FetchOsrmTable(base_url, profile, points, get);
  };
}

}  // namespace lien::rounds::solver_json
