#include "core/network.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/costs.hpp"
#include "core/models/dense_memory.hpp"
#include "core/learning.hpp"
#include "core/models/weight_models.hpp"

namespace hopfield {

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

const Eigen::Matrix<std::int16_t, Eigen::Dynamic, Eigen::Dynamic>& Network::patterns_transposed()
    const {
  if (!patterns_t_valid_) {
    // Copied in 64 x 64 tiles: an element-by-element transpose strides through the whole matrix
    // for every row, a cache miss per spin (most of a Recall's set-up at N x P = 2^26).
    constexpr Eigen::Index kTile = 64;
    const Eigen::Index p = patterns_.cols();
    patterns_t_.resize(p, n_);
    for (Eigen::Index mu0 = 0; mu0 < p; mu0 += kTile)
      for (Eigen::Index i0 = 0; i0 < n_; i0 += kTile) {
        const Eigen::Index mu1 = std::min(mu0 + kTile, p), i1 = std::min<Eigen::Index>(i0 + kTile, n_);
        for (Eigen::Index i = i0; i < i1; ++i)
          for (Eigen::Index mu = mu0; mu < mu1; ++mu) patterns_t_(mu, i) = patterns_(i, mu);
      }
    patterns_t_valid_ = true;
  }
  return patterns_t_;
}

void Network::ensure_dense_allowed(const char* why) const {
  if (n_ > kMaxDenseNeurons)
    throw std::invalid_argument(std::string(why) + " needs the full N x N weight matrix: at most " +
                                std::to_string(kMaxDenseNeurons) + " neurons (64x64), this " +
                                "network has " + std::to_string(n_) +
                                "; use the classic model's Hebbian rule, unpruned and without "
                                "weight modifiers, for larger grids");
}

namespace {
// Refuses, before any work, learning that would take longer than kMaxLearningWork.
void check_learning(int neurons, std::int64_t patterns, Rule rule, const ModelOptions& model) {
  check_cost(learning_cost(neurons, patterns, rule, model), kNativeBudget);
}
}  // namespace

void Network::learn_model_weights(Rule rule, const ModelOptions& model) {
  ensure_dense_allowed(("the model \"" + describe(model) + "\"").c_str());
  check_learning(n_, pattern_count(), rule, model);
  // Learn first, then commit: if learning throws, the network is unchanged.
  ModelWeights w = hopfield::model_weights(patterns_, rule, model);
  rule_ = rule;
  model_ = model;
  adopt_model_weights(std::move(w));
}

void Network::adopt_model_weights(ModelWeights w) {
  w_raw_ = std::move(w.w_raw);
  model_bias_ = std::move(w.bias);
  dense_valid_ = true;
  model_weights_ = true;
  pruned_ = false;
}

void Network::set_rule(Rule rule, HebbianScale scale) {
  if (rule != Rule::hebbian) ensure_dense_allowed(to_string(rule).c_str());
  check_weight_model(model_, rule);
  if (needs_model_weights(model_)) {
    learn_model_weights(rule, model_);
    scale_kind_ = scale;
    return;
  }
  if (rule != Rule::hebbian) check_learning(n_, pattern_count(), rule, model_);
  // Learn first, then commit: if learning throws (pseudo-inverse of dependent patterns),
  // the network keeps its rule and weights.
  Eigen::MatrixXf w;
  if (rule == Rule::storkey) w = storkey_weights(patterns_);
  else if (rule == Rule::pseudoinverse) w = pseudoinverse_weights(patterns_);
  rule_ = rule;
  scale_kind_ = scale;
  pruned_ = false;
  model_weights_ = false;
  model_bias_.resize(0);
  dense_valid_ = rule != Rule::hebbian;
  w_raw_ = std::move(w);
}

void Network::set_model(const ModelOptions& model) {
  check_model_options(model);
  check_weight_model(model, rule_);
  if (needs_model_weights(model)) {
    learn_model_weights(rule_, model);
    return;
  }
  check_learning(n_, pattern_count(), rule_, model);
  model_ = model;
  relearn();
}

void Network::set_rule_and_model(Rule rule, HebbianScale scale, const ModelOptions& model) {
  check_model_options(model);
  if (rule != Rule::hebbian) ensure_dense_allowed(to_string(rule).c_str());
  check_weight_model(model, rule);
  if (needs_model_weights(model)) {
    learn_model_weights(rule, model);
    scale_kind_ = scale;
    return;
  }
  const ModelOptions before = model_;
  model_ = model;  // no model weights: set_rule learns the rule's own W once
  try {
    set_rule(rule, scale);
  } catch (...) {
    model_ = before;
    throw;
  }
}

void Network::check_state(const SpinVector& s) const {
  if (s.size() != n_)
    throw std::invalid_argument("state has " + std::to_string(s.size()) +
                                " neurons, the network has " + std::to_string(n_));
}

namespace {

// m_mu = xi^mu . s for every stored pattern, as a Recall keeps them (|m| <= N fits 16 bits).
std::vector<std::int16_t> pattern_overlaps(const PatternMatrix& patterns, const SpinVector& s) {
  std::vector<std::int16_t> m(static_cast<std::size_t>(patterns.cols()));
  for (Eigen::Index mu = 0; mu < patterns.cols(); ++mu)
    m[static_cast<std::size_t>(mu)] = static_cast<std::int16_t>(dot(patterns.col(mu), s));
  return m;
}

}  // namespace

void check_network_capacity(int neurons, std::int64_t patterns) {
  if (patterns > kMaxPatterns)
    throw std::invalid_argument("a network holds at most " + std::to_string(kMaxPatterns) +
                                " patterns, not " + std::to_string(patterns));
  const std::int64_t spins = patterns * neurons;
  if (spins > kMaxPatternSpins)
    throw std::invalid_argument(
        std::to_string(patterns) + " patterns of " + std::to_string(neurons) +
        " neurons are N x P = " + std::to_string(spins) + " spins, more than the " +
        std::to_string(kMaxPatternSpins) + " a network may hold: store at most " +
        std::to_string(kMaxPatternSpins / neurons) + " patterns of this size");
}

void Network::store(const SpinVector& xi) {
  check_state(xi);
  check_spins(xi, "stored pattern");
  store_all(xi);
}

void Network::store_all(const PatternMatrix& xs) {
  if (xs.rows() != n_)
    throw std::invalid_argument("patterns have " + std::to_string(xs.rows()) +
                                " neurons, the network has " + std::to_string(n_));
  check_network_capacity(n_, pattern_count() + xs.cols());
  for (Eigen::Index k = 0; k < xs.cols(); ++k)
    check_spins(xs.col(k), "stored pattern " + std::to_string(pattern_count() + k));
  // Storkey and Hebbian networks learn the new patterns on their W; the others relearn all.
  const bool incremental = !model_weights_ && !pruned_ && dense_valid_ && rule_ != Rule::pseudoinverse;
  check_learning(n_, incremental ? xs.cols() : pattern_count() + xs.cols(), rule_, model_);
  PatternMatrix next(n_, pattern_count() + xs.cols());
  next << patterns_, xs;
  if (model_weights_) {
    // Relearnt from scratch (dreams, dilution and forgetting depend on all the patterns),
    // before committing: if learning throws, the network is unchanged.
    ModelWeights w = hopfield::model_weights(next, rule_, model_);
    patterns_ = std::move(next);
    patterns_t_valid_ = false;
    adopt_model_weights(std::move(w));
    return;
  }
  if (rule_ == Rule::pseudoinverse) {
    // Learn before committing: dependent patterns throw and leave the network as it was.
    Eigen::MatrixXf w = pseudoinverse_weights(next);
    patterns_ = std::move(next);
    patterns_t_valid_ = false;
    w_raw_ = std::move(w);
    dense_valid_ = true;
    pruned_ = false;
    return;
  }
  patterns_t_valid_ = false;
  patterns_ = std::move(next);
  if (pruned_) {
    relearn();
    return;
  }
  if (dense_valid_) {
    for (Eigen::Index k = 0; k < xs.cols(); ++k) {
      const SpinVector xi = xs.col(k);
      if (rule_ == Rule::hebbian)
        hebbian_update(w_raw_, xi, +1);
      else
        storkey_update(w_raw_, xi);
    }
  } else if (rule_ == Rule::storkey) {
    relearn();
  }
}

void Network::remove(int mu) {
  const SpinVector xi = pattern(mu);
  const Eigen::Index p = pattern_count();
  if (rule_ != Rule::hebbian || !dense_valid_ || pruned()) check_learning(n_, p - 1, rule_, model_);
  PatternMatrix rest(n_, p - 1);
  rest << patterns_.leftCols(mu), patterns_.rightCols(p - 1 - mu);
  patterns_ = std::move(rest);
  patterns_t_valid_ = false;
  if (rule_ == Rule::hebbian && dense_valid_ && !pruned()) {
    hebbian_update(w_raw_, xi, -1);
    return;
  }
  relearn();
}

void Network::clear() {
  patterns_.resize(n_, 0);
  patterns_t_valid_ = false;
  relearn();
}

void Network::relearn() {
  if (needs_model_weights(model_)) {
    learn_model_weights(rule_, model_);
    return;
  }
  pruned_ = false;
  model_weights_ = false;
  model_bias_.resize(0);
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
  if (rule_ != Rule::hebbian || model_.model == Model::sparse) return 1.0;
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

bool Network::uses_pattern_fields() const {
  if (rule_ != Rule::hebbian || pruned()) return false;
  if (n_ > kMaxDenseNeurons) return true;
  switch (field_path_) {
    case FieldPath::patterns: return true;
    case FieldPath::dense: return false;
    case FieldPath::automatic: break;
  }
  return 2 * pattern_count() < n_;
}

void Network::raw_fields(const SpinVector& s, Eigen::VectorXd& h) const {
  check_state(s);
  h.setZero(n_);
  if (model_.model == Model::dense) {
    const DenseInteraction f(model_.interaction, n_, pattern_count());
    const std::vector<std::int16_t> m = pattern_overlaps(patterns_, s);
    const auto& xi_t = patterns_transposed();
    for (int i = 0; i < n_; ++i) h[i] = f.decision(xi_t.col(i).data(), m.data(), s[i]);
    return;
  }
  // Unpruned Hebbian fields from the patterns whenever that is cheaper than from W (P < N),
  // even when recall uses W: exact integers, the same bits either way.
  if (uses_pattern_fields() ||
      (rule_ == Rule::hebbian && !pruned() && pattern_count() < n_)) {
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

namespace {

// h += sign * sum of the given columns: summed in float, in the listed order, in blocks of
// kBlock columns, each block then added to h in double.
void add_columns(const std::vector<const float*>& cols, int n, double sign, Eigen::VectorXd& h,
                 std::vector<float>& acc) {
  constexpr std::size_t kBlock = 64;
  float* __restrict a = acc.data();  // never aliases W: lets both compilers vectorize
  double* __restrict hd = h.data();
  for (std::size_t b0 = 0; b0 < cols.size(); b0 += kBlock) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    const std::size_t b1 = std::min(b0 + kBlock, cols.size());
    std::size_t j = b0;
    for (; j + 8 <= b1; j += 8) {
      const float *c0 = cols[j], *c1 = cols[j + 1], *c2 = cols[j + 2], *c3 = cols[j + 3];
      const float *c4 = cols[j + 4], *c5 = cols[j + 5], *c6 = cols[j + 6], *c7 = cols[j + 7];
      for (int i = 0; i < n; ++i)
        a[i] = (((((((a[i] + c0[i]) + c1[i]) + c2[i]) + c3[i]) + c4[i]) + c5[i]) + c6[i]) + c7[i];
    }
    for (; j < b1; ++j) {
      const float* c = cols[j];
      for (int i = 0; i < n; ++i) a[i] = a[i] + c[i];
    }
    for (int i = 0; i < n; ++i) hd[i] += sign * static_cast<double>(a[i]);
  }
}

}  // namespace

void dense_fields(const Eigen::MatrixXf& w, const SpinVector& s, Eigen::VectorXd& h) {
  // h = sum_{j: s_j = +1} W(:, j) - sum_{j: s_j = -1} W(:, j): no multiplications, and
  // vectorized over i. The order of operations depends only on s, so every toolchain gives
  // the same bits; integer (Hebbian) weights are summed exactly (block sums stay < 2^24).
  const int n = static_cast<int>(w.rows());
  std::vector<const float*> plus, minus;
  for (int j = 0; j < n; ++j) (s[j] > 0 ? plus : minus).push_back(w.col(j).data());
  std::vector<float> acc(static_cast<std::size_t>(n));
  h.setZero(n);
  add_columns(plus, n, 1.0, h, acc);
  add_columns(minus, n, -1.0, h, acc);
}

Eigen::VectorXd Network::local_fields(const SpinVector& s) const {
  Eigen::VectorXd h;
  raw_fields(s, h);
  if (model_.model == Model::dense) return h;  // D_i: no scale, no bias
  const double scale = weight_scale();
  const Eigen::VectorXd& b = bias();
  for (int i = 0; i < n_; ++i) h[i] = scale * h[i] + b[i];
  return h;
}

double Network::energy_from_raw_fields(const SpinVector& s, const Eigen::VectorXd& h_raw) const {
  if (model_.model == Model::dense) return energy(s);  // not a function of D
  double quadratic = 0.0, linear = 0.0;
  const Eigen::VectorXd& b = bias();
  for (int i = 0; i < n_; ++i) {
    quadratic += s[i] * h_raw[i];
    linear += s[i] * b[i];
  }
  // "+ 0.0" turns -0 (an empty network) into 0, so traces never print "-0".
  return -0.5 * weight_scale() * quadratic - linear + 0.0;
}

double Network::energy(const SpinVector& s) const {
  if (model_.model == Model::dense) {
    check_state(s);
    const DenseInteraction f(model_.interaction, n_, pattern_count());
    return f.energy(pattern_overlaps(patterns_, s).data());
  }
  Eigen::VectorXd h;
  raw_fields(s, h);
  return energy_from_raw_fields(s, h);
}

std::vector<double> Network::pattern_votes(const SpinVector& s, int i) const {
  check_state(s);
  if (i < 0 || i >= n_) throw std::out_of_range("neuron index out of range");
  if (model_.model == Model::dense) {
    const DenseInteraction f(model_.interaction, n_, pattern_count());
    return f.contributions(patterns_transposed().col(i).data(),
                           pattern_overlaps(patterns_, s).data(), s[i]);
  }
  if (rule_ != Rule::hebbian || pruned())
    throw std::invalid_argument(
        "pattern votes exist only for an unpruned Hebbian network without model weights");
  std::vector<double> votes(static_cast<std::size_t>(pattern_count()));
  for (int mu = 0; mu < pattern_count(); ++mu) {
    const int others = dot(patterns_.col(mu), s) - patterns_(i, mu) * s[i];
    votes[static_cast<std::size_t>(mu)] = weight_scale() * patterns_(i, mu) * others;
  }
  return votes;
}

double local_field(const Network& net, const SpinVector& s, int i) {
  if (i < 0 || i >= net.size()) throw std::out_of_range("neuron index out of range");
  if (s.size() != net.size()) throw std::invalid_argument("state size differs from the network");
  if (net.model().model == Model::dense) {  // D_i, the sum of the patterns' terms (no bias)
    double d = 0.0;
    for (double term : net.pattern_votes(s, i)) d += term;
    return d;
  }
  if (net.rule() == Rule::hebbian && !net.pruned()) {
    double h = net.bias()[i];
    for (double vote : net.pattern_votes(s, i)) h += vote;
    return h;
  }
  const Eigen::MatrixXf& w = net.raw_weights();
  double sum = 0.0;
  for (int j = 0; j < net.size(); ++j) sum += s[j] * static_cast<double>(w(i, j));
  return net.weight_scale() * sum + net.bias()[i];
}

std::vector<float> weight_block_means(const Network& net, int blocks) {
  const int n = net.size();
  if (blocks < 1 || blocks > n)
    throw std::invalid_argument("heatmap blocks must be 1.." + std::to_string(n));
  const std::size_t b = static_cast<std::size_t>(blocks);
  std::vector<int> block_of(static_cast<std::size_t>(n));
  std::vector<double> count(b, 0.0);
  for (int i = 0; i < n; ++i) {
    block_of[static_cast<std::size_t>(i)] = static_cast<int>(1LL * i * blocks / n);
    count[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)])] += 1.0;
  }
  std::vector<double> sum(b * b, 0.0);
  if (net.rule() == Rule::hebbian && !net.pruned()) {
    // Sum over a block pair of sum_mu xi_i xi_j = sum_mu S_I S_J, minus the P |I| diagonal.
    const int p = net.pattern_count();
    std::vector<double> s(b);
    for (int mu = 0; mu < p; ++mu) {
      std::fill(s.begin(), s.end(), 0.0);
      for (int i = 0; i < n; ++i)
        s[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)])] += net.patterns()(i, mu);
      for (std::size_t bi = 0; bi < b; ++bi)
        for (std::size_t bj = 0; bj < b; ++bj) sum[bi * b + bj] += s[bi] * s[bj];
    }
    for (std::size_t bi = 0; bi < b; ++bi) sum[bi * b + bi] -= static_cast<double>(p) * count[bi];
  } else {
    const Eigen::MatrixXf& w = net.raw_weights();
    for (int j = 0; j < n; ++j) {
      const std::size_t bj = static_cast<std::size_t>(block_of[static_cast<std::size_t>(j)]);
      for (int i = 0; i < n; ++i)
        sum[static_cast<std::size_t>(block_of[static_cast<std::size_t>(i)]) * b + bj] += w(i, j);
    }
  }
  std::vector<float> means(b * b);
  const double scale = net.weight_scale();
  for (std::size_t bi = 0; bi < b; ++bi)
    for (std::size_t bj = 0; bj < b; ++bj)
      means[bi * b + bj] = static_cast<float>(scale * sum[bi * b + bj] / (count[bi] * count[bj]));
  return means;
}

}  // namespace hopfield
