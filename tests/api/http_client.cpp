#include "http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

namespace lien::api_test {
namespace {

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    response->headers.emplace(name, value);
  } else if (line.rfind("HTTP/", 0) == 0) {
    response->headers.clear();  // a new response (after 100-continue)
  }
  return size * count;
}

}  // namespace

std::string HttpResponse::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

nlohmann::json HttpResponse::Json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) throw std::runtime_error("response is not JSON: " + body.substr(0, 200));
  return parsed;
}

std::string HttpResponse::ErrorMessage() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.contains("error")) return {};
  return parsed["error"].value("message", "");
}

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)), curl_(curl_easy_init()) {
  if (curl_ == nullptr) throw std::runtime_error("curl_easy_init failed");
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_PATH_AS_IS, 1L);  // send "/../" as written
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResponse HttpClient::Get(const std::string& path, const std::vector<std::string>& headers) {
  return Send("GET", path, "", headers);
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& path, const std::string& body,
                              std::vector<std::string> headers) {
  auto* curl = static_cast<CURL*>(curl_);
  HttpResponse response;
  curl_easy_setopt(curl, CURLOPT_URL, (base_url_ + path).c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  if (method == "GET" || method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method == "HEAD" ? "HEAD" : nullptr);
  } else {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    if (!csrf_.empty()) headers.push_back("X-CSRF-Token: " + csrf_);
  }
  headers.push_back("Accept-Language: " + language_);
  headers.emplace_back("Expect:");  // no 100-continue round trip
  curl_slist* list = nullptr;
  for (const auto& header : headers) list = curl_slist_append(list, header.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  const auto code = curl_easy_perform(curl);
  curl_slist_free_all(list);
  if (code != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(code));
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

HttpResponse HttpClient::Login(const std::string& login, const std::string& password, const std::string& totp) {
  nlohmann::json body{{"login", login}, {"password", password}};
  if (!totp.empty()) body["totp"] = totp;
  auto response = SendJson("POST", "/api/v1/session", body);
  if (response.status == 200) csrf_ = response.Json().value("csrf_token", "");
  return response;
}

}  // namespace lien::api_test
