#include "core/learning.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/cpu_dispatch.hpp"

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

namespace {

// +-1 vectors packed 64 spins to a word, a bit set where the spin is -1: the dot product of
// two of length L is L - 2 popcount(a xor b), exact.
struct PackedSpins {
  Eigen::Index count = 0, length = 0, words = 0;
  std::vector<std::uint64_t> bits;  // vector k at bits[k * words]
};

// by_column: one vector per pattern (its N spins); else one per neuron (its P spins).
PackedSpins pack_spins(const PatternMatrix& x, bool by_column) {
  PackedSpins s;
  s.count = by_column ? x.cols() : x.rows();
  s.length = by_column ? x.rows() : x.cols();
  s.words = (s.length + 63) / 64;
  s.bits.assign(static_cast<std::size_t>(s.count * s.words), 0);
  for (Eigen::Index mu = 0; mu < x.cols(); ++mu)
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const Eigen::Index k = by_column ? mu : i, bit = by_column ? i : mu;
      const std::uint64_t negative = x(i, mu) < 0;
      s.bits[static_cast<std::size_t>(k * s.words + bit / 64)] |= negative << (bit % 64);
    }
  return s;
}

// The Gram matrix of the packed vectors into `out` (count x count, column major) but for
// its diagonal, each entry computed once and written to both triangles; with the POPCNT
// instruction where the processor has it (cpu_dispatch.hpp).
HOPFIELD_CLONES("popcnt")
void gram_off_diagonal(const PackedSpins& s, float* out) {
  const Eigen::Index n = s.count, words = s.words;
  const std::uint64_t* bits = s.bits.data();
  for (Eigen::Index j = 0; j < n; ++j) {
    const std::uint64_t* bj = bits + j * words;
    float* col = out + j * n;
    for (Eigen::Index i = j + 1; i < n; ++i) {
      const std::uint64_t* bi = bits + i * words;
      int differ = 0;
      for (Eigen::Index w = 0; w < words; ++w) differ += std::popcount(bi[w] ^ bj[w]);
      col[i] = out[i * n + j] = static_cast<float>(s.length - 2 * differ);
    }
  }
}

// The whole Gram matrix with `diagonal` on it.
Eigen::MatrixXf gram(const PackedSpins& s, float diagonal) {
  Eigen::MatrixXf g(s.count, s.count);
  gram_off_diagonal(s, g.data());
  g.diagonal().setConstant(diagonal);
  return g;
}

}  // namespace

Eigen::MatrixXf hebbian_weights(const PatternMatrix& patterns) {
  // Every entry is a sum of P terms +/-1, exact in float below 2^24; each is a popcount of
  // two neurons' packed spins (P / 64 words): faster than a float rank-P update natively,
  // and 10x faster in wasm, where Eigen's GEMM has no SIMD.
  if (patterns.cols() >= (1 << 24))
    throw std::invalid_argument("hebbian_weights: at most 2^24 patterns");
  return gram(pack_spins(patterns, false), 0.0f);
}

Eigen::MatrixXi pattern_overlaps(const PatternMatrix& patterns) {
  return gram(pack_spins(patterns, true), static_cast<float>(patterns.rows())).cast<int>();
}

Eigen::MatrixXf hebbian_pattern_fields(const PatternMatrix& patterns) {
  const Eigen::Index n = patterns.rows(), p = patterns.cols();
  if (static_cast<double>(n) * static_cast<double>(p) >= 16777216.0)
    throw std::invalid_argument("hebbian_pattern_fields: N P must be below 2^24");
  const Eigen::MatrixXf o = gram(pack_spins(patterns, true), static_cast<float>(n));
  const Eigen::MatrixXf x = patterns.cast<float>();
#if defined(__wasm__)
  // Column by column (the compiler's wasm SIMD): Eigen's GEMM is scalar there.
  Eigen::MatrixXf h(n, p);
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    float* out = h.col(mu).data();
    for (Eigen::Index i = 0; i < n; ++i) out[i] = -static_cast<float>(p) * x(i, mu);
    for (Eigen::Index nu = 0; nu < p; ++nu) {
      const float c = o(nu, mu);
      const float* in = x.col(nu).data();
      for (Eigen::Index i = 0; i < n; ++i) out[i] += c * in[i];
    }
  }
#else
  Eigen::MatrixXf h = x * o;
  h -= static_cast<float>(p) * x;
#endif
  return h;
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
