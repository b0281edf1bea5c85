// Runs the route optimiser on the benchmark instances of data/vrp and prints, per instance and rounding
// convention, the cost, the best known value it is compared with, the gap, the routes and the time. Usage:
//   solver_bench [--data DIR] [--set solomon|x|homberger|all|NAME[,NAME...]] [--time S] [--seed N]
//                [--threads N] [--iterations N] [--extra-bks FILE|none]
// Default time per instance: 1 s for Solomon, 10 s for X and Homberger 200/400, 30 s for Homberger 1000.
//
// Best known values come from DIR/bks.csv and then from --extra-bks (default: solomon_distance_bks.csv
// beside this file), both in the bks.csv layout. An instance is solved once per rounding convention of its
// distance-only values (a cost is only comparable with a value computed the same way): Solomon instances
// twice, in double precision and with distances truncated to one decimal, when both kinds exist. Without a
// distance-only value, it is solved in its format's default convention and compared with the hierarchical
// (vehicles first) value, marked h.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rounds/solver/benchmark_readers.hpp"
#include "rounds/solver/best_known_table.hpp"
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

/// A best known value and the table it comes from.
struct Reference {
  BestKnownValue value;
  std::string table;  ///< "bks.csv" or the extra file's name.
};

/// Appends the rows of a bks.csv-layout file; false (with a message) when the file cannot be used.
bool LoadTable(const std::string& path, std::vector<Reference>& out) {
  auto text = ReadTextFile(path);
  if (!text) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    return false;
  }
  auto table = ParseBestKnownTable(*text);
  if (!table) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), table.error().args["detail"].c_str());
    return false;
  }
  for (BestKnownValue& v : *table) out.push_back({std::move(v), fs::path(path).filename().string()});
  return true;
}

/// One solve of one instance in one convention, with the value it is compared with (if any).
struct Run {
  DistanceConvention convention;
  const Reference* reference = nullptr;
};

/// The runs for an instance: one per convention of its distance-only values (the first value of each
/// convention, tables in load order); else one in `fallback` against its hierarchical value.
std::vector<Run> PlanRuns(const std::string& name, const std::vector<Reference>& refs, DistanceConvention fallback,
                          bool solomon_format) {
  std::vector<Run> runs;
  for (const Reference& r : refs) {
    if (r.value.instance != name || !r.value.distance_only) continue;
    // The CVRPLIB reader implements the nint convention only.
    if (!solomon_format && r.value.convention != DistanceConvention::kNearestInteger) continue;
    const bool seen =
        std::any_of(runs.begin(), runs.end(), [&](const Run& run) { return run.convention == r.value.convention; });
    if (!seen) runs.push_back({r.value.convention, &r});
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.convention < b.convention; });
  if (!runs.empty()) return runs;
  for (const Reference& r : refs) {
    if (r.value.instance == name && !r.value.distance_only && r.value.convention == fallback) return {{fallback, &r}};
  }
  return {{fallback, nullptr}};
}

struct Mean {
  double sum = 0;
  int count = 0;
  void Add(double gap) {
    sum += gap;
    ++count;
  }
};

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
  std::string extra_bks = LIEN_SOLVER_BENCH_DIR "/solomon_distance_bks.csv";
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
    else if (flag == "--extra-bks")
      extra_bks = value;
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  std::vector<Reference> refs;
  if (!LoadTable(data + "/bks.csv", refs)) return 1;
  const std::string extra_table = extra_bks == "none" ? "" : fs::path(extra_bks).filename().string();
  if (!extra_table.empty() && !LoadTable(extra_bks, refs)) return 1;

  std::printf("%-12s %-6s %5s %12s %13s %-8s %7s %6s %7s %9s %5s\n", "instance", "conv", "n", "cost", "bks", "from",
              "gap%", "routes", "time_s", "iters", "unass");
  Mean main_table;                                   // Distance-only values of bks.csv.
  std::map<DistanceConvention, Mean> by_convention;  // Distance-only values of either table.
  bool extra_used = false;                           // Some gap is to a value of the extra table.
  Mean one_each;                                     // One distance-only value per instance.
  Mean hierarchical;                                 // Instances with only a hierarchical value.
  for (const Entry& e : ListInstances(data)) {
    if (!Selected(e, set)) continue;
    auto text = ReadTextFile(e.path);
    if (!text) {
      std::fprintf(stderr, "%s: cannot read\n", e.path.c_str());
      return 1;
    }
    const DistanceConvention fallback =
        e.solomon_format ? DistanceConvention::kDouble : DistanceConvention::kNearestInteger;
    // The instance's headline gap: bks.csv first, else the truncated optimum, else any other.
    double headline_gap = 0;
    int headline_rank = -1;
    for (const Run& run : PlanRuns(Upper(e.name), refs, fallback, e.solomon_format)) {
      auto inst = e.solomon_format ? ReadSolomon(*text, run.convention) : ReadCvrplib(*text);
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
      std::string bks_text = "-";
      std::string from_text = "-";
      std::string gap_text = "-";
      if (run.reference != nullptr) {
        const BestKnownValue& best = run.reference->value;
        const double gap = 100.0 * (cost - best.value) / best.value;
        if (!best.distance_only) {
          hierarchical.Add(gap);
        } else {
          const bool main = run.reference->table == "bks.csv";
          if (main) main_table.Add(gap);
          extra_used = extra_used || !main;
          by_convention[best.convention].Add(gap);
          const int rank = main ? 2 : best.convention == DistanceConvention::kTruncatedTenth ? 1 : 0;
          if (rank > headline_rank) {
            headline_rank = rank;
            headline_gap = gap;
          }
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.2f%s", best.value, best.distance_only ? "" : "h");
        bks_text = buf;
        from_text = run.reference->table == "bks.csv" ? "bks.csv" : "extra";
        std::snprintf(buf, sizeof buf, "%.2f", gap);
        gap_text = buf;
      }
      std::printf("%-12s %-6s %5zu %12.2f %13s %-8s %7s %6zu %7.2f %9lld %5zu\n", e.name.c_str(),
                  ConventionLabel(run.convention), inst->problem.jobs.size(), cost, bks_text.c_str(), from_text.c_str(),
                  gap_text.c_str(), solution->routes.size(), solution->seconds,
                  static_cast<long long>(solution->iterations), solution->unassigned.size());
      std::fflush(stdout);
    }
    if (headline_rank >= 0) one_each.Add(headline_gap);
  }
  // Each mean is over gaps in one convention against values of one table, except the last line, which takes
  // one gap per instance (each in its own convention).
  if (main_table.count > 0) {
    std::printf("mean gap over %d instances with a distance-only BKS in bks.csv: %.2f%%\n", main_table.count,
                main_table.sum / main_table.count);
  }
  for (const auto& [convention, mean] : by_convention) {
    if (!extra_used) break;
    std::printf("mean gap over %d instances with a distance-only value in %s (bks.csv, else %s): %.2f%%\n", mean.count,
                ConventionLabel(convention), extra_table.c_str(), mean.sum / mean.count);
  }
  if (hierarchical.count > 0) {
    std::printf("mean gap over %d instances with only a hierarchical BKS (h): %.2f%%\n", hierarchical.count,
                hierarchical.sum / hierarchical.count);
  }
  if (one_each.count > 0 && extra_used) {
    std::printf(
        "mean gap over %d instances with a distance-only value, one each (bks.csv, else trunc1, else double): "
        "%.2f%%\n",
        one_each.count, one_each.sum / one_each.count);
  }
  return 0;
}
