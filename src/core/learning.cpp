#include "core/learning.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace hopfield {

void hebbian_update(Eigen::MatrixXf& w, const SpinVector& xi, int sign) {
  const Eigen::Index n = xi.size();
  if (w.rows() != n || w.cols() != n)
    throw std::invalid_argument("hebbian_update: weight matrix does not match pattern size");
  for (Eigen::Index j = 0; j < n; ++j) {
    const float a = static_cast<float>(sign * xi[j]);
    float* col = w.col(j).data();
    for (Eigen::Index i = 0; i < n; ++i) col[i] += a * static_cast<float>(xi[i]);
    col[j] -= a * static_cast<float>(xi[j]);  // keep W_jj = 0
  }
}

Eigen::MatrixXf hebbian_weights(const PatternMatrix& patterns) {
  // Every entry is a sum of P terms +/-1, exact in float below 2^24.
  if (patterns.cols() >= (1 << 24))
    throw std::invalid_argument("hebbian_weights: at most 2^24 patterns");
  const Eigen::Index n = patterns.rows();
  // Eigen's rank update of zero columns divides by zero (SIGFPE) choosing its block sizes.
  if (patterns.cols() == 0) return Eigen::MatrixXf::Zero(n, n);
  Eigen::MatrixXf w(n, n);
#if defined(__wasm__)
  const Eigen::Index p = patterns.cols();
  // Eigen's GEMM has no wasm SIMD (4x slower than this there): each weight is one dot
  // product of two neurons' P spins in 16 bits (i32x4.dot_i16x8_s), exact integers.
  std::vector<std::int16_t> xt(static_cast<std::size_t>(n * p));  // row i: neuron i's spins
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) xt[static_cast<std::size_t>(i * p + mu)] = patterns(i, mu);
  for (Eigen::Index j = 0; j < n; ++j) {
    const std::int16_t* xj = xt.data() + j * p;
    for (Eigen::Index i = j + 1; i < n; ++i) {
      const std::int16_t* xi = xt.data() + i * p;
      int sum = 0;
      for (Eigen::Index mu = 0; mu < p; ++mu) sum += static_cast<int>(xi[mu]) * static_cast<int>(xj[mu]);
      w(i, j) = static_cast<float>(sum);
    }
  }
#else
  // One triangle by a rank-P update (Eigen's SIMD GEMM), the same exact integers.
  w.setZero();
  w.selfadjointView<Eigen::Lower>().rankUpdate(patterns.cast<float>());
#endif
  w.triangularView<Eigen::StrictlyUpper>() = w.transpose();
  w.diagonal().setZero();
  return w;
}

void storkey_update(Eigen::MatrixXf& w, const SpinVector& xi) {
  const Eigen::Index n = xi.size();
  if (w.rows() != n || w.cols() != n)
    throw std::invalid_argument("storkey_update: weight matrix does not match pattern size");
  // h_i = sum_k W_ik xi_k (W_ii = 0), so h_ij = h_i - W_ij xi_j.
  std::vector<double> h(static_cast<std::size_t>(n), 0.0);
  for (Eigen::Index k = 0; k < n; ++k) {
    const float* col = w.col(k).data();
    const double x = xi[k];
    for (Eigen::Index i = 0; i < n; ++i) h[i] += x * static_cast<double>(col[i]);
  }
  const double inv_n = 1.0 / static_cast<double>(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < j; ++i) {
      const double wij = w(i, j);  // symmetric: W_ij = W_ji
      const double h_ij = h[i] - wij * xi[j];
      const double h_ji = h[j] - wij * xi[i];
      const double updated =
          wij + inv_n * (double(xi[i] * xi[j]) - xi[i] * h_ji - h_ij * xi[j]);
      w(i, j) = w(j, i) = static_cast<float>(updated);
    }
  }
}

Eigen::MatrixXf storkey_weights(const PatternMatrix& patterns) {
  const Eigen::Index n = patterns.rows();
  Eigen::MatrixXf w = Eigen::MatrixXf::Zero(n, n);
  for (Eigen::Index mu = 0; mu < patterns.cols(); ++mu) storkey_update(w, patterns.col(mu));
  return w;
}

Eigen::MatrixXf pseudoinverse_weights(const PatternMatrix& x) {
  const Eigen::Index n = x.rows(), p = x.cols();
  if (p > n)
    throw std::invalid_argument("pseudo-inverse rule: " + std::to_string(p) +
                                " patterns cannot be linearly independent in " +
                                std::to_string(n) + " neurons");
  // Gram matrix G = X^T X (exact integers), then its Cholesky factor G = L L^T, in plain
  // loops so the summation order is the same on every toolchain.
  Eigen::MatrixXd g(p, p);
  for (Eigen::Index a = 0; a < p; ++a)
    for (Eigen::Index b = 0; b <= a; ++b) {
      long long s = 0;
      for (Eigen::Index i = 0; i < n; ++i) s += x(i, a) * x(i, b);
      g(a, b) = g(b, a) = static_cast<double>(s);
    }
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(p, p);
  for (Eigen::Index j = 0; j < p; ++j) {
    double d = g(j, j);
    for (Eigen::Index k = 0; k < j; ++k) d -= l(j, k) * l(j, k);
    // A pivot this small relative to N means pattern j lies in the span of the earlier ones.
    if (d <= 1e-9 * static_cast<double>(n))
      throw std::invalid_argument("pseudo-inverse rule: pattern " + std::to_string(j) +
                                  " is a linear combination of the patterns before it");
    l(j, j) = std::sqrt(d);
    for (Eigen::Index i = j + 1; i < p; ++i) {
      double s = g(i, j);
      for (Eigen::Index k = 0; k < j; ++k) s -= l(i, k) * l(j, k);
      l(i, j) = s / l(j, j);
    }
  }
  // Y = G^-1 X^T (P x N): forward then backward substitution, one column of X^T at a time.
  Eigen::MatrixXd y(p, n);
  for (Eigen::Index c = 0; c < n; ++c) {
    for (Eigen::Index i = 0; i < p; ++i) {
      double s = x(c, i);
      for (Eigen::Index k = 0; k < i; ++k) s -= l(i, k) * y(k, c);
      y(i, c) = s / l(i, i);
    }
    for (Eigen::Index i = p - 1; i >= 0; --i) {
      double s = y(i, c);
      for (Eigen::Index k = i + 1; k < p; ++k) s -= l(k, i) * y(k, c);
      y(i, c) = s / l(i, i);
    }
  }
  // W = X Y, column by column.
  Eigen::MatrixXf w(n, n);
  std::vector<double> col(static_cast<std::size_t>(n));
  for (Eigen::Index j = 0; j < n; ++j) {
    std::fill(col.begin(), col.end(), 0.0);
    for (Eigen::Index mu = 0; mu < p; ++mu) {
      const double ymj = y(mu, j);
      for (Eigen::Index i = 0; i < n; ++i) col[i] += x(i, mu) * ymj;
    }
    for (Eigen::Index i = 0; i < n; ++i) w(i, j) = static_cast<float>(col[i]);
  }
  return w;
}

}  // namespace hopfield
