#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace lien::http {
namespace {

constexpr std::string_view kCapture = "{}";

std::vector<std::string_view> SplitPath(std::string_view path) {
  // "/a/b" → {"a", "b"}; "/" → {""}; "/a/" → {"a", ""}. Empty segments are kept so "/a//b" != "/a/b".
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace

void Router::Add(Route route) {
  if (route.permission.empty()) {
    throw std::logic_error("route " + std::string(MethodName(route.method)) + " " + route.pattern +
                           " has no permission");
  }
  if (!route.handler) throw std::logic_error("route " + route.pattern + " has no handler");
  if (route.pattern.empty() || route.pattern.front() != '/') {
    throw std::logic_error("route pattern must start with '/': " + route.pattern);
  }
  std::vector<std::string> segments;
  std::vector<std::string> names;
  for (auto segment : SplitPath(route.pattern)) {
    const bool opens = segment.find('{') != std::string_view::npos;
    const bool closes = segment.find('}') != std::string_view::npos;
    if (opens || closes) {
      if (segment.size() < 3 || segment.front() != '{' || segment.back() != '}' ||
          segment.substr(1, segment.size() - 2).find_first_of("{}") != std::string_view::npos) {
        throw std::logic_error("route pattern has a malformed capture: " + route.pattern);
      }
      std::string name(segment.substr(1, segment.size() - 2));
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        throw std::logic_error("route pattern repeats capture {" + name + "}: " + route.pattern);
      }
      names.push_back(std::move(name));
      segments.emplace_back(kCapture);
    } else {
      segments.emplace_back(segment);
    }
  }
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == route.method && segments_[i] == segments) {
      throw std::logic_error("duplicate route " + std::string(MethodName(route.method)) + " " + route.pattern +
                             " (already " + routes_[i].pattern + ")");
    }
  }
  routes_.push_back(std::move(route));
  segments_.push_back(std::move(segments));
  names_.push_back(std::move(names));
}

RouteMatch Router::Match(Method method, const std::string& path,
                         std::map<std::string, std::string>& path_params) const {
  const auto parts = SplitPath(path);
  RouteMatch result;
  std::size_t best = routes_.size();
  std::size_t best_for_get = routes_.size();  // A GET route answering a HEAD without its own route.

  // True when route a is more specific than route b: at the first segment where they differ, a is literal.
  auto more_specific = [&](std::size_t a, std::size_t b) {
    if (b == routes_.size()) return true;
    for (std::size_t k = 0; k < segments_[a].size(); ++k) {
      const bool a_literal = segments_[a][k] != kCapture;
      const bool b_literal = segments_[b][k] != kCapture;
      if (a_literal != b_literal) return a_literal;
    }
    return false;
  };

  // Paths sharing a shape can belong to several routes (one per method); Allow lists all of them.
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& segments = segments_[i];
    if (segments.size() != parts.size()) continue;
    bool matches = true;
    for (std::size_t k = 0; k < parts.size() && matches; ++k) {
      matches = segments[k] == kCapture ? !parts[k].empty() : segments[k] == parts[k];
    }
    if (!matches) continue;
    result.path_matched = true;
    const Method route_method = routes_[i].method;
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route_method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route_method);
    }
    if (route_method == method && more_specific(i, best)) best = i;
    if (method == Method::kHead && route_method == Method::kGet && more_specific(i, best_for_get)) best_for_get = i;
  }
  if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), Method::kGet) !=
          result.allowed_methods.end() &&
      std::find(result.allowed_methods.begin(), result.allowed_methods.end(), Method::kHead) ==
          result.allowed_methods.end()) {
    result.allowed_methods.push_back(Method::kHead);
  }
  std::sort(result.allowed_methods.begin(), result.allowed_methods.end());
  if (best == routes_.size()) best = best_for_get;
  if (best == routes_.size()) return result;

  // A literal route may only shadow a capture route for a given method; with the chosen one, fill the params.
  result.route = &routes_[best];
  std::size_t name_index = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (segments_[best][k] == kCapture) path_params[names_[best][name_index++]] = std::string(parts[k]);
  }
  return result;
}

}  // namespace lien::http
