#include "rounds/solver/best_known_table.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <sstream>

namespace lien::rounds::solver {

namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.push_back(cell);
      cell.clear();
    } else if (c != '\r') {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

core::Error TableError(int line, const std::string& what) {
  return InvalidInput("file", "line " + std::to_string(line) + ": " + what);
}

bool ParseNumber(const std::string& text, double& out) {
  std::istringstream in(text);
  in >> out;
  return in && (in >> std::ws).eof();
}

}  // namespace

core::Result<std::vector<BestKnownValue>> ParseBestKnownTable(const std::string& text) {
  std::vector<BestKnownValue> values;
  std::istringstream in(text);
  std::string line;
  std::map<std::string, std::size_t> column;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#' || line == "\r") continue;
    const auto cells = SplitCsvLine(line);
    if (column.empty()) {
      for (std::size_t i = 0; i < cells.size(); ++i) column[cells[i]] = i;
      for (const char* required : {"instance", "bks", "objective", "cost_convention"}) {
        if (!column.count(required)) return core::Fail(TableError(number, std::string("no column ") + required));
      }
      continue;
    }
    const auto cell = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it != column.end() && it->second < cells.size() ? cells[it->second] : std::string();
    };
    BestKnownValue v;
    v.instance = Upper(cell("instance"));
    if (v.instance.empty()) return core::Fail(TableError(number, "empty instance"));
    if (!ParseNumber(cell("bks"), v.value) || v.value <= 0) {
      return core::Fail(TableError(number, "bks is not a positive number: '" + cell("bks") + "'"));
    }
    const std::string vehicles = cell("vehicles_in_bks");
    if (!vehicles.empty()) {
      const auto [end, error] = std::from_chars(vehicles.data(), vehicles.data() + vehicles.size(), v.vehicles);
      if (error != std::errc() || end != vehicles.data() + vehicles.size() || v.vehicles < 0) {
        return core::Fail(TableError(number, "vehicles_in_bks is not a count: '" + vehicles + "'"));
      }
    }
    const std::string objective = cell("objective");
    if (objective.rfind("distance", 0) == 0) {
      v.distance_only = true;
    } else if (objective.rfind("hierarchical", 0) != 0) {
      return core::Fail(TableError(number, "objective is neither distance nor hierarchical: '" + objective + "'"));
    }
    const auto convention = ParseDistanceConvention(cell("cost_convention"));
    if (!convention) {
      return core::Fail(TableError(number, "unknown cost_convention: '" + cell("cost_convention") + "'"));
    }
    v.convention = *convention;
    v.source = cell("source");
    values.push_back(std::move(v));
  }
  if (column.empty()) return core::Fail(TableError(number, "no header line"));
  return values;
}

}  // namespace lien::rounds::solver
