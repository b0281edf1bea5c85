#pragma once
// The built SPA served from a folder: content types, caching for Vite's hashed assets, ETag revalidation,
// SPA fallback to index.html, and no way out of the folder.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace lien::http {

class StaticFiles {
 public:
  /// `root` must be an existing folder; throws std::runtime_error otherwise.
  explicit StaticFiles(const std::string& root);

  /// The response for a GET or HEAD of `request.path` (already percent-decoded): the file, a 304 when
  /// If-None-Match carries its ETag, or index.html for an extension-less path (client-side route).
  /// nullopt when nothing may be served (missing file, "..", hidden file, a path leaving the root): the caller
  /// answers 404. Reads the file whole on each call (files are small and the OS caches them). Thread-safe.
  std::optional<Response> Serve(const Request& request) const;

  /// The Content-Type for a file name, by extension; application/octet-stream when unknown.
  static std::string ContentTypeFor(std::string_view file_name);

 private:
  std::optional<Response> ServeFile(const std::filesystem::path& file, const Request& request,
                                    std::string cache_control) const;
  std::filesystem::path root_;  ///< Canonical.
};

}  // namespace lien::http
