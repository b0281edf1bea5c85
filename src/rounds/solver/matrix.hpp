#pragma once
// A square matrix of travel durations, distances or costs between locations, stored as 32-bit values.

#include <cstdint>
#include <vector>

namespace lien::rounds::solver {

/// Square matrix over `size` locations plus one extra "nowhere" location (index `size`) whose row and column
/// are zero: a vehicle without a start or an end place starts or ends there, at no cost, without branches.
/// 32-bit storage halves the memory of large instances (5,000 locations: 100 MB); callers validate that
/// values fit. Not thread-safe for writes; concurrent reads are fine.
class Matrix {
 public:
  Matrix() = default;
  explicit Matrix(int size) : size_(size), stride_(size + 1), data_(static_cast<std::size_t>(stride_) * stride_, 0) {}

  /// Number of real locations (without the "nowhere" one).
  int Size() const { return size_; }
  /// Index of the "nowhere" location.
  int Nowhere() const { return size_; }
  bool Empty() const { return size_ == 0; }

  std::int64_t At(int from, int to) const { return data_[static_cast<std::size_t>(from) * stride_ + to]; }
  void Set(int from, int to, std::int64_t value) {
    data_[static_cast<std::size_t>(from) * stride_ + to] = static_cast<std::int32_t>(value);
  }

  /// Largest value storable.
  static constexpr std::int64_t kMaxValue = 2'000'000'000;

 private:
  int size_ = 0;
  int stride_ = 1;
  std::vector<std::int32_t> data_;
};

}  // namespace lien::rounds::solver
