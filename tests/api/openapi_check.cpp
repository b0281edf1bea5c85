// Keeps the API documents honest: docs/openapi.yaml lists exactly the routes of the `lien` binary, each with the
// permission the route declares, and docs/permissions.md is what `lien routes --markdown` prints today.
//
// Needs the compile definitions LIEN_BINARY (path of the lien executable) and LIEN_SOURCE_DIR (repository root).
// The YAML is read by a line-based reader that relies on the layout documented at the top of openapi.yaml,
// not by a YAML library: the file is ours, and a reader of twenty lines is easier to trust than a dependency.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#ifndef LIEN_BINARY
#error "openapi_check.cpp needs LIEN_BINARY, the path of the lien executable"
#endif
#ifndef LIEN_SOURCE_DIR
#error "openapi_check.cpp needs LIEN_SOURCE_DIR, the repository root"
#endif

namespace lien::api_test {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Running the binary.

struct CommandOutput {
  int exit_code = -1;
  std::string text;  ///< Standard output only; standard error goes to the test log.
};

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

CommandOutput RunLien(const std::string& arguments) {
  CommandOutput output;
  const std::string command = ShellQuote(LIEN_BINARY) + " " + arguments;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.text.append(buffer, n);
  const int status = ::pclose(pipe);
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::optional<std::string> ReadFile(const std::string& relative_path) {
  std::ifstream in(std::string(LIEN_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

using Key = std::pair<std::string, std::string>;  // (METHOD, path)

std::string Describe(const Key& key) { return key.first + " " + key.second; }

/// (method, path) → permission, from `lien routes`. Fails the current test when the output is not usable.
std::map<Key, std::string> BinaryRoutes() {
  std::map<Key, std::string> routes;
  const auto output = RunLien("routes");
  EXPECT_EQ(output.exit_code, 0) << LIEN_BINARY << " routes failed";
  const auto json = nlohmann::json::parse(output.text, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(json.is_array()) << "`lien routes` did not print a JSON array:\n" << output.text;
  if (!json.is_array()) return routes;
  for (const auto& route : json) {
    const Key key{route.at("method").get<std::string>(), route.at("path").get<std::string>()};
    EXPECT_TRUE(routes.emplace(key, route.at("permission").get<std::string>()).second)
        << "`lien routes` lists " << Describe(key) << " twice";
  }
  EXPECT_FALSE(routes.empty()) << "`lien routes` listed no route";
  return routes;
}

// ---------------------------------------------------------------------------------------------------------
// The line-based reader of docs/openapi.yaml.

struct DocumentedOperation {
  std::string method;      ///< Upper case: "GET".
  std::string path;        ///< As written: "/api/v1/users/{id}".
  std::string permission;  ///< The operation's `x-permission`, empty when it has none.
  int line = 0;
};

struct OpenApiOperations {
  std::vector<DocumentedOperation> operations;
  std::vector<std::string> problems;  ///< Lines the reader could not place; each is a test failure.
};

std::string Trim(std::string text) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

std::string Unquote(std::string text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

/// Reads the operations under `paths:`: paths at 2 spaces, methods at 4, `x-permission` at 6 (the layout
/// documented at the top of docs/openapi.yaml). Anything deeper, and other keys, are skipped.
OpenApiOperations ReadOperations(const std::string& yaml) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  OpenApiOperations result;
  std::istringstream in(yaml);
  std::string line;
  bool in_paths = false;
  std::string path;
  DocumentedOperation* operation = nullptr;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line[indent] == '#') continue;
    const std::string where = "docs/openapi.yaml:" + std::to_string(number) + ": ";
    if (indent == 0) {
      in_paths = Trim(line) == "paths:";
      operation = nullptr;
      continue;
    }
    if (!in_paths) continue;
    const std::string content = Trim(line);
    const auto colon = content.find(':');
    const std::string key = colon == std::string::npos ? content : content.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : Unquote(Trim(content.substr(colon + 1)));
    if (indent == 2) {
      if (content.front() != '/' || colon != content.size() - 1) {
        result.problems.push_back(where + "expected a path such as `  /api/v1/x:` at 2 spaces, got: " + content);
      }
      path = key;
      operation = nullptr;
    } else if (indent == 4) {
      operation = nullptr;
      if (kMethods.contains(key)) {
        if (path.empty()) result.problems.push_back(where + "operation outside a path");
        std::string method = key;
        for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        result.operations.push_back({method, path, "", number});
        operation = &result.operations.back();
      }
    } else if (indent == 6 && key == "x-permission") {
      if (operation == nullptr) {
        result.problems.push_back(where + "x-permission outside an operation");
      } else if (!operation->permission.empty()) {
        result.problems.push_back(where + "second x-permission for " + operation->method + " " + path);
      } else {
        operation->permission = value;
      }
    }
  }
  return result;
}

/// The documented operations by (method, path); reports problems of the file as test failures.
std::map<Key, DocumentedOperation> DocumentedOperations() {
  std::map<Key, DocumentedOperation> documented;
  const auto yaml = ReadFile("docs/openapi.yaml");
  EXPECT_TRUE(yaml.has_value()) << "cannot read " << LIEN_SOURCE_DIR << "/docs/openapi.yaml";
  if (!yaml) return documented;
  const auto read = ReadOperations(*yaml);
  for (const auto& problem : read.problems) ADD_FAILURE() << problem;
  for (const auto& operation : read.operations) {
    const Key key{operation.method, operation.path};
    EXPECT_TRUE(documented.emplace(key, operation).second)
        << "docs/openapi.yaml:" << operation.line << ": " << Describe(key) << " is documented twice";
  }
  EXPECT_FALSE(documented.empty()) << "no operation found under `paths:` in docs/openapi.yaml";
  return documented;
}

// ---------------------------------------------------------------------------------------------------------
// The reader itself, on the layout it promises to read.

TEST(OpenApiReader, ReadsPathsMethodsAndPermissionsAtTheirIndents) {
  const std::string yaml =
      "# a comment\n"
      "openapi: 3.1.0\n"
      "info:\n"
      "  title: t\n"
      "paths:\n"
      "  /a:\n"
      "    get:\n"
      "      summary: x\n"
      "      description: >-\n"
      "        x-permission: not this one (folded text)\n"
      "      x-permission: public\n"
      "    post:\n"
      "      x-permission: \"a.write\"\n"
      "  /a/{id}:\n"
      "    parameters:\n"
      "      - $ref: '#/components/parameters/Id'\n"
      "      x-permission: ignored (not in an operation)\n"
      "    patch:\n"
      "      x-permission: a.write\n"
      "    delete:\n"
      "components:\n"
      "  schemas:\n"
      "    get:\n"
      "      x-permission: not a path\n";
  const auto read = ReadOperations(yaml);
  ASSERT_EQ(read.operations.size(), 4U);
  EXPECT_EQ(read.operations[0].method, "GET");
  EXPECT_EQ(read.operations[0].path, "/a");
  EXPECT_EQ(read.operations[0].permission, "public");
  EXPECT_EQ(read.operations[1].method, "POST");
  EXPECT_EQ(read.operations[1].permission, "a.write");
  EXPECT_EQ(read.operations[2].method, "PATCH");
  EXPECT_EQ(read.operations[2].path, "/a/{id}");
  EXPECT_EQ(read.operations[2].permission, "a.write");
  EXPECT_EQ(read.operations[3].method, "DELETE");
  EXPECT_EQ(read.operations[3].permission, "");
  EXPECT_EQ(read.problems.size(), 1U) << "x-permission after `parameters:` belongs to no operation";
}

TEST(OpenApiReader, ReportsAPathNotAtItsPlace) {
  const auto read = ReadOperations("paths:\n  \"/quoted\":\n    get:\n      x-permission: public\n");
  EXPECT_EQ(read.problems.size(), 1U);
}

// ---------------------------------------------------------------------------------------------------------
// docs/openapi.yaml against the binary.

TEST(OpenApi, DocumentsEveryRouteOfTheBinary) {
  const auto routes = BinaryRoutes();
  const auto documented = DocumentedOperations();
  for (const auto& [key, permission] : routes) {
    EXPECT_TRUE(documented.contains(key))
        << Describe(key) << " (permission " << permission << ") is served by lien but missing from docs/openapi.yaml";
  }
}

TEST(OpenApi, DocumentsNoOperationTheBinaryLacks) {
  const auto routes = BinaryRoutes();
  const auto documented = DocumentedOperations();
  for (const auto& [key, operation] : documented) {
    EXPECT_TRUE(routes.contains(key)) << "docs/openapi.yaml:" << operation.line << ": " << Describe(key)
                                      << " is documented but `lien routes` does not list it";
  }
}

TEST(OpenApi, EachOperationNamesTheRoutesPermission) {
  const auto routes = BinaryRoutes();
  const auto documented = DocumentedOperations();
  for (const auto& [key, operation] : documented) {
    const auto route = routes.find(key);
    if (route == routes.end()) continue;  // Reported by DocumentsNoOperationTheBinaryLacks.
    EXPECT_EQ(operation.permission, route->second)
        << "docs/openapi.yaml:" << operation.line << ": x-permission of " << Describe(key)
        << " must be the permission the route declares (`public` for an open route)";
  }
}

// ---------------------------------------------------------------------------------------------------------
// docs/permissions.md against the binary.

TEST(PermissionsDoc, IsWhatLienRoutesMarkdownPrints) {
  const auto generated = RunLien("routes --markdown");
  ASSERT_EQ(generated.exit_code, 0) << LIEN_BINARY << " routes --markdown failed";
  const auto committed = ReadFile("docs/permissions.md");
  ASSERT_TRUE(committed.has_value()) << "docs/permissions.md is missing: run `lien routes --markdown > "
                                        "docs/permissions.md`";
  EXPECT_TRUE(*committed == generated.text)
      << "docs/permissions.md is out of date: run `lien routes --markdown > docs/permissions.md`\n"
      << "--- expected (lien routes --markdown) ---\n"
      << generated.text << "--- found (docs/permissions.md) ---\n"
      << *committed;
}

}  // namespace
}  // namespace lien::api_test
