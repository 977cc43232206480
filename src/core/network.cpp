#include "core/network.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/learning.hpp"

namespace hopfield {

std::string to_string(Rule rule) {
  switch (rule) {
    case Rule::hebbian: return "hebbian";
    case Rule::storkey: return "storkey";
    case Rule::pseudoinverse: return "pseudoinverse";
  }
  return "?";
}

std::string to_string(HebbianScale scale) {
  switch (scale) {
    case HebbianScale::none: return "none";
    case HebbianScale::inv_n: return "n";
    case HebbianScale::inv_p: return "p";
  }
  return "?";
}

Network::Network(int neurons, Rule rule, HebbianScale scale)
    : n_(neurons), rule_(rule), scale_kind_(scale) {
  if (neurons < 1 || neurons > kMaxSide * kMaxSide)
    throw std::invalid_argument("a network needs 1.." + std::to_string(kMaxSide * kMaxSide) +
                                " neurons, not " + std::to_string(neurons));
  if (rule != Rule::hebbian) ensure_dense_allowed(to_string(rule).c_str());
  patterns_.resize(n_, 0);
  bias_ = Eigen::VectorXd::Zero(n_);
}

SpinVector Network::pattern(int mu) const {
  if (mu < 0 || mu >= pattern_count())
    throw std::out_of_range("no stored pattern " + std::to_string(mu) + " (there are " +
                            std::to_string(pattern_count()) + ")");
  return patterns_.col(mu);
}

void Network::ensure_dense_allowed(const char* why) const {
  if (n_ > kMaxDenseNeurons)
    throw std::invalid_argument(std::string(why) + " needs the full N x N weight matrix: at most " +
                                std::to_string(kMaxDenseNeurons) + " neurons (64x64), this " +
                                "network has " + std::to_string(n_) +
                                "; use the Hebbian rule without pruning for larger grids");
}

void Network::set_rule(Rule rule, HebbianScale scale) {
  if (rule != Rule::hebbian) ensure_dense_allowed(to_string(rule).c_str());
  rule_ = rule;
  scale_kind_ = scale;
  relearn();
}

void Network::check_state(const SpinVector& s) const {
  if (s.size() != n_)
    throw std::invalid_argument("state has " + std::to_string(s.size()) +
                                " neurons, the network has " + std::to_string(n_));
}

void Network::store(const SpinVector& xi) {
  check_state(xi);
  check_spins(xi, "stored pattern");
  if (rule_ == Rule::pseudoinverse) {
    // Validate independence before changing anything.
    PatternMatrix next(n_, pattern_count() + 1);
    next << patterns_, xi;
    Eigen::MatrixXf w = pseudoinverse_weights(next);
    patterns_ = std::move(next);
    w_raw_ = std::move(w);
    dense_valid_ = true;
    pruned_ = false;
    return;
  }
  patterns_.conservativeResize(Eigen::NoChange, pattern_count() + 1);
  patterns_.col(pattern_count() - 1) = xi;
  if (pruned_) {
    relearn();
    return;
  }
  if (dense_valid_) {
    if (rule_ == Rule::hebbian) hebbian_update(w_raw_, xi, +1);
    else storkey_update(w_raw_, xi);
  } else if (rule_ == Rule::storkey) {
    relearn();
  }
}

void Network::remove(int mu) {
  const SpinVector xi = pattern(mu);
  const Eigen::Index p = pattern_count();
  PatternMatrix rest(n_, p - 1);
  rest << patterns_.leftCols(mu), patterns_.rightCols(p - 1 - mu);
  patterns_ = std::move(rest);
  if (rule_ == Rule::hebbian && dense_valid_ && !pruned_) {
    hebbian_update(w_raw_, xi, -1);
    return;
  }
  relearn();
}

void Network::clear() {
  patterns_.resize(n_, 0);
  relearn();
}

void Network::relearn() {
  pruned_ = false;
  dense_valid_ = false;
  w_raw_.resize(0, 0);
  if (rule_ == Rule::storkey) {
    w_raw_ = storkey_weights(patterns_);
    dense_valid_ = true;
  } else if (rule_ == Rule::pseudoinverse) {
    w_raw_ = pseudoinverse_weights(patterns_);
    dense_valid_ = true;
  }
}

void Network::set_bias(const Eigen::VectorXd& b) {
  if (b.size() != n_)
    throw std::invalid_argument("bias has " + std::to_string(b.size()) +
                                " entries, the network has " + std::to_string(n_) + " neurons");
  if (!b.allFinite()) throw std::invalid_argument("bias must be finite");
  bias_ = b;
}

double Network::weight_scale() const {
  if (rule_ != Rule::hebbian) return 1.0;
  switch (scale_kind_) {
    case HebbianScale::none: return 1.0;
    case HebbianScale::inv_n: return 1.0 / n_;
    case HebbianScale::inv_p: return pattern_count() > 0 ? 1.0 / pattern_count() : 1.0;
  }
  return 1.0;
}

void Network::build_dense() const {
  ensure_dense_allowed("the dense weight matrix");
  w_raw_ = hebbian_weights(patterns_);
  dense_valid_ = true;
}

const Eigen::MatrixXf& Network::raw_weights() const {
  if (!dense_valid_) build_dense();
  return w_raw_;
}

void Network::set_raw_weights(Eigen::MatrixXf w) {
  if (w.rows() != n_ || w.cols() != n_)
    throw std::invalid_argument("weight matrix must be " + std::to_string(n_) + " x " +
                                std::to_string(n_));
  w_raw_ = std::move(w);
  dense_valid_ = true;
  pruned_ = true;
}

double Network::weight(int i, int j) const {
  if (i < 0 || j < 0 || i >= n_ || j >= n_) throw std::out_of_range("weight index out of range");
  if (dense_valid_) return weight_scale() * w_raw_(i, j);
  if (i == j) return 0.0;
  int s = 0;
  for (Eigen::Index mu = 0; mu < patterns_.cols(); ++mu) s += patterns_(i, mu) * patterns_(j, mu);
  return weight_scale() * s;
}

bool Network::uses_pattern_fields() const {
  return rule_ == Rule::hebbian && !pruned_ &&
         (2 * pattern_count() < n_ || n_ > kMaxDenseNeurons);
}

void Network::raw_fields(const SpinVector& s, Eigen::VectorXd& h) const {
  check_state(s);
  h.setZero(n_);
  if (uses_pattern_fields()) {
    // h_raw = Xi (Xi^T s) - P s: integer arithmetic, exact in any order.
    const Eigen::Index p = patterns_.cols();
    for (Eigen::Index mu = 0; mu < p; ++mu) {
      const int m = dot(patterns_.col(mu), s);
      const Spin* xi = patterns_.col(mu).data();
      for (int i = 0; i < n_; ++i) h[i] += static_cast<double>(xi[i] * m);
    }
    for (int i = 0; i < n_; ++i) h[i] -= static_cast<double>(p * s[i]);
    return;
  }
  dense_fields(raw_weights(), s, h);
}

void dense_fields(const Eigen::MatrixXf& w, const SpinVector& s, Eigen::VectorXd& h) {
  // h = sum_j s_j W(:, j), vectorized over i. Columns are summed in float in blocks of
  // kBlock (exact for integer Hebbian weights: partial sums stay far below 2^24), each block
  // added to h in double; every h_i sees the same order of operations on every toolchain.
  constexpr int kBlock = 64;
  const int n = static_cast<int>(w.rows());
  h.setZero(n);
  std::vector<float> acc(static_cast<std::size_t>(n));
  float* a = acc.data();
  for (int j0 = 0; j0 < n; j0 += kBlock) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    const int j1 = std::min(j0 + kBlock, n);
    int j = j0;
    for (; j + 4 <= j1; j += 4) {
      const float s0 = s[j], s1 = s[j + 1], s2 = s[j + 2], s3 = s[j + 3];
      const float* c0 = w.col(j).data();
      const float* c1 = w.col(j + 1).data();
      const float* c2 = w.col(j + 2).data();
      const float* c3 = w.col(j + 3).data();
      for (int i = 0; i < n; ++i) a[i] = (((a[i] + s0 * c0[i]) + s1 * c1[i]) + s2 * c2[i]) + s3 * c3[i];
    }
    for (; j < j1; ++j) {
      const float sj = s[j];
      const float* c = w.col(j).data();
      for (int i = 0; i < n; ++i) a[i] = a[i] + sj * c[i];
    }
    double* hd = h.data();
    for (int i = 0; i < n; ++i) hd[i] += static_cast<double>(a[i]);
  }
}

