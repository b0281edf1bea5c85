#pragma once
// A small HTTP client for the API tests (libcurl): keeps the session cookie like a browser and sends the CSRF
// token it was given on every state-changing request.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lien::api_test {

struct HttpResponse {
  long status = 0;
  std::multimap<std::string, std::string> headers;  ///< Lower-case names.
  std::string body;

  std::string Header(const std::string& lower_name) const;
  nlohmann::json Json() const;
  /// `error.message` of an error body, or empty.
  std::string ErrorMessage() const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse Get(const std::string& path, const std::vector<std::string>& headers = {});
  HttpResponse Send(const std::string& method, const std::string& path, const std::string& body = "",
                    std::vector<std::string> headers = {});
  HttpResponse SendJson(const std::string& method, const std::string& path, const nlohmann::json& body,
                        std::vector<std::string> headers = {}) {
    headers.emplace_back("Content-Type: application/json");
    return Send(method, path, body.dump(), std::move(headers));
  }

  /// POST /api/v1/session; on success remembers the CSRF token.
  HttpResponse Login(const std::string& login, const std::string& password, const std::string& totp = "");

  void set_csrf(std::string token) { csrf_ = std::move(token); }
  const std::string& csrf() const { return csrf_; }
  /// Sends no CSRF header from now on (to test the refusal).
  void DropCsrf() { csrf_.clear(); }
  void set_language(std::string language) { language_ = std::move(language); }

 private:
  std::string base_url_;
  void* curl_;  // CURL*, kept opaque so tests need not include curl.h
  std::string csrf_;
  std::string language_ = "fr";
};

}  // namespace lien::api_test
