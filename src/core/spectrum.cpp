#include "core/spectrum.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace hopfield {

Eigenvalues eigenvalues(const Eigen::MatrixXf& w) {
  if (w.rows() != w.cols()) throw std::invalid_argument("eigenvalues: the matrix must be square");
  Eigenvalues out;
  const Eigen::MatrixXd a = w.cast<double>();
  out.symmetric = w == w.transpose();
  const Eigen::Index n = a.rows();
  if (n == 0) return out;
  std::vector<std::pair<double, double>> values(static_cast<std::size_t>(n));
  if (out.symmetric) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(a, Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success)
      throw std::runtime_error("eigenvalues: the solver did not converge");
    for (Eigen::Index k = 0; k < n; ++k) values[static_cast<std::size_t>(k)] = {solver.eigenvalues()[k], 0.0};
  } else {
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(a, false);
    if (solver.info() != Eigen::Success)
      throw std::runtime_error("eigenvalues: the solver did not converge");
    for (Eigen::Index k = 0; k < n; ++k)
      values[static_cast<std::size_t>(k)] = {solver.eigenvalues()[k].real(), solver.eigenvalues()[k].imag()};
  }
  std::sort(values.begin(), values.end());
  for (const auto& [re, im] : values) {
    out.re.push_back(re);
    out.im.push_back(im);
  }
  return out;
}

Histogram histogram(std::span<const double> values, double lo, double hi, int bins) {
  if (bins < 1) throw std::invalid_argument("histogram: at least one bin");
  if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi))
    throw std::invalid_argument("histogram: needs finite lo < hi");
  Histogram h{lo, hi, std::vector<int>(static_cast<std::size_t>(bins), 0)};
  for (double v : values) {
    if (!(v >= lo && v <= hi)) continue;
    int b = static_cast<int>((v - lo) / (hi - lo) * bins);
    b = std::min(b, bins - 1);
    ++h.counts[static_cast<std::size_t>(b)];
  }
  return h;
}

}  // namespace hopfield
