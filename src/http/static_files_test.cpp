#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace lien::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("lien_static_" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "web" / "assets");
    Write(base_ / "web" / "index.html", "<!doctype html><title>Lien</title>");
    Write(base_ / "web" / "assets" / "index-4f3a2b.js", "console.log(1)");
    Write(base_ / "web" / ".env", "SECRET=1");
    Write(base_ / "outside.txt", "SECRET outside");
    fs::create_symlink(base_ / "outside.txt", base_ / "web" / "link.txt");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void Write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

  std::optional<Response> Get(const std::string& path, std::string if_none_match = {}) {
    StaticFiles files((base_ / "web").string());
    Request request;
    request.path = path;
    if (!if_none_match.empty()) request.headers.emplace_back("if-none-match", std::move(if_none_match));
    return files.Serve(request);
  }

  fs::path base_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCaching) {
  const auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(index->personal_data);
  EXPECT_NE(std::find(index->headers.begin(), index->headers.end(),
                      std::pair<std::string, std::string>("Cache-Control", "no-cache")),
            index->headers.end());
  const auto script = Get("/assets/index-4f3a2b.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->body, "console.log(1)");
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(std::find(script->headers.begin(), script->headers.end(),
                      std::pair<std::string, std::string>("Cache-Control", "public, max-age=31536000, immutable")),
            script->headers.end());
}

TEST_F(StaticFilesTest, RevalidatesWithEtag) {
  const auto first = Get("/assets/index-4f3a2b.js");
  ASSERT_TRUE(first);
  std::string etag;
  for (const auto& [name, value] : first->headers) {
    if (name == "ETag") etag = value;
  }
  ASSERT_FALSE(etag.empty());
  const auto again = Get("/assets/index-4f3a2b.js", etag);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST_F(StaticFilesTest, FallsBackToIndexForClientRoutesOnly) {
  const auto route = Get("/persons/12");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(Get("/assets/missing-123.js"));
}

TEST_F(StaticFilesTest, RefusesToLeaveTheRoot) {
  EXPECT_FALSE(Get("/../outside.txt"));
  EXPECT_FALSE(Get("/assets/../../outside.txt"));
  EXPECT_FALSE(Get("/link.txt"));  // A symlink pointing outside.
  EXPECT_FALSE(Get("/.env"));
  EXPECT_FALSE(Get("/assets\\..\\..\\outside.txt"));
  EXPECT_FALSE(Get("//etc/passwd"));
}

TEST(StaticFilesTypes, ContentTypes) {
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(StaticFiles::ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::ContentTypeFor("a.js.map"), "application/json; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("manifest.webmanifest"), "application/manifest+json; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentTypeFor("data.bin"), "application/octet-stream");
}

TEST(StaticFilesTypes, MissingRootThrows) { EXPECT_THROW(StaticFiles("/nonexistent/lien/web"), std::runtime_error); }

}  // namespace
}  // namespace lien::http
