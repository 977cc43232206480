// The spectrum of a weight matrix and a histogram of it: what pruning does to W's eigenvalues.
// A symmetric W has real eigenvalues (self-adjoint solver); pruning entry by entry makes W
// asymmetric and its eigenvalues complex (general real solver). For display and study: the
// values agree across platforms to rounding, not bit for bit (libm differs).
#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

namespace hopfield {

struct Eigenvalues {
  std::vector<double> re, im;  // sorted by real part, then imaginary part
  bool symmetric = true;       // W == W^T exactly; then im is all zeros
};
// Throws std::invalid_argument for a non-square matrix.
Eigenvalues eigenvalues(const Eigen::MatrixXf& w);

struct Histogram {
  double lo = 0, hi = 0;    // bins split [lo, hi] evenly; the last bin includes hi
  std::vector<int> counts;  // values outside [lo, hi] are not counted
  double bin_width() const {
    return counts.empty() ? 0 : (hi - lo) / static_cast<double>(counts.size());
  }
};
// `bins` >= 1 and lo < hi, else std::invalid_argument.
Histogram histogram(std::span<const double> values, double lo, double hi, int bins);

}  // namespace hopfield
