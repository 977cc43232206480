#include "core/models/dense_memory.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/detmath.hpp"

namespace hopfield {

namespace {

// F(x) for an integer x, by repeated multiplication (exact in int64 under the caller's bound;
// in double, the same rounding on every toolchain).
template <typename T>
T interaction_value(InteractionKind kind, int degree, int x) {
  if (kind == InteractionKind::rectpoly && x < 0) return T{0};
  T value{1};
  for (int k = 0; k < degree; ++k) value *= static_cast<T>(x);
  return value;
}

template <typename T>
void tabulate(InteractionKind kind, int degree, int n, std::vector<T>& f, std::vector<T>& g) {
  f.resize(static_cast<std::size_t>(2 * n + 1));
  for (int x = -n; x <= n; ++x)
    f[static_cast<std::size_t>(x + n)] = interaction_value<T>(kind, degree, x);
  // G(r) = F(r + 1) - F(r - 1) for r in [-(N - 1), N - 1].
  g.resize(static_cast<std::size_t>(2 * n - 1));
  for (int r = -(n - 1); r <= n - 1; ++r)
    g[static_cast<std::size_t>(r + n - 1)] =
        f[static_cast<std::size_t>(r + 1 + n)] - f[static_cast<std::size_t>(r - 1 + n)];
}

}  // namespace

DenseInteraction::DenseInteraction(const Interaction& f, int neurons, int patterns)
    : kind_(f.kind), n_(neurons), p_(patterns) {
  if (neurons < 1 || patterns < 0)
    throw std::invalid_argument("the dense model needs at least one neuron");
  if (kind_ == InteractionKind::exp) {
    exp_neg_.resize(static_cast<std::size_t>(2 * n_ + 1));
    for (int k = 0; k <= 2 * n_; ++k) exp_neg_[static_cast<std::size_t>(k)] = det_exp(-k);
    exp_diff_.resize(static_cast<std::size_t>(2 * n_ - 1));
    for (int k = 0; k <= 2 * n_ - 2; ++k)
      exp_diff_[static_cast<std::size_t>(k)] =
          exp_neg_[static_cast<std::size_t>(k)] - exp_neg_[static_cast<std::size_t>(k + 2)];
    counts_.assign(static_cast<std::size_t>(2 * n_ - 1), 0);
    return;
  }
  if (f.degree < 2 || f.degree > 10)
    throw std::invalid_argument("the interaction's degree must be from 2 to 10, not " +
                                std::to_string(f.degree));
  // |D_i| <= P * 2 * N^n; the bound with N + 1 (and P >= 1, for the table itself) keeps a
  // margin from the rounding of this double product.
  double bound = 2.0 * std::max(p_, 1);
  for (int k = 0; k < f.degree; ++k) bound *= n_ + 1.0;
  exact_ = bound < std::ldexp(1.0, 62);
  if (exact_)
    tabulate(kind_, f.degree, n_, f_int_, g_int_);
  else
    tabulate(kind_, f.degree, n_, f_double_, g_double_);
}

// r_mu = m_mu - xi_i^mu s_i, so G(r_mu) sits at g[m_mu - xi_i^mu s_i + N - 1].
std::int64_t DenseInteraction::exact_sum(const std::int16_t* xi_i, const std::int16_t* m,
                                         Spin s_i) const {
  const std::int64_t* g = g_int_.data() + (n_ - 1);
  std::int64_t d = 0;
  for (int mu = 0; mu < p_; ++mu) {
    const int xi = xi_i[mu];
    d += xi * g[m[mu] - xi * s_i];
  }
  return d;
}

double DenseInteraction::double_sum(const std::int16_t* xi_i, const std::int16_t* m,
                                    Spin s_i) const {
  const double* g = g_double_.data() + (n_ - 1);
  double d = 0.0;
  for (int mu = 0; mu < p_; ++mu) {
    const int xi = xi_i[mu];
    const double term = g[m[mu] - xi * s_i];
    d += xi > 0 ? term : -term;
  }
  return d;
}

int DenseInteraction::largest_r(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const {
  int largest = -n_;
  for (int mu = 0; mu < p_; ++mu) largest = std::max(largest, m[mu] - xi_i[mu] * s_i);
  return largest;
}

double DenseInteraction::exp_sum(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const {
  // counts[r] = sum of xi_i^mu over the patterns with r_mu = r: then D_i exp(-M) =
  // sum_r counts[r] exp_diff[M - 1 - r], summed from the smallest terms up.
  int* counts = counts_.data() + (n_ - 1);
  int low = n_, high = -n_;
  for (int mu = 0; mu < p_; ++mu) {
    const int r = m[mu] - xi_i[mu] * s_i;
    counts[r] += xi_i[mu];
    low = std::min(low, r);
    high = std::max(high, r);
  }
  double d = 0.0;
  for (int r = low; r <= high; ++r) {
    if (counts[r] != 0) d += counts[r] * exp_diff_[static_cast<std::size_t>(high - r)];
    counts[r] = 0;
  }
  return d;
}

int DenseInteraction::decision_sign(const std::int16_t* xi_i, const std::int16_t* m,
                                    Spin s_i) const {
  if (exact_) {
    const std::int64_t d = exact_sum(xi_i, m, s_i);
    return (d > 0) - (d < 0);
  }
  const double d = kind_ == InteractionKind::exp ? exp_sum(xi_i, m, s_i) : double_sum(xi_i, m, s_i);
  return (d > 0) - (d < 0);
}

double DenseInteraction::decision(const std::int16_t* xi_i, const std::int16_t* m, Spin s_i) const {
  if (exact_) return static_cast<double>(exact_sum(xi_i, m, s_i));
  return kind_ == InteractionKind::exp ? exp_sum(xi_i, m, s_i) : double_sum(xi_i, m, s_i);
}

std::vector<double> DenseInteraction::contributions(const std::int16_t* xi_i, const std::int16_t* m,
                                                    Spin s_i) const {
  std::vector<double> terms(static_cast<std::size_t>(p_));
  const int high = kind_ == InteractionKind::exp ? largest_r(xi_i, m, s_i) : 0;
  for (int mu = 0; mu < p_; ++mu) {
    const int xi = xi_i[mu];
    const int r = m[mu] - xi * s_i;
    double g;
    if (kind_ == InteractionKind::exp)
      g = exp_diff_[static_cast<std::size_t>(high - r)];
    else if (exact_)
      g = static_cast<double>(g_int_[static_cast<std::size_t>(r + n_ - 1)]);
    else
      g = g_double_[static_cast<std::size_t>(r + n_ - 1)];
    terms[static_cast<std::size_t>(mu)] = xi > 0 ? g : -g;
  }
  return terms;
}

double DenseInteraction::energy(const std::int16_t* m) const {
  if (exact_) {
    std::int64_t sum = 0;
    for (int mu = 0; mu < p_; ++mu) sum += f_int_[static_cast<std::size_t>(m[mu] + n_)];
    return -static_cast<double>(sum) + 0.0;  // "+ 0.0": no "-0" for an empty network
  }
  if (kind_ != InteractionKind::exp) {
    double sum = 0.0;
    for (int mu = 0; mu < p_; ++mu) sum += f_double_[static_cast<std::size_t>(m[mu] + n_)];
    return -sum + 0.0;
  }
  // -exp(M) sum_mu exp(m_mu - M), M the largest overlap: each term in [0, 1].
  if (p_ == 0) return 0.0;
  int largest = -n_;
  for (int mu = 0; mu < p_; ++mu) largest = std::max(largest, static_cast<int>(m[mu]));
  double sum = 0.0;
  for (int mu = 0; mu < p_; ++mu) sum += exp_neg_[static_cast<std::size_t>(largest - m[mu])];
  return -det_exp(largest) * sum;
}

}  // namespace hopfield
