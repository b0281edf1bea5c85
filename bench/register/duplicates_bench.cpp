// Duplicate detection on synthetic registers with known duplicates: prints, per size, the time to generate,
// the time of FindAllDuplicatePairs, and precision, recall and F1 at the default threshold (0.5), plus a
// threshold sweep. Usage:
//   duplicates_bench [--persons N[,N...]] [--rate R] [--rare R] [--seed S] [--show K]
// Defaults: 10000,100000 records, 5 % duplicates, half the surnames rare (--rare 0: only the 250 common
// ones, many more namesakes), seed 1. --show prints K missed and K false pairs.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "register/duplicates.hpp"
#include "register/synthetic.hpp"

using namespace lien::registry;

namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Describe(const Person& p) {
  std::string text = p.last_name + " / " + p.first_names;
  if (!p.birth_name.empty()) text += " (née " + p.birth_name + ")";
  if (p.birth_date) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(p.birth_date->year()),
                  static_cast<unsigned>(p.birth_date->month()), static_cast<unsigned>(p.birth_date->day()));
    text += std::string(", ") + date;
  }
  text += ", " + p.address.number + " " + p.address.street + " " + p.address.postcode;
  for (const auto& phone : p.phones) text += ", " + phone.e164;
  return text;
}

struct Counts {
  std::size_t true_positives = 0;
  std::size_t false_positives = 0;
  std::size_t false_negatives = 0;
  double Precision() const {
    const auto found = true_positives + false_positives;
    return found == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(found);
  }
  double Recall() const {
    const auto truth = true_positives + false_negatives;
    return truth == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(truth);
  }
  double F1() const {
    const double p = Precision();
    const double r = Recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
};

Counts Count(const SyntheticRegister& reg, const std::vector<DuplicatePair>& pairs, double threshold) {
  Counts counts;
  std::size_t found_true = 0;
  for (const auto& pair : pairs) {
    if (pair.score < threshold) continue;
    if (reg.identity[pair.first] == reg.identity[pair.second]) {
      ++found_true;
    } else {
      ++counts.false_positives;
    }
  }
  counts.true_positives = found_true;
  counts.false_negatives = reg.duplicate_pairs.size() - found_true;
  return counts;
}

void Run(std::size_t size, double rate, double rare, std::uint64_t seed, std::size_t show) {
  auto start = std::chrono::steady_clock::now();
  const SyntheticRegister reg =
      GenerateRegister({.persons = size, .duplicate_rate = rate, .rare_surname_rate = rare, .seed = seed});
  const double generate_seconds = SecondsSince(start);

  start = std::chrono::steady_clock::now();
  const auto pairs = FindAllDuplicatePairs(reg.persons);  // default options: threshold 0.5
  const double find_seconds = SecondsSince(start);

  const Counts counts = Count(reg, pairs, 0.5);
  std::printf("records %zu  known pairs %zu  found %zu  generate %.2f s  find %.3f s\n", reg.persons.size(),
              reg.duplicate_pairs.size(), pairs.size(), generate_seconds, find_seconds);
  std::printf("  threshold 0.50: precision %.4f  recall %.4f  F1 %.4f  (TP %zu, FP %zu, FN %zu)\n", counts.Precision(),
              counts.Recall(), counts.F1(), counts.true_positives, counts.false_positives, counts.false_negatives);
  for (const double threshold : {0.6, 0.7, 0.8, 0.9}) {
    const Counts at = Count(reg, pairs, threshold);
    std::printf("  threshold %.2f: precision %.4f  recall %.4f  F1 %.4f\n", threshold, at.Precision(), at.Recall(),
                at.F1());
  }
  if (show == 0) return;
  std::set<std::pair<std::size_t, std::size_t>> found;
  for (const auto& pair : pairs) found.emplace(pair.first, pair.second);
  std::size_t shown = 0;
  for (const auto& [a, b] : reg.duplicate_pairs) {
    if (found.contains({a, b}) || shown++ >= show) continue;
    const auto score = ScoreDuplicate(reg.persons[a], reg.persons[b]);
    std::printf("  missed (%.3f): %s\n                  %s\n", score.score, Describe(reg.persons[a]).c_str(),
                Describe(reg.persons[b]).c_str());
  }
  shown = 0;
  for (const auto& pair : pairs) {
    if (reg.identity[pair.first] == reg.identity[pair.second] || shown++ >= show) continue;
    std::string reasons;
    for (const auto reason : pair.reasons) reasons += std::string(" ") + ReasonCode(reason);
    std::printf("  false (%.3f%s): %s\n                  %s\n", pair.score, reasons.c_str(),
                Describe(reg.persons[pair.first]).c_str(), Describe(reg.persons[pair.second]).c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {10'000, 100'000};
  double rate = 0.05;
  double rare = 0.5;
  std::uint64_t seed = 1;
  std::size_t show = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--persons") {
      sizes.clear();
      for (std::size_t at = 0; at < value.size();) {
        const auto comma = std::min(value.find(',', at), value.size());
        sizes.push_back(std::stoul(value.substr(at, comma - at)));
        at = comma + 1;
      }
    } else if (flag == "--rate") {
      rate = std::stod(value);
    } else if (flag == "--rare") {
      rare = std::stod(value);
    } else if (flag == "--seed") {
      seed = std::stoull(value);
    } else if (flag == "--show") {
      show = std::stoul(value);
    } else {
      std::fprintf(stderr,
                   "usage: duplicates_bench [--persons N[,N...]] [--rate R] [--rare R] [--seed S] [--show K]\n");
      return 2;
    }
  }
  for (const auto size : sizes) Run(size, rate, rare, seed, show);
  return 0;
}