Eigen::VectorXd Network::local_fields(const SpinVector& s) const {
  Eigen::VectorXd h;
  raw_fields(s, h);
  const double scale = weight_scale();
  for (int i = 0; i < n_; ++i) h[i] = scale * h[i] + bias_[i];
  return h;
}

double Network::energy_from_raw_fields(const SpinVector& s, const Eigen::VectorXd& h_raw) const {
  double quadratic = 0.0, linear = 0.0;
  for (int i = 0; i < n_; ++i) {
    quadratic += s[i] * h_raw[i];
    linear += s[i] * bias_[i];
  }
  return -0.5 * weight_scale() * quadratic - linear;
}

double Network::energy(const SpinVector& s) const {
  Eigen::VectorXd h;
  raw_fields(s, h);
  return energy_from_raw_fields(s, h);
}

std::vector<double> Network::pattern_votes(const SpinVector& s, int i) const {
  check_state(s);
  if (rule_ != Rule::hebbian || pruned_)
    throw std::invalid_argument("pattern votes exist only for an unpruned Hebbian network");
  if (i < 0 || i >= n_) throw std::out_of_range("neuron index out of range");
  std::vector<double> votes(static_cast<std::size_t>(pattern_count()));
  for (int mu = 0; mu < pattern_count(); ++mu) {
    const int others = dot(patterns_.col(mu), s) - patterns_(i, mu) * s[i];
    votes[static_cast<std::size_t>(mu)] = weight_scale() * patterns_(i, mu) * others;
  }
  return votes;
}

}  // namespace hopfield
