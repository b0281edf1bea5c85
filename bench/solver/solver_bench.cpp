// Runs the route optimiser on the benchmark instances of data/vrp and prints, per instance, the cost (with
// the instance's rounding convention), the best known distance-only value of bks.csv, the gap, the routes and
// the time. Usage:
//   solver_bench [--data DIR] [--set solomon|x|homberger|all|NAME[,NAME...]] [--time S] [--seed N]
//                [--threads N] [--iterations N]
// Default time per instance: 1 s for Solomon, 10 s for X and Homberger 200/400, 30 s for Homberger 1000.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rounds/solver/benchmark_readers.hpp"
#include "rounds/solver/solver.hpp"

namespace fs = std::filesystem;
using namespace lien::rounds::solver;

namespace {

struct Entry {
  std::string name;
  std::string path;
  bool solomon_format;
  double default_time;
};

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

struct Bks {
  std::map<std::string, double> distance;      ///< Distance-only objective.
  std::map<std::string, double> hierarchical;  ///< Vehicles first, then distance.
};

/// Best known values by upper-case instance name.
Bks ReadBks(const std::string& path) {
  Bks bks;
  auto text = ReadTextFile(path);
  if (!text) return bks;
  std::istringstream in(*text);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = SplitCsv(line);
    if (f.size() < 7) continue;
    if (f[6].rfind("distance", 0) == 0) {
      bks.distance[Upper(f[0])] = std::stod(f[4]);
    } else if (f[6].rfind("hierarchical", 0) == 0) {
      bks.hierarchical[Upper(f[0])] = std::stod(f[4]);
    }
  }
  return bks;
}

std::vector<Entry> ListInstances(const std::string& data) {
  std::vector<Entry> out;
  for (const auto& e : fs::directory_iterator(data + "/solomon")) {
    out.push_back({Upper(e.path().stem().string()), e.path().string(), true, 1.0});
  }
  for (const auto& e : fs::directory_iterator(data + "/cvrp")) {
    if (e.path().extension() == ".vrp" && e.path().stem().string().rfind("X-", 0) == 0) {
      out.push_back({e.path().stem().string(), e.path().string(), false, 10.0});
    }
  }
  for (const auto& e : fs::directory_iterator(data + "/homberger")) {
    if (e.path().extension() != ".txt") continue;
    const std::string stem = e.path().stem().string();
    out.push_back({Upper(stem), e.path().string(), true, stem.find("_10_") != std::string::npos ? 30.0 : 10.0});
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    if (a.path.substr(0, a.path.rfind('/')) != b.path.substr(0, b.path.rfind('/'))) return a.path < b.path;
    if (a.name.size() != b.name.size() && !a.solomon_format) return a.name.size() < b.name.size();
    return a.name < b.name;
  });
  return out;
}

bool Selected(const Entry& e, const std::string& set) {
  if (set == "all") return true;
  if (set == "solomon") return e.path.find("/solomon/") != std::string::npos;
  if (set == "x") return e.path.find("/cvrp/") != std::string::npos;
  if (set == "homberger") return e.path.find("/homberger/") != std::string::npos;
  std::istringstream in(set);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (Upper(name) == Upper(e.name)) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "/work/shared/data/vrp";
  std::string set = "solomon";
  double time_limit = -1;
  SolverOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--data")
      data = value;
    else if (flag == "--set")
      set = value;
    else if (flag == "--time")
      time_limit = std::stod(value);
    else if (flag == "--seed")
      options.seed = std::stoull(value);
    else if (flag == "--threads")
      options.threads = std::stoi(value);
    else if (flag == "--iterations")
      options.max_iterations = std::stoll(value);
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  const auto bks = ReadBks(data + "/bks.csv");
  std::printf("%-12s %5s %12s %13s %7s %6s %7s %9s %5s\n", "instance", "n", "cost", "bks", "gap%", "routes", "time_s",
              "iters", "unass");
  double gap_sum = 0;
  int gap_count = 0;
  double h_gap_sum = 0;
  int h_gap_count = 0;
  for (const Entry& e : ListInstances(data)) {
    if (!Selected(e, set)) continue;
    auto text = ReadTextFile(e.path);
    if (!text) {
      std::fprintf(stderr, "%s: cannot read\n", e.path.c_str());
      return 1;
    }
    auto inst = e.solomon_format ? ReadSolomon(*text) : ReadCvrplib(*text);
    if (!inst) {
      std::fprintf(stderr, "%s: %s\n", e.path.c_str(), inst.error().args["detail"].c_str());
      return 1;
    }
    options.time_limit_s = time_limit > 0 ? time_limit : e.default_time;
    auto solution = Solve(inst->problem, options);
    if (!solution) {
      std::fprintf(stderr, "%s: %s\n", e.name.c_str(), solution.error().args["detail"].c_str());
      return 1;
    }
    const double cost = EuclideanCost(*inst, *solution);
    // Gap to the distance-only BKS; else to the hierarchical one (marked h: it may use fewer vehicles, so a
    // distance-only solver can beat it).
    std::string bks_text = "-";
    std::string gap_text = "-";
    const double* best = nullptr;
    const auto d = bks.distance.find(Upper(e.name));
    const auto h = bks.hierarchical.find(Upper(e.name));
    const bool distance_only = d != bks.distance.end();
    if (distance_only) {
      best = &d->second;
    } else if (h != bks.hierarchical.end()) {
      best = &h->second;
    }
    if (best != nullptr) {
      const double gap = 100.0 * (cost - *best) / *best;
      if (distance_only) {
        gap_sum += gap;
        ++gap_count;
      } else {
        h_gap_sum += gap;
        ++h_gap_count;
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f%s", *best, distance_only ? "" : "h");
      bks_text = buf;
      std::snprintf(buf, sizeof buf, "%.2f", gap);
      gap_text = buf;
    }
    std::printf("%-12s %5zu %12.2f %13s %7s %6zu %7.2f %9lld %5zu\n", e.name.c_str(), inst->problem.jobs.size(), cost,
                bks_text.c_str(), gap_text.c_str(), solution->routes.size(), solution->seconds,
                static_cast<long long>(solution->iterations), solution->unassigned.size());
    std::fflush(stdout);
  }
  if (gap_count > 0) {
    std::printf("mean gap over %d instances with a distance-only BKS: %.2f%%\n", gap_count, gap_sum / gap_count);
  }
  if (h_gap_count > 0) {
    std::printf("mean gap over %d instances with only a hierarchical BKS (h): %.2f%%\n", h_gap_count,
                h_gap_sum / h_gap_count);
  }
  return 0;
}
