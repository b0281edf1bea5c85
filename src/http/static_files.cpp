#include "http/static_files.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace lien::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Refuses what a browser never asks for: "..", ".", hidden files (.env, .git), backslashes, empty segments.
bool SafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  std::string_view rest = path.substr(1);
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment.empty() && slash != std::string_view::npos) return false;  // "//"
    if (!segment.empty() && segment.front() == '.') return false;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return true;
}

bool Inside(const fs::path& root, const fs::path& candidate) {
  const auto& root_text = root.native();
  const auto& text = candidate.native();
  return text.size() > root_text.size() && text.compare(0, root_text.size(), root_text) == 0 &&
         text[root_text.size()] == '/';
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_, ec)) throw std::runtime_error("web root " + root + " is not a folder");
}

std::string StaticFiles::ContentTypeFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".json", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (EndsWith(file_name, extension)) return std::string(type);
  }
  return "application/octet-stream";
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (!SafeRelativePath(request.path)) return std::nullopt;
  std::string relative = request.path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";

  std::error_code ec;
  const fs::path candidate = fs::weakly_canonical(root_ / relative, ec);
  if (!ec && Inside(root_, candidate) && fs::is_regular_file(candidate, ec)) {
    const bool hashed_asset = request.path.rfind("/assets/", 0) == 0;
    return ServeFile(candidate, request, std::string(hashed_asset ? kImmutable : kRevalidate));
  }
  // A client-side route ("/persons/12") has no extension: the SPA's index.html handles it. A missing file
  // with an extension ("/assets/old-hash.js") is a real 404, so a stale page fails loudly, not with HTML.
  const auto last_slash = request.path.rfind('/');
  if (request.path.find('.', last_slash) != std::string::npos) return std::nullopt;
  return ServeFile(root_ / "index.html", request, std::string(kRevalidate));
}

std::optional<Response> StaticFiles::ServeFile(const fs::path& file, const Request& request,
                                               std::string cache_control) const {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const auto modified = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  // A weak validator from size and modification time: cheap, and changes whenever a deploy rewrites the file.
  std::array<char, 64> tag{};
  std::snprintf(tag.data(), tag.size(), "\"%llx-%llx\"", static_cast<unsigned long long>(size),
                static_cast<unsigned long long>(modified.time_since_epoch().count()));
  const std::string etag = tag.data();

  Response response;
  response.personal_data = false;
  response.content_type = ContentTypeFor(file.filename().native());
  response.SetHeader("ETag", etag);
  response.SetHeader("Cache-Control", std::move(cache_control));
  const std::string_view if_none_match = request.Header("if-none-match");
  if (!if_none_match.empty() && (if_none_match.find(etag) != std::string_view::npos || if_none_match == "*")) {
    response.status = 304;
    return response;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return response;
}

}  // namespace lien::http
